/**
 * Rows as records, for the tables whose columns are their record's fields in snake_case
 * (`community_id` is `community`): JSON columns parse, 0/1 columns read as booleans, bookkeeping
 * columns are left out. The shared contract suite checks every field comes back as written.
 */
import type Database from 'better-sqlite3';
import { promoteNext, type Waiting } from '../../core/waitlist';

type DB = Database.Database;
export type Row = Record<string, unknown>;

export interface RowShape {
  /** Fields stored as JSON text (null stays null). */
  json?: readonly string[];
  /** Fields stored as 0/1. */
  bool?: readonly string[];
  /** Columns that are not fields (counts kept for SQL). */
  skip?: readonly string[];
}

/** Names are few and read on every row and write: each is spelled out once. */
const remembered = (spell: (name: string) => string) => {
  const known = new Map<string, string>();
  return (name: string) => {
    let spelled = known.get(name);
    if (spelled === undefined) {
      spelled = spell(name);
      known.set(name, spelled);
    }
    return spelled;
  };
};
const fieldOf = remembered((column) =>
  column === 'community_id'
    ? 'community'
    : column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
);
const columnOf = remembered((field) =>
  field === 'community' ? 'community_id' : field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
);

export function rowReader<T>(shape: RowShape = {}) {
  return (row: Row): T => {
    const record: Row = {};
    for (const [column, value] of Object.entries(row)) {
      if (shape.skip?.includes(column)) continue;
      const field = fieldOf(column);
      if (shape.json?.includes(field) && typeof value === 'string')
        record[field] = JSON.parse(value);
      else if (shape.bool?.includes(field)) record[field] = value === 1;
      else record[field] = value;
    }
    return record as T;
  };
}

/** A record's parameters: JSON fields as text, booleans as 0/1 (undefined ones left so). */
export function rowParams(record: object, shape: RowShape = {}): Row {
  const params: Row = { ...record };
  for (const field of [...(shape.json ?? []), ...(shape.bool ?? [])]) {
    params[field] = paramOf(shape, field, params[field]);
  }
  return params;
}

/**
 * One field's parameter: JSON as text, a flag as 0/1. Undefined stays undefined: not written,
 * as table() leaves any undefined field.
 */
function paramOf(shape: RowShape, field: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  if (shape.json?.includes(field)) return value === null ? null : JSON.stringify(value);
  if (shape.bool?.includes(field)) return value ? 1 : 0;
  return value;
}

/** Maps one row, or null when there is none. */
export const maybe = <T>(read: (row: Row) => T, row: Row | undefined): T | null =>
  row ? read(row) : null;

const prepared = new WeakMap<DB, Map<string, Database.Statement<unknown[], unknown>>>();

/** `sql(text)`: the connection's statement for that text, prepared on first use and kept. */
export function statements(db: DB) {
  const cache = prepared.get(db) ?? new Map<string, Database.Statement<unknown[], unknown>>();
  prepared.set(db, cache);
  return <R = Row>(sql: string) => {
    if (!cache.has(sql)) cache.set(sql, db.prepare(sql));
    return cache.get(sql) as Database.Statement<unknown[], R>;
  };
}

/** Entries a connectionCache keeps through `get` before it starts over. */
export const KEPT_AT_MOST = 1_000;

/**
 * Records a repo keeps between requests, valid while no other connection has committed: SQLite's
 * data_version changes exactly then. `revalidate()` forgets them all if one has; the repo clears
 * the map itself on its own writes (which data_version does not count).
 */

export function connectionCache<V>(db: DB) {
  const sql = statements(db);
  const map = new Map<string, V>();
  let seen: unknown = null;
  const revalidate = () => {
    // A prepared statement: db.pragma() prepares its text again on every call.
    const version = sql<{ data_version: number }>('PRAGMA data_version').get()?.data_version;
    if (version !== seen) {
      map.clear();
      seen = version;
    }
  };
  return {
    map,
    revalidate,
    /**
     * The value kept for `key`, revalidated, else `load`'s (kept, null included). Keys can come
     * from a request (a slot id names its service and date): past KEPT_AT_MOST the map starts
     * over, so made-up ones cannot grow it without end.
     */
    get(key: string, load: () => V): V {
      revalidate();
      let hit = map.get(key);
      if (hit === undefined) {
        hit = load();
        if (map.size >= KEPT_AT_MOST) map.clear();
        map.set(key, hit);
      }
      return hit;
    },
  };
}

/** Runs `work` in one IMMEDIATE transaction: the write lock is taken before the first read. */
export function immediate(db: DB) {
  const transaction = db.transaction((work: () => unknown) => work());
  return <R>(work: () => R) => transaction.immediate(work) as R;
}

