/**
 * An in-memory CloudBase database for tests and measurements — never shipped (lint keeps
 * shipped code from importing server/testing). It evaluates what the real service evaluates:
 * queries with CloudBase's command operators (through mingo, a MongoDB query engine for plain
 * objects), orderBy / skip / limit / field / count with the 100-document read cap, update
 * operators with CloudBase's field-by-field merge, transactions with snapshot isolation and
 * write locks (a where-query inside one is refused), watch() snapshots, the client security
 * rules, missing collections, and injectable faults (quota, concurrency, timeout, conflict).
 * It counts every read and write per collection and per label, which is how `npm run bench`
 * measures what an action costs.
 */
import path from 'node:path';
import { createDatabase, type DatabaseOptions } from './database';
import { Engine, type Counts, type FaultSpec, type OpRecord, type QueryShape } from './engine';
import { loadRules, type RuleBook } from './rules';
import { nextTurn } from './watch';

export type { Counts, FaultSpec, OpRecord, QueryShape, Tally } from './engine';
export type { EmulatedDatabase } from './database';
export type { Snapshot, DocChange } from './watch';
export { SERVER_READ_CAP, CLIENT_READ_CAP } from './database';
export { ERR } from './errors';

export interface EmulatorOptions {
  /** Collections that exist from the start; others must be created (or use autoCreate). */
  collections?: readonly string[];
  /** Create a collection on its first write instead of failing (not CloudBase's behaviour). */
  autoCreate?: boolean;
  /** The security rules directory; database/rules of this repository by default. */
  rulesDir?: string;
  /**
   * Awaited before every operation. The default yields to the event loop once, so concurrent
   * callers interleave between operations as network round trips would make them.
   */
  roundTrip?: () => Promise<void>;
  /** Told the shape of every query (collection, filtered fields, sort): the indexes it needs. */
  onQuery?: (shape: QueryShape) => void;
}

const DEFAULT_RULES = path.resolve(__dirname, '../../../database/rules');
const yieldOnce = () => new Promise<void>((resolve) => nextTurn(resolve));

export function createCloudBaseEmulator(options: EmulatorOptions = {}) {
  const engine = new Engine(options.autoCreate ?? false, options.roundTrip ?? yieldOnce);
  for (const name of options.collections ?? []) engine.createCollection(name);
  if (options.onQuery) engine.onQuery(options.onQuery);
  let rules: RuleBook | null = null;
  const ruleBook = () => (rules ??= loadRules(options.rulesDir ?? DEFAULT_RULES));

  return {
    /** `cloud.database()` in a cloud function: the admin view, no rules, 100 per read. */
    database: (dbOptions: DatabaseOptions = {}) =>
      createDatabase(engine, { kind: 'server' }, dbOptions),
    /** `wx.cloud.database()` in a resident's mini-program: rules applied, 20 per read. */
    clientDatabase: (openid: string, dbOptions: DatabaseOptions = {}) =>
      createDatabase(engine, { kind: 'client', openid, rules: ruleBook() }, dbOptions),
    createCollection: (name: string) => engine.createCollection(name),
    collections: () => engine.collectionNames(),
    /** Counts every operation `run` causes under `label` (e.g. "queue.join"). */
    measure: <T>(label: string, run: () => Promise<T>) => engine.measure(label, run),
    counts: (): Counts => JSON.parse(JSON.stringify(engine.counts)) as Counts,
    /** Every operation since the last reset, in order. */
    log: (): OpRecord[] => [...engine.log],
    resetCounts: () => engine.resetCounts(),
    inject: (fault: FaultSpec) => engine.inject(fault),
    clearFaults: () => engine.clearFaults(),
    /** The committed documents of a collection, for assertions (not counted). */
    dump: (collection: string) => engine.documents(collection),
  };
}

export type CloudBaseEmulator = ReturnType<typeof createCloudBaseEmulator>;
