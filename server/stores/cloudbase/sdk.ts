/**
 * The slice of wx-server-sdk's database API this adapter uses, typed locally so the store (and
 * the core behind it) never depends on wx-server-sdk's types. The SDK's own typings declare
 * callback-style unions (`Promise<T> | void | string`), so the host adapts `cloud.database()`
 * to this interface once, at the edge.
 */

/** The server returns at most 100 documents per read: longer lists are read in pages. */
export const PAGE_SIZE = 100;

/** A stored document as the SDK returns it: fields stay unknown until mapped and checked. */
export type DocData = Record<string, unknown>;

export interface CloudDocument {
  /**
   * Resolves `{ data: null }` for a missing document when the database was created with
   * `throwOnNotFound: false`; otherwise the SDK rejects with "document with _id … does not exist".
   * The adapter handles both.
   */
  get(): Promise<{ data: DocData | null }>;
  /** Replaces the whole document (upsert); `data` must not contain `_id`. */
  set(options: { data: DocData }): Promise<unknown>;
  /** Merges the given top-level fields; does not return the new value. */
  update(options: { data: DocData }): Promise<unknown>;
  /** Deletes the document; a missing one is not an error. */
  remove(): Promise<unknown>;
}

export interface CloudQuery {
  /** Equality on top-level fields, e.g. `{ community, queue, date }`. */
  where(query: DocData): CloudQuery;
  orderBy(field: string, order: 'asc' | 'desc'): CloudQuery;
  skip(offset: number): CloudQuery;
  /** The server caps a read at 100 documents whatever the limit. */
  limit(max: number): CloudQuery;
  field(projection: Record<string, boolean>): CloudQuery;
  get(): Promise<{ data: DocData[] }>;
}

export interface CloudCollection extends CloudQuery {
  doc(id: string): CloudDocument;
  /** Inserts; rejects when `data._id` already exists (the duplicate-key error). */
  add(options: { data: DocData }): Promise<unknown>;
}

/** Inside a transaction only single-document operations are available. */
export interface CloudTransaction {
  collection(name: string): { doc(id: string): CloudDocument };
}

/**
 * What a query operator returns: opaque here, only ever a field's value in `where()`, e.g.
 * `where({ sortKey: command.lt(5) })`.
 */
export type QueryOperator = object;

/** The query and update operators of `db.command` this adapter uses. */
export interface CloudCommand {
  /** In update(): replaces the field's value whole (a plain object would be merged). */
  set(value: unknown): QueryOperator;
  /** Less than: numbers compare with numbers, strings with strings. */
  lt(value: number | string): QueryOperator;
  /** Greater than or equal, as lt(). */
  gte(value: number | string): QueryOperator;
  /** Not equal; `neq(null)` also leaves out documents without the field. */
  neq(value: unknown): QueryOperator;
}

export interface CloudDatabase {
  collection(name: string): CloudCollection;
  command: CloudCommand;
  /**
   * Runs `run` with snapshot isolation (cloud functions only) and commits; retries on write
   * conflicts and rolls back when `run` throws.
   */
  runTransaction<T>(run: (tx: CloudTransaction) => Promise<T>, retries?: number): Promise<T>;
}