/**
 * A table of records: reads map rows with the shape, and writes name the columns of the
 * record's fields the table has (PRAGMA table_info), so no column list is written by hand.
 * A field left undefined is not written (the column keeps its default or its value).
 */
export function table<T>(db: DB, name: string, shape: RowShape = {}) {
  const read = rowReader<T>(shape);
  const sql = statements(db);
  const columns = new Set(
    (db.pragma(`table_info(${name})`) as { name: string }[]).map((c) => c.name),
  );
  /**
   * A write's plan for the fields a record sets (undefined ones are left out): the [column,
   * field] pairs, computed once per set of fields, since a table's records come in few shapes.
   */
  const plans = new Map<string, (readonly [string, string])[]>();
  const planOf = (params: Row, leave: readonly string[]) => {
    let signature = leave.join(',');
    for (const f in params) signature += params[f] === undefined ? ';' : `;${f}`;
    let pairs = plans.get(signature);
    if (!pairs) {
      pairs = Object.keys(params)
        .filter((f) => params[f] !== undefined && !leave.includes(f) && columns.has(columnOf(f)))
        .map((f) => [columnOf(f), f] as const);
      plans.set(signature, pairs);
    }
    return pairs;
  };
  /** The parameters and the [column, field] pairs a write names; values bound by position. */
  const written = (record: object, leave: readonly string[] = []) => {
    const params = rowParams(record, shape);
    const pairs = planOf(params, leave);
    return { params, pairs, values: pairs.map(([, f]) => params[f]) };
  };
  const insertSql = (pairs: (readonly [string, string])[]) =>
    `INSERT INTO ${name} (${pairs.map(([c]) => c).join(', ')}) VALUES (${pairs.map(() => '?').join(', ')})`;
  /** The statement for `text(pairs)`, built once per plan (plans are kept, so is the text). */
  const texts = new WeakMap<object, Map<string, string>>();
  const once = (
    pairs: (readonly [string, string])[],
    kind: string,
    text: () => string,
  ): Database.Statement<unknown[], unknown> => {
    const known = texts.get(pairs) ?? new Map<string, string>();
    texts.set(pairs, known);
    let spelled = known.get(kind);
    if (spelled === undefined) {
      spelled = text();
      known.set(kind, spelled);
    }
    return sql(spelled);
  };
  /** Writes every field of the record over the row with the same `key` fields. */
  const update = (record: object, key: readonly string[] = ['id']) => {
    const { params, pairs, values } = written(record, key);
    const statement = once(pairs, `update:${key.join(',')}`, () => {
      const set = pairs.map(([c]) => `${c} = ?`).join(', ');
      const where = key.map((f) => `${columnOf(f)} = ?`).join(' AND ');
      return `UPDATE ${name} SET ${set} WHERE ${where}`;
    });
    return statement.run(...values, ...key.map((f) => params[f]));
  };
  /** updateChanged's statements, by key and changed fields. */
  const changedStatements = new Map<string, Database.Statement<unknown[], unknown>>();
  /**
   * Writes the fields in which `now` differs from `old` (the row as stored) over the row with
   * the same `key` fields; nothing when none differs. A column left out of SET is not rewritten,
   * nor are the indexes over it.
   */
  const updateChanged = (old: object, now: object, key: readonly string[] = ['id']) => {
    const before = old as Row;
    const after = now as Row;
    // One pass, no copy of the record: the queue's group commit writes a few rows per call.
    let signature = key.length === 1 ? key[0]! : key.join(',');
    const fields: string[] = [];
    const values: unknown[] = [];
    for (const f in after) {
      const value = after[f];
      if (value === undefined || value === before[f] || key.includes(f)) continue;
      if (!columns.has(columnOf(f))) continue;
      signature += `;${f}`;
      fields.push(f);
      values.push(paramOf(shape, f, value));
    }
    if (fields.length === 0) return null;
    let statement = changedStatements.get(signature);
    if (!statement) {
      const set = fields.map((f) => `${columnOf(f)} = ?`).join(', ');
      const where = key.map((f) => `${columnOf(f)} = ?`).join(' AND ');
      statement = sql(`UPDATE ${name} SET ${set} WHERE ${where}`);
      changedStatements.set(signature, statement);
    }
    for (const f of key) values.push(paramOf(shape, f, after[f]));
    return statement.run(...values);
  };
  const select = (where: string) => sql(`SELECT * FROM ${name} WHERE ${where}`);
  return {
    name,
    read,
    /** The first row matching `where` (with its ORDER BY), as a record or null. */
    get: (where: string, ...args: unknown[]) => maybe(read, select(where).get(...args)),
    /** Every row matching `where` (with its ORDER BY), as records. */
    all: (where: string, ...args: unknown[]) =>
      select(where)
        .all(...args)
        .map(read),
    /** Deletes the rows matching `where`. */
    remove: (where: string, ...args: unknown[]) =>
      sql(`DELETE FROM ${name} WHERE ${where}`).run(...args),
    insert: (record: object) => {
      const { pairs, values } = written(record);
      return once(pairs, 'insert', () => insertSql(pairs)).run(...values);
    },
    update,
    updateChanged,
    /** Writes a record the core decided on and gives it back; null (no change) writes nothing. */
    save: <R extends T | null>(next: R) => {
      if (next) update(next);
      return next;
    },
    /** Inserts the record, or on a `key` conflict writes its fields but the `kept` ones. */
    upsert: (record: object, key: readonly string[], kept: readonly string[] = []) => {
      const { pairs, values } = written(record);
      const statement = once(pairs, `upsert:${key.join(',')}:${kept.join(',')}`, () => {
        const set = pairs
          .filter(([, f]) => !key.includes(f) && !kept.includes(f))
          .map(([c]) => `${c} = excluded.${c}`);
        const conflict = key.map(columnOf).join(', ');
        return `${insertSql(pairs)} ON CONFLICT (${conflict}) DO UPDATE SET ${set.join(', ')}`;
      });
      return statement.run(...values);
    },
  };
}

