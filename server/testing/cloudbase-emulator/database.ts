/**
 * The wx-server-sdk database surface over the emulator's engine: `collection()` with doc / add /
 * where / orderBy / skip / limit / field / get / count / update / remove / watch, `command`,
 * `runTransaction` (cloud functions only) and, for the mini-program side, the same surface with
 * the security rules applied and 20 documents per read.
 *
 * Results are shaped as wx-server-sdk 4 returns them ({ data }, { total }, { _id }, { stats }),
 * failures as it rejects (errors.ts).
 */
import { Query } from 'mingo';
import { update as applyModifier } from 'mingo/updater';
import { createCommand, type EmulatedCommand } from './commands';
import {
  compileUpdate,
  compileWhere,
  copy,
  hasUpdateCommand,
  isPlain,
  serialize,
  type Doc,
} from './compile';
import type { Engine, OpName, Transaction } from './engine';
import {
  duplicateKey,
  invalidParam,
  notFoundMessage,
  permissionDenied,
  ServerError,
  ERR,
  toSdkError,
} from './errors';
import { allows, queryAllowed, rulesOf, type RuleBook } from './rules';
import { startWatch, type WatchOptions } from './watch';

/** Reads return at most this many documents: 100 in cloud functions, 20 in the mini-program. */
export const SERVER_READ_CAP = 100;
export const CLIENT_READ_CAP = 20;

export type Scope = { kind: 'server' } | { kind: 'client'; openid: string; rules: RuleBook };

export interface DatabaseOptions {
  /** wx-server-sdk's default is true: doc().get() of a missing document rejects. */
  throwOnNotFound?: boolean;
}

interface QueryState {
  where: unknown;
  orders: Array<[string, 1 | -1]>;
  skip: number;
  limit: number | null;
  projection: Doc | null;
}

const EMPTY: QueryState = { where: {}, orders: [], skip: 0, limit: null, projection: null };

type Api = (op: OpName) => string;
const API: Record<'doc' | 'collection', Api> = {
  doc: (op) => `document.${op === 'get' ? 'get' : op}`,
  collection: (op) => `collection.${op === 'query' ? 'get' : op}`,
};

/** Runs one operation as the SDK does: count it, then map any failure to the SDK's error. */
async function run<T>(
  engine: Engine,
  collection: string,
  op: OpName,
  api: string,
  inTransaction: boolean,
  body: () => T | Promise<T>,
): Promise<T> {
  try {
    await engine.operation(collection, op, inTransaction);
    return await body();
  } catch (error) {
    throw toSdkError(error, api);
  }
}

/** The document fields a compiled query filters on, e.g. ["community", "date"]. */
function fieldsOf(query: Record<string, unknown>): string[] {
  const fields = new Set<string>();
  const walk = (q: unknown) => {
    if (Array.isArray(q)) return q.forEach(walk);
    if (!isPlain(q)) return;
    for (const [key, value] of Object.entries(q)) {
      if (key.startsWith('$')) walk(value);
      else fields.add(key);
    }
  };
  walk(query);
  return [...fields].sort();
}

function project(doc: Doc, projection: Doc | null): Doc {
  if (!projection) return doc;
  const [projected] = new Query({}, {}).find<Doc>([doc], projection).all();
  return projected ?? doc;
}

function checkData(data: unknown, forSet: boolean): Doc {
  if (!isPlain(data) || Object.keys(data).length === 0)
    throw invalidParam('参数必需是非空对象 (options.data)');
  if (forSet && '_id' in data) throw invalidParam('不能更新_id的值');
  if (hasUpdateCommand(data))
    throw new ServerError(ERR.DATABASE_REQUEST_FAILED, 'update operator complicit');
  return serialize(data) as Doc;
}

function modified(current: Doc, data: unknown): Doc {
  const next = copy(current);
  const modifier = compileUpdate(data);
  applyModifier(next, modifier as never, undefined, undefined, { cloneMode: 'deep' });
  return serialize(next) as Doc;
}

