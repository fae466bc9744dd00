/**
 * The emulator's storage: collections of versioned documents (MVCC), transactions with
 * CloudBase's rules, the operation meter, injectable faults and the change feed for watch().
 *
 * Transactions follow the documented model (developers.weixin.qq.com … wxcloud/guide/database/
 * transaction): snapshot isolation — a transaction reads the documents as committed when it
 * started, plus its own writes; a write takes a transaction lock on its document, and another
 * transaction writing a locked document fails at once with the conflict error, as does a write to
 * a document committed by someone else after the snapshot; a plain (non-transaction) write to a
 * locked document waits until the lock is released; commit applies every write at once; a throw
 * or rollback discards them. Only single-document operations exist inside a transaction.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import { copy, type Doc } from './compile';
import { conflictError, ERR, missingCollection, ServerError } from './errors';

export type OpName = 'get' | 'query' | 'count' | 'add' | 'set' | 'update' | 'remove' | 'watch';
const WRITES: ReadonlySet<OpName> = new Set<OpName>(['add', 'set', 'update', 'remove']);

interface Version {
  seq: number;
  /** null: removed at this version. */
  data: Doc | null;
}

export interface OpRecord {
  label: string;
  collection: string;
  op: OpName;
  kind: 'read' | 'write';
  inTransaction: boolean;
}

/** What one query asked for: the index it needs. */
export interface QueryShape {
  collection: string;
  /** Filtered fields, sorted. */
  fields: string[];
  /** Sort fields, in order. */
  sort: string[];
}

export interface Tally {
  reads: number;
  writes: number;
}

/** What the emulator counted: database operations per collection and per label (action). */
export interface Counts {
  total: Tally;
  byCollection: Record<string, Tally>;
  byLabel: Record<string, Tally>;
  transactions: { started: number; committed: number; conflicts: number; aborted: number };
  /** Snapshots delivered to watchers, per collection (pushes, not reads). */
  watchPushes: Record<string, number>;
}

// ── faults ────────────────────────────────────────────────────────────────

export type FaultKind =
  'quota' | 'concurrency' | 'timeout' | 'missing-collection' | 'conflict' | 'system';

export interface FaultSpec {
  collection?: string;
  op?: OpName | OpName[];
  inTransaction?: boolean;
  error: FaultKind;
  /** How many matching operations fail; 1 unless given (Infinity: until cleared). */
  times?: number;
}

const faultError = (kind: FaultKind, collection: string): ServerError => {
  switch (kind) {
    case 'quota':
      return new ServerError(ERR.EXCEED_REQUEST_LIMIT, '[LimitExceeded] 超过数据库请求配额');
    case 'concurrency':
      return new ServerError(
        ERR.EXCEED_CONCURRENT_REQUEST_LIMIT,
        '[LimitExceeded] 超过数据库并发连接数',
      );
    case 'timeout':
      return new ServerError(ERR.SERVER_TIMEOUT, 'ESOCKETTIMEDOUT');
    case 'missing-collection':
      return missingCollection(collection);
    case 'conflict':
      return conflictError();
    case 'system':
      return new ServerError(ERR.SYS_ERR, '[InternalError] 系统错误');
  }
};

// ── transactions ──────────────────────────────────────────────────────────

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

export class Transaction {
  readonly writes = new Map<string, { collection: string; id: string; data: Doc | null }>();
  state: 'open' | 'committed' | 'aborted' = 'open';

  constructor(
    private readonly engine: Engine,
    readonly startSeq: number,
  ) {}

  read(collection: string, id: string): Doc | null {
    const own = this.writes.get(keyOf(collection, id));
    if (own) return own.data && copy(own.data);
    return this.engine.at(collection, id, this.startSeq);
  }

  /** Takes the document's lock (or fails with the conflict error) and buffers the new value. */
  write(collection: string, id: string, next: (current: Doc | null) => Doc | null): void {
    if (this.state !== 'open') throw new ServerError(ERR.SYS_ERR, 'transaction is not open');
    const key = keyOf(collection, id);
    this.engine.lock(this, collection, id);
    const current = this.read(collection, id);
    this.writes.set(key, { collection, id, data: next(current) });
  }
}