/**
 * The waitlist kept in a table's rows, one line per `line` column value, in arrival order:
 * waitlistedAt, then insertion order (rowid) for rows waitlisted in the same instant.
 */
export function waitlist<T extends Waiting & { id: string }>(
  db: DB,
  rows: ReturnType<typeof table<T>>,
  line: string,
) {
  const sql = statements(db);
  const waiting = `${line} = ? AND status = 'waitlisted' ORDER BY waitlisted_at, rowid LIMIT ?`;
  return {
    /** Inside a transaction: the first `free` in line get `placed` (promoteNext); LIMIT -1 is no limit. */
    promote: (lineId: string, free: number, placed: T['status'], now: Date) => {
      const first = free > 0 ? rows.all(waiting, lineId, Number.isFinite(free) ? free : -1) : [];
      const promoted = promoteNext(first, free, placed, now.toISOString());
      for (const r of promoted) rows.update(r);
      return promoted;
    },
    /** A waitlisted row's place in its line, from 1. */
    position: (id: string, lineId: string) =>
      sql<{ n: number }>(
        `SELECT COUNT(*) AS n FROM ${rows.name} x, (SELECT waitlisted_at AS w, rowid AS r FROM ${rows.name} WHERE id = ?) me
         WHERE x.${line} = ? AND x.status = 'waitlisted' AND (x.waitlisted_at < me.w OR (x.waitlisted_at = me.w AND x.rowid <= me.r))`,
      ).get(id, lineId)!.n,
  };
}

export interface GroupOptions {
  /**
   * Each work writes at most once, in its last statement: one that throws has written nothing (a
   * failing statement undoes itself), so it needs no savepoint, whose journal costs a booking
   * more than its reads (#15).
   */
  lastWriteOnly?: boolean;
}

/**
 * Group commit: the works asked for in one turn of the event loop share one IMMEDIATE
 * transaction, each in a savepoint of its own, in the order asked, each seeing the ones before.
 * A work answers once the transaction has committed; one that throws rolls back alone. A commit
 * costs more than a booking's statements, and residents tapping at once arrive together.
 */
export function grouped(db: DB, options: GroupOptions = {}) {
  const savepoint = options.lastWriteOnly
    ? (work: () => unknown) => work()
    : db.transaction((work: () => unknown) => work());
  const atomic = immediate(db);
  type Pending = { work: () => unknown; settle: (outcome: Outcome) => void };
  type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
  let pending: Pending[] = [];
  const attempt = (work: () => unknown): Outcome => {
    try {
      return { ok: true, value: savepoint(work) };
    } catch (error) {
      return { ok: false, error };
    }
  };
  const flush = () => {
    const group = pending;
    pending = [];
    let outcomes: Outcome[];
    try {
      outcomes = atomic(() => group.map((item) => attempt(item.work)));
    } catch (error) {
      outcomes = group.map(() => ({ ok: false, error }));
    }
    group.forEach((item, at) => item.settle(outcomes[at]!));
  };
  return <R>(work: () => R) =>
    new Promise<R>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({
        work,
        settle: (outcome) => (outcome.ok ? resolve(outcome.value as R) : reject(outcome.error)),
      });
    });
}
