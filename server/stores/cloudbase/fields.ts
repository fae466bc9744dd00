/**
 * Documents as records: a record type's shape (one reader per field) reads and checks a document
 * in one place, and a record is written back as its fields without `id`. Then writing a core
 * decision back in a transaction: read one document, let the core decide, update only the
 * fields the decision changed.
 */
import { integer, isDoc, isRemoved, MalformedDocument, readDoc, text } from './documents';
import {
  PAGE_SIZE,
  type CloudCollection,
  type CloudDatabase,
  type CloudDocument,
  type CloudQuery,
  type CloudTransaction,
  type DocData,
} from './sdk';
import { FEW_RACERS, transact } from './transaction';

/** Reads one field, throwing MalformedDocument (naming `where` and the key) when it is wrong. */
export type Reader<V> = (doc: DocData, key: string, where: string) => V;
export type Shape<T> = { [K in keyof T]-?: Reader<T[K]> };

export { integer, text };

export function read<T>(shape: Shape<T>, doc: DocData, where: string): T {
  const record: Record<string, unknown> = {};
  for (const [key, reader] of Object.entries<Reader<unknown>>(shape)) {
    record[key] = reader(doc, key, where);
  }
  return record as T;
}

/** A text field holding one of `allowed`. */
export const oneOf =
  <V extends string>(allowed: readonly V[]): Reader<V> =>
  (doc, key, where) => {
    const value = text(doc, key, where);
    if (!(allowed as readonly string[]).includes(value)) throw new MalformedDocument(where, key);
    return value as V;
  };

/** null (or absent) or what `reader` reads. */
export const nullable =
  <V>(reader: Reader<V>): Reader<V | null> =>
  (doc, key, where) =>
    doc[key] === null || doc[key] === undefined ? null : reader(doc, key, where);

/** null or absent: null; otherwise a string. */
export const nullableText: Reader<string | null> = nullable(text);

/** Absent (documents written before the field): `fallback`. */
export const orDefault =
  <V>(reader: Reader<V>, fallback: V): Reader<V> =>
  (doc, key, where) =>
    doc[key] === undefined ? copyOf(fallback) : reader(doc, key, where);

/** A finite number (not only an integer). */
export const finite: Reader<number> = (doc, key, where) => {
  const value = doc[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new MalformedDocument(where, key);
  return value;
};

/** true only when stored as true: absent (older documents) or anything else reads as false. */
export const flag: Reader<boolean> = (doc, key) => doc[key] === true;

export const bool: Reader<boolean> = (doc, key, where) => {
  if (typeof doc[key] !== 'boolean') throw new MalformedDocument(where, key);
  return doc[key];
};

/** A list of strings, which must be present. */
export const strings: Reader<string[]> = (doc, key, where) => {
  const value = doc[key];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new MalformedDocument(where, key);
  }
  return value;
};

/** A list of strings; absent (or null) reads as none. */
export const someStrings: Reader<string[]> = (doc, key, where) =>
  nullable(strings)(doc, key, where) ?? [];

/** A nested document of `shape`, read where "<where> <key>". */
export const nested =
  <T>(shape: Shape<T>): Reader<T> =>
  (doc, key, where) => {
    const value = doc[key];
    if (!isDoc(value)) throw new MalformedDocument(where, key);
    return read(shape, value, `${where} ${key}`);
  };

/** A list of nested documents of `shape`, each read where "<where> <key>[i]". */
export const listOf =
  <T>(shape: Shape<T>): Reader<T[]> =>
  (doc, key, where) => {
    const value = doc[key];
    if (!Array.isArray(value) || !value.every(isDoc)) throw new MalformedDocument(where, key);
    return value.map((item, i) => read(shape, item, `${where} ${key}[${i}]`));
  };

/** A record of `shape` from its document: the `_id` is its id. */
export const recordOf =
  <T extends { id: string }>(collection: string, shape: Shape<Omit<T, 'id'>>) =>
  (id: string, doc: DocData): T =>
    ({ id, ...read(shape, doc, `${collection}/${id}`) }) as T;

/** Reads the documents of a query, their `_id` as the id. */
export const recordsOf =
  <T>(collection: string, fromDoc: (id: string, doc: DocData) => T) =>
  (docs: DocData[]): T[] =>
    docs.map((doc) => fromDoc(text(doc, '_id', `${collection}/?`), doc));