// ── the engine ────────────────────────────────────────────────────────────

export interface ChangeListener {
  (collection: string): void;
}

export class Engine {
  private seq = 0;
  private readonly collections = new Map<string, Map<string, Version[]>>();
  private readonly locks = new Map<string, Transaction>();
  private readonly waiting = new Map<string, Array<() => void>>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly labels = new AsyncLocalStorage<string>();
  private faultList: Array<FaultSpec & { left: number }> = [];
  readonly log: OpRecord[] = [];
  counts: Counts = emptyCounts();

  constructor(
    /** Collections that exist without createCollection, or 'auto' to create on first write. */
    private readonly autoCreate: boolean,
    /** Awaited before every operation: a network round trip, so concurrent callers interleave. */
    readonly roundTrip: () => Promise<void>,
  ) {}

  // collections

  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.collections.set(name, new Map());
    return true;
  }

  hasCollection(name: string) {
    return this.collections.has(name);
  }

  collectionNames() {
    return [...this.collections.keys()];
  }

  private table(name: string, forWrite: boolean): Map<string, Version[]> {
    let table = this.collections.get(name);
    if (!table && forWrite && this.autoCreate) {
      table = new Map();
      this.collections.set(name, table);
    }
    if (!table) throw missingCollection(name);
    return table;
  }

  /** The collection must exist: reads and writes of a missing one fail, as in CloudBase. */
  assertCollection(name: string, forWrite: boolean) {
    this.table(name, forWrite);
  }

  // reads

  private version(collection: string, id: string, seq = Infinity): Version | null {
    const versions = this.table(collection, false).get(id);
    if (!versions) return null;
    for (let i = versions.length - 1; i >= 0; i -= 1) {
      if (versions[i]!.seq <= seq) return versions[i]!;
    }
    return null;
  }

  at(collection: string, id: string, seq = Infinity): Doc | null {
    const data = this.version(collection, id, seq)?.data ?? null;
    return data && copy(data);
  }

  latestSeqOf(collection: string, id: string): number {
    return this.table(collection, false).get(id)?.at(-1)?.seq ?? 0;
  }

  /** Every live document of a collection, in insertion order (MongoDB's natural order). */
  documents(collection: string, seq = Infinity): Doc[] {
    const out: Doc[] = [];
    for (const id of this.table(collection, false).keys()) {
      const doc = this.at(collection, id, seq);
      if (doc) out.push(doc);
    }
    return out;
  }

  // plain writes

  /** Applies one write outside a transaction, after any transaction lock on it is released. */
  async writeNow(collection: string, id: string, next: (current: Doc | null) => Doc | null) {
    this.table(collection, true);
    await this.unlocked(collection, id);
    const value = next(this.at(collection, id));
    this.apply([{ collection, id, data: value }]);
    return value;
  }

  private apply(writes: Array<{ collection: string; id: string; data: Doc | null }>) {
    if (writes.length === 0) return;
    this.seq += 1;
    const touched = new Set<string>();
    for (const { collection, id, data } of writes) {
      const table = this.table(collection, true);
      const versions = table.get(id) ?? [];
      versions.push({ seq: this.seq, data: data && { ...copy(data), _id: id } });
      table.set(id, versions);
      touched.add(collection);
    }
    for (const collection of touched) for (const listener of this.listeners) listener(collection);
  }

  // transactions

  begin(): Transaction {
    this.counts.transactions.started += 1;
    return new Transaction(this, this.seq);
  }

  lock(tx: Transaction, collection: string, id: string) {
    this.table(collection, true);
    const key = keyOf(collection, id);
    const holder = this.locks.get(key);
    const overtaken = this.latestSeqOf(collection, id) > tx.startSeq;
    if ((holder && holder !== tx) || overtaken) {
      this.counts.transactions.conflicts += 1;
      throw conflictError();
    }
    this.locks.set(key, tx);
  }

  commit(tx: Transaction) {
    if (tx.state !== 'open') return;
    tx.state = 'committed';
    this.counts.transactions.committed += 1;
    this.apply([...tx.writes.values()]);
    this.release(tx);
  }

  abort(tx: Transaction) {
    if (tx.state !== 'open') return;
    tx.state = 'aborted';
    this.counts.transactions.aborted += 1;
    this.release(tx);
  }

  private release(tx: Transaction) {
    for (const [key, holder] of this.locks) {
      if (holder !== tx) continue;
      this.locks.delete(key);
      const waiters = this.waiting.get(key) ?? [];
      this.waiting.delete(key);
      for (const wake of waiters) wake();
    }
  }

  /** Plain writes to a locked document block until the lock goes (or 10 s, the transaction limit). */
  private async unlocked(collection: string, id: string) {
    const key = keyOf(collection, id);
    while (this.locks.has(key)) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new ServerError(ERR.SERVER_TIMEOUT, `等待事务锁超时：${collection}/${id}`)),
          10_000,
        );
        const list = this.waiting.get(key) ?? [];
        list.push(() => {
          clearTimeout(timer);
          resolve();
        });
        this.waiting.set(key, list);
      });
    }
  }

  // query shapes (which indexes the code needs)

  private readonly queryListeners = new Set<(shape: QueryShape) => void>();

  onQuery(listener: (shape: QueryShape) => void) {
    this.queryListeners.add(listener);
  }

  recordQuery(shape: QueryShape) {
    for (const listener of this.queryListeners) listener(shape);
  }

  // change feed

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // meter and faults

  /** Runs `run` with every operation it causes counted under `label`. */
  measure<T>(label: string, run: () => Promise<T>): Promise<T> {
    return this.labels.run(label, run);
  }

  currentLabel() {
    return this.labels.getStore() ?? 'unlabelled';
  }

  /**
   * Before each operation: the network round trip, then a matching fault if one is armed, then
   * the count (a failed operation still reached the server, so it counts).
   */
  async operation(collection: string, op: OpName, inTransaction: boolean) {
    await this.roundTrip();
    const kind: OpRecord['kind'] = WRITES.has(op) ? 'write' : 'read';
    const label = this.currentLabel();
    if (op !== 'watch') {
      this.log.push({ label, collection, op, kind, inTransaction });
      const bump = (tally: Tally) => {
        if (kind === 'read') tally.reads += 1;
        else tally.writes += 1;
      };
      bump(this.counts.total);
      bump((this.counts.byCollection[collection] ??= { reads: 0, writes: 0 }));
      bump((this.counts.byLabel[label] ??= { reads: 0, writes: 0 }));
    }
    const fault = this.faultList.find(
      (f) =>
        f.left > 0 &&
        (f.collection === undefined || f.collection === collection) &&
        (f.op === undefined || (Array.isArray(f.op) ? f.op.includes(op) : f.op === op)) &&
        (f.inTransaction === undefined || f.inTransaction === inTransaction),
    );
    if (fault) {
      fault.left -= 1;
      throw faultError(fault.error, collection);
    }
  }

  inject(spec: FaultSpec) {
    this.faultList.push({ ...spec, left: spec.times ?? 1 });
  }

  clearFaults() {
    this.faultList = [];
  }

  countPush(collection: string) {
    this.counts.watchPushes[collection] = (this.counts.watchPushes[collection] ?? 0) + 1;
  }

  resetCounts() {
    this.counts = emptyCounts();
    this.log.length = 0;
  }

  newId() {
    return crypto.randomBytes(16).toString('hex');
  }
}

function emptyCounts(): Counts {
  return {
    total: { reads: 0, writes: 0 },
    byCollection: {},
    byLabel: {},
    transactions: { started: 0, committed: 0, conflicts: 0, aborted: 0 },
    watchPushes: {},
  };
}