export function createDatabase(engine: Engine, scope: Scope, options: DatabaseOptions = {}) {
  const command: EmulatedCommand = createCommand();
  const throwOnNotFound = options.throwOnNotFound ?? true;
  const client = scope.kind === 'client' ? scope : null;
  const cap = client ? CLIENT_READ_CAP : SERVER_READ_CAP;

  const canRead = (collection: string, doc: Doc | null) =>
    !client || allows(rulesOf(client.rules, collection).read, client.openid, doc);
  const canWrite = (collection: string, doc: Doc | null) =>
    !client || allows(rulesOf(client.rules, collection).write, client.openid, doc);

  const missing = (id: string) => {
    if (throwOnNotFound) throw new Error(notFoundMessage(id));
    return { data: null, errMsg: 'document.get:ok' };
  };

  function select(collection: string, state: QueryState, max: number): Doc[] {
    if (client && !queryAllowed(rulesOf(client.rules, collection).read, client.openid, state.where))
      throw permissionDenied(collection);
    const where = compileWhere(state.where);
    engine.recordQuery({
      collection,
      fields: fieldsOf(where),
      sort: state.orders.map(([field]) => field),
    });
    let cursor = new Query(where, {}).find<Doc>(
      engine.documents(collection),
      state.projection ?? undefined,
    );
    if (state.orders.length > 0) cursor = cursor.sort(Object.fromEntries(state.orders));
    const limit = Math.min(state.limit ?? max, max);
    return cursor.skip(state.skip).limit(limit).all();
  }

  function documentRef(collection: string, id: string, projection: Doc | null = null) {
    const api = (op: OpName) => API.doc(op);
    return {
      field: (fields: Doc) => documentRef(collection, id, fields),
      get: () =>
        run(engine, collection, 'get', api('get'), false, () => {
          engine.assertCollection(collection, false);
          const doc = engine.at(collection, id);
          if (!doc) return missing(id);
          if (!canRead(collection, doc)) throw permissionDenied(collection);
          return { data: project(doc, projection), errMsg: 'document.get:ok' };
        }),
      set: (opts: { data: unknown }) =>
        run(engine, collection, 'set', api('set'), false, async () => {
          const data = checkData(opts?.data, true);
          let existed = false;
          await engine.writeNow(collection, id, (current) => {
            if (!canWrite(collection, current ?? (client ? { _openid: client.openid } : null)))
              throw permissionDenied(collection);
            existed = current !== null;
            return client ? { ...data, _openid: client.openid } : data;
          });
          return {
            _id: id,
            errMsg: 'document.set:ok',
            stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 },
          };
        }),
      update: (opts: { data: unknown }) =>
        run(engine, collection, 'update', api('update'), false, async () => {
          compileUpdate(opts?.data); // refuse bad input before touching anything
          let updated = 0;
          await engine.writeNow(collection, id, (current) => {
            if (!current) return null;
            if (!canWrite(collection, current)) throw permissionDenied(collection);
            updated = 1;
            return modified(current, opts.data);
          });
          return { stats: { updated }, errMsg: 'document.update:ok' };
        }),
      remove: () =>
        run(engine, collection, 'remove', api('remove'), false, async () => {
          let removed = 0;
          await engine.writeNow(collection, id, (current) => {
            if (current && !canWrite(collection, current)) throw permissionDenied(collection);
            removed = current ? 1 : 0;
            return null;
          });
          return { stats: { removed }, errMsg: 'document.remove:ok' };
        }),
      watch: (watchOptions: WatchOptions) =>
        watch(collection, { ...EMPTY, where: { _id: id } }, watchOptions),
    };
  }

  function watch(collection: string, state: QueryState, watchOptions: WatchOptions) {
    engine.assertCollection(collection, false);
    if (client && !queryAllowed(rulesOf(client.rules, collection).read, client.openid, state.where))
      throw toSdkError(permissionDenied(collection), 'collection.watch');
    void engine.operation(collection, 'watch', false);
    return startWatch(
      engine,
      {
        collection,
        query: compileWhere(state.where),
        sort: Object.fromEntries(state.orders),
        limit: state.limit,
      },
      watchOptions,
    );
  }

  function queryRef(collection: string, state: QueryState) {
    const next = (patch: Partial<QueryState>) => queryRef(collection, { ...state, ...patch });
    return {
      where: (where: unknown) => {
        compileWhere(where);
        return next({ where });
      },
      orderBy: (field: string, order: 'asc' | 'desc') =>
        next({ orders: [...state.orders, [field, order === 'desc' ? -1 : 1]] }),
      skip: (offset: number) => next({ skip: offset }),
      limit: (max: number) => next({ limit: max }),
      field: (projection: Doc) => next({ projection }),
      get: () =>
        run(engine, collection, 'query', API.collection('query'), false, () => ({
          data: select(collection, state, cap),
          errMsg: 'collection.get:ok',
        })),
      count: () =>
        run(engine, collection, 'count', API.collection('count'), false, () => {
          const all = select(collection, { ...state, skip: 0, limit: null }, Infinity);
          return { total: all.length, errMsg: 'collection.count:ok' };
        }),
      update: (opts: { data: unknown }) =>
        run(engine, collection, 'update', API.collection('update'), false, async () => {
          if (client) throw permissionDenied(collection);
          compileUpdate(opts?.data);
          const ids = select(collection, { ...state, limit: null }, Infinity).map((d) =>
            String(d._id),
          );
          let updated = 0;
          for (const id of ids) {
            await engine.writeNow(collection, id, (current) => {
              if (!current) return null;
              updated += 1;
              return modified(current, opts.data);
            });
          }
          return { stats: { updated }, errMsg: 'collection.update:ok' };
        }),
      remove: () =>
        run(engine, collection, 'remove', API.collection('remove'), false, async () => {
          if (client) throw permissionDenied(collection);
          const ids = select(collection, { ...state, limit: null }, Infinity).map((d) =>
            String(d._id),
          );
          for (const id of ids) await engine.writeNow(collection, id, () => null);
          return { stats: { removed: ids.length }, errMsg: 'collection.remove:ok' };
        }),
      watch: (watchOptions: WatchOptions) => watch(collection, state, watchOptions),
    };
  }

  function collectionRef(collection: string) {
    return {
      ...queryRef(collection, EMPTY),
      doc: (id: string) => documentRef(collection, id),
      add: (opts: { data: unknown }) =>
        run(engine, collection, 'add', API.collection('add'), false, async () => {
          const data = checkData(opts?.data, false);
          const id = typeof data._id === 'string' ? data._id : engine.newId();
          const { _id: _ignored, ...fields } = data;
          if (client && !canWrite(collection, { _openid: client.openid }))
            throw permissionDenied(collection);
          await engine.writeNow(collection, id, (current) => {
            if (current) throw duplicateKey(collection, id);
            return client ? { ...fields, _openid: client.openid } : fields;
          });
          return { _id: id, errMsg: 'collection.add:ok' };
        }),
    };
  }

  // ── transactions (cloud functions only) ──

  function transactionApi(tx: Transaction) {
    const state = { aborted: false, reason: undefined as unknown };
    const refused = (collection: string, api: string) => () =>
      run(engine, collection, 'query', api, true, () => {
        throw new ServerError(
          ERR.DATABASE_REQUEST_FAILED,
          '事务中不支持批量操作（where 查询），只支持单记录操作 collection.doc / collection.add',
        );
      });
    const txQuery = (collection: string): Record<string, unknown> => {
      const self: Record<string, unknown> = {};
      for (const name of ['where', 'orderBy', 'skip', 'limit', 'field']) self[name] = () => self;
      self.get = refused(collection, 'collection.get');
      self.count = refused(collection, 'collection.count');
      self.update = refused(collection, 'collection.update');
      self.remove = refused(collection, 'collection.remove');
      return self;
    };
    const txDoc = (collection: string, id: string) => {
      const removeDoc = () =>
        run(engine, collection, 'remove', 'document.remove', true, () => {
          const existed = tx.read(collection, id) !== null;
          if (existed) tx.write(collection, id, () => null);
          return { stats: { removed: existed ? 1 : 0 }, errMsg: 'document.remove:ok' };
        });
      return {
        get: () =>
          run(engine, collection, 'get', 'document.get', true, () => {
            engine.assertCollection(collection, false);
            const doc = tx.read(collection, id);
            return doc ? { data: doc, errMsg: 'document.get:ok' } : missing(id);
          }),
        set: (opts: { data: unknown }) =>
          run(engine, collection, 'set', 'document.set', true, () => {
            const data = checkData(opts?.data, true);
            const existed = tx.read(collection, id) !== null;
            tx.write(collection, id, () => data);
            return {
              _id: id,
              errMsg: 'document.set:ok',
              stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 },
            };
          }),
        update: (opts: { data: unknown }) =>
          run(engine, collection, 'update', 'document.update', true, () => {
            compileUpdate(opts?.data);
            if (tx.read(collection, id) === null)
              return { stats: { updated: 0 }, errMsg: 'document.update:ok' };
            tx.write(collection, id, (current) => (current ? modified(current, opts.data) : null));
            return { stats: { updated: 1 }, errMsg: 'document.update:ok' };
          }),
        remove: removeDoc,
        delete: removeDoc,
      };
    };
    const api = {
      collection: (collection: string) => ({
        ...txQuery(collection),
        doc: (id: string) => txDoc(collection, id),
        add: (opts: { data: unknown }) =>
          run(engine, collection, 'add', 'collection.add', true, () => {
            const data = checkData(opts?.data, false);
            const id = typeof data._id === 'string' ? data._id : engine.newId();
            const { _id: _ignored, ...fields } = data;
            if (tx.read(collection, id) !== null || engine.at(collection, id) !== null)
              throw duplicateKey(collection, id);
            tx.write(collection, id, () => fields);
            return { _id: id, errMsg: 'collection.add:ok' };
          }),
      }),
      rollback: async (reason?: unknown) => {
        state.aborted = true;
        state.reason = reason;
        engine.abort(tx);
      },
    };
    return { api, state };
  }

  /**
   * As @cloudbase/database's runTransaction: commit when the callback resolves; on any failure
   * roll back and reject; run again (up to `times`) only when the error's `code` is
   * DATABASE_TRANSACTION_CONFLICT — which conflicts raised by a write inside the transaction do
   * not carry once wx-server-sdk has wrapped them (errors.ts).
   */
  async function runTransaction<T>(
    callback: (tx: ReturnType<typeof transactionApi>['api']) => Promise<T>,
    times = 3,
  ): Promise<T> {
    if (client) throw toSdkError(new Error('事务仅支持在云函数端使用'), 'runTransaction');
    const tx = engine.begin();
    const { api, state } = transactionApi(tx);
    try {
      const result = await callback(api);
      if (state.aborted) throw state.reason;
      await engine.roundTrip();
      engine.commit(tx);
      return result;
    } catch (error) {
      engine.abort(tx);
      if (state.aborted) throw state.reason;
      const code = (error as { code?: unknown } | null)?.code;
      if (times > 0 && code === 'DATABASE_TRANSACTION_CONFLICT')
        return runTransaction(callback, times - 1);
      throw error;
    }
  }

  return {
    command,
    serverDate: () => new Date(),
    RegExp: (opts: { regexp: string; options?: string }) => new RegExp(opts.regexp, opts.options),
    collection: (name: string) => collectionRef(name),
    createCollection: async (name: string) => {
      if (client) throw toSdkError(permissionDenied(name), 'createCollection');
      if (!engine.createCollection(name))
        throw toSdkError(
          new ServerError(ERR.DATABASE_REQUEST_FAILED, `Table exist: ${name}`),
          'createCollection',
        );
      return { errMsg: 'createCollection:ok' };
    },
    runTransaction,
  };
}

export type EmulatedDatabase = ReturnType<typeof createDatabase>;