/** One record by `_id` (one read), or null when there is none. */
export async function getRecord<T>(
  ref: CloudDocument,
  fromDoc: (id: string, doc: DocData) => T,
  id: string,
): Promise<T | null> {
  const doc = await readDoc(ref);
  return doc ? fromDoc(id, doc) : null;
}

/** The fields of `shape` from `record`, in the shape's order and copied deep: what it is stored as. */
export const fieldsOf = <T>(shape: Shape<T>, record: T): DocData =>
  copyOf(Object.fromEntries(Object.keys(shape).map((k) => [k, record[k as keyof T]])));

/**
 * A query's documents, page by page (skip/limit over a total order, past the 100-per-read cap),
 * while `take` answers for each: true keeps it, false passes over it, 'stop' ends the reading; so
 * does the `limit`-th one kept.
 */
export async function readWhile(
  query: () => CloudQuery,
  take: (doc: DocData) => boolean | 'stop',
  limit = Infinity,
): Promise<DocData[]> {
  const found: DocData[] = [];
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data } = await query().skip(skip).limit(PAGE_SIZE).get();
    for (const doc of data) {
      const taken = take(doc);
      if (taken === 'stop') return found;
      if (taken) found.push(doc);
      if (found.length >= limit) return found;
    }
    if (data.length < PAGE_SIZE) return found;
  }
}

/** Every page of a query. */
export const readAll = (query: () => CloudQuery) => readWhile(query, () => true);

/** The first `limit` documents of a query, in pages of at most PAGE_SIZE. */
export async function readUpTo(limit: number, query: () => CloudQuery): Promise<DocData[]> {
  const docs: DocData[] = [];
  while (docs.length < limit) {
    const page = Math.min(PAGE_SIZE, limit - docs.length);
    const { data } = await query().skip(docs.length).limit(page).get();
    docs.push(...data);
    if (data.length < page) break;
  }
  return docs;
}

/** One remove per document of `docs` (a query's, read with their `_id`s): how many. */
export async function removeEach(collection: CloudCollection, docs: DocData[], where: string) {
  for (const doc of docs) await collection.doc(text(doc, '_id', `${where}/?`)).remove();
  return docs.length;
}

/** `run` (a transaction) on each of `items` in turn: how many it changed (answered truthy). */
export async function countChanged<I>(items: readonly I[], run: (item: I) => Promise<unknown>) {
  let count = 0;
  for (const item of items) if (await run(item)) count += 1;
  return count;
}

/** A deep copy of plain data (JSON: records are; Node 16, the cloud runtime, has no structuredClone). */
export const copyOf = <T>(data: T): T => JSON.parse(JSON.stringify(data)) as T;

/** What a record is written as: every field but `id` (the `_id`), copied deep. */
export function docOf<T extends { id: string }>(record: T): DocData {
  const { id: _id, ...fields } = record;
  return copyOf(fields);
}

export function changedFields<T extends object>(before: T, after: T): DocData {
  const changed: DocData = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify((before as Record<string, unknown>)[key])) {
      changed[key] = value;
    }
  }
  return changed;
}

/** update() of the fields `after` changed of `before`: nothing when none did. */
export async function updateChanged<T extends object>(ref: CloudDocument, before: T, after: T) {
  const data = changedFields(before, after);
  if (Object.keys(data).length > 0) await ref.update({ data });
}

/** Writes a decision back in `tx`: `next` in place of `current`, `stored` what was read. */
export type Write<T> = (
  ref: CloudDocument,
  next: T,
  current: T,
  stored: DocData,
  tx: CloudTransaction,
) => Promise<unknown>;

/** `query` in the order of `orders`, each "field" (ascending) or "field desc". */
export const ordered = (query: CloudQuery, orders: readonly string[]): CloudQuery =>
  orders.reduce((q, order) => {
    const [field = order, dir] = order.split(' ');
    return q.orderBy(field, dir === 'desc' ? 'desc' : 'asc');
  }, query);

/**
 * The records of one collection, stored by `_id`: `names[collection]` is its name with the
 * store's prefix, `collection` the one MalformedDocument names. A record by id (one read), every
 * record of a query in `orders` (readAll), a record set whole, and a core decision written back
 * in a transaction (change), for one record or a query's.
 */
export function records<T extends object, C extends string>(
  db: CloudDatabase,
  names: Record<C, string>,
  collection: C,
  fromDoc: (id: string, doc: DocData) => T,
) {
  const name = names[collection];
  const all = recordsOf(collection, fromDoc);
  const ref = () => db.collection(name);
  const doc = (id: string) => ref().doc(id);
  /**
   * In `tx`: get, then update of what `decide` changed (or `write`): the record it returns, or
   * null (nothing written) when the document is missing or the decision refuses. Scalar fields
   * only: update() would merge a nested object where the decision replaces it; `write` then
   * set()s the whole document.
   */
  async function changeIn(
    tx: CloudTransaction,
    id: string,
    decide: (current: T) => T | null,
    write: Write<T> = (ref, next, current) => updateChanged(ref, current, next),
  ): Promise<T | null> {
    const txRef = tx.collection(name).doc(id);
    const stored = await readDoc(txRef);
    const current = stored && fromDoc(id, stored);
    const next = current && decide(current);
    if (!stored || !current || !next) return null;
    await write(txRef, next, current, stored, tx);
    return next;
  }
  const change = (id: string, decide: (current: T) => T | null, write?: Write<T>) =>
    transact(db, FEW_RACERS, (tx) => changeIn(tx, id, decide, write));
  return {
    name,
    ref,
    doc,
    /** `run` on the document as a transaction of its own reads it (null: there is none). */
    onDoc: <R>(
      id: string,
      run: (doc: DocData | null, ref: CloudDocument, tx: CloudTransaction) => Promise<R>,
    ) =>
      transact(db, FEW_RACERS, async (tx) => {
        const txRef = tx.collection(name).doc(id);
        return run(await readDoc(txRef), txRef, tx);
      }),
    get: (id: string) => getRecord(doc(id), fromDoc, id),
    /** The collection in a transaction: a document, and a record by id (one get). */
    in: (tx: CloudTransaction) => ({
      doc: (id: string) => tx.collection(name).doc(id),
      get: (id: string) => getRecord(tx.collection(name).doc(id), fromDoc, id),
    }),
    find: async (where: DocData, ...orders: string[]) =>
      all(await readAll(() => ordered(ref().where(where), orders))),
    /** The first `limit` records of a query in `orders` (readUpTo). */
    first: async (limit: number, where: DocData, ...orders: string[]) =>
      all(await readUpTo(limit, () => ordered(ref().where(where), orders))),
    async put(record: T & { id: string }) {
      await doc(record.id).set({ data: docOf(record) });
    },
    change,
    changeIn,
    /** One query for the ids, then change() of each: how many the decision changed. */
    async changeAll(where: DocData, decide: (current: T) => T | null, write?: Write<T>) {
      const query = () => ref().where(where).orderBy('_id', 'asc').field({ _id: true });
      return countChanged(await readAll(query), ({ _id }) =>
        change(text({ _id }, '_id', `${collection}/?`), decide, write),
      );
    },
  };
}

/**
 * A collection of small documents under deterministic `_id`s (keys and counters), in a
 * transaction: a transaction cannot query, so these are how it finds what it needs.
 */
export function keysIn<C extends string>(
  tx: CloudTransaction,
  names: Record<C, string>,
  collection: C,
) {
  const doc = (id: string) => tx.collection(names[collection]).doc(id);
  return {
    doc,
    /**
     * What key `id` points to: its `field` ("taskId": a task) holds the `_id` of a record read by
     * `load`. No key, or a REMOVED one: no record (one get); a key pointing to a missing record
     * is malformed ("task <id>").
     */
    async pointedTo<T>(id: string, field: string, load: (id: string) => Promise<T | null>) {
      const key = doc(id);
      const stored = await readDoc(key);
      if (!stored || isRemoved(stored)) return { key, record: null };
      const recordId = text(stored, field, `${collection}/${id}`);
      const record = await load(recordId);
      const label = `${field.replace(/Id$/, '')} ${recordId}`;
      if (!record) throw new MalformedDocument(`${collection}/${id}`, label);
      return { key, record };
    },
    /**
     * Takes the next number of counter `id` (get, then set with `fields`): the number stored in
     * `field` plus one (absent: 1). Racers for one counter conflict on it, so one commits.
     */
    async nextNumber(id: string, field: string, fields: DocData): Promise<number> {
      const stored = await readDoc(doc(id));
      const next = (stored ? integer(stored, field, `${collection}/${id}`) : 0) + 1;
      await doc(id).set({ data: { ...fields, [field]: next } });
      return next;
    },
  };
}
