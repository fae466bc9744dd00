/**
 * A jest mock of wx-server-sdk's database at its edge, for unit tests only. It does not emulate
 * a database: every document read, query page and count is canned by the test, and every call is
 * recorded so tests can assert the exact queries the adapter makes.
 */
import type { CloudCommand, CloudDatabase, CloudTransaction, DocData } from './sdk';

export interface DocMock {
  get: jest.Mock<Promise<{ data: DocData | null }>, []>;
  set: jest.Mock<Promise<unknown>, [{ data: DocData }]>;
  update: jest.Mock<Promise<unknown>, [{ data: DocData }]>;
}

/** One query chain: its collection and each builder step with its arguments. */
export interface RecordedQuery {
  collection: string;
  steps: Array<[string, ...unknown[]]>;
}

const newDocMock = (): DocMock => ({
  get: jest.fn(async () => ({ data: null })),
  set: jest.fn(async (_options: { data: DocData }): Promise<unknown> => ({})),
  update: jest.fn(async (_options: { data: DocData }): Promise<unknown> => ({})),
});

/** The error wx-server-sdk raises for a missing document when throwOnNotFound is on (default). */
export const notFoundError = (collection: string, id: string) =>
  Object.assign(new Error(`document.get:fail document with _id ${id} does not exist`), {
    errCode: -1,
    collection,
  });

export function mockDb() {
  const docs = new Map<string, DocMock>();
  const adds = new Map<string, jest.Mock<Promise<unknown>, [{ data: DocData }]>>();
  const queries: RecordedQuery[] = [];
  /** Canned results of query get() calls, consumed in order; empty pages after that. */
  const pages: DocData[][] = [];
  /** Canned results of query count() calls, consumed in order; 0 after that. */
  const counts: number[] = [];
  const collections: string[] = [];

  const docMock = (scope: 'db' | 'tx', collection: string, id: string): DocMock => {
    const key = `${scope}:${collection}/${id}`;
    let mock = docs.get(key);
    if (!mock) {
      mock = newDocMock();
      docs.set(key, mock);
    }
    return mock;
  };

  const addMock = (collection: string) => {
    let mock = adds.get(collection);
    if (!mock) {
      mock = jest.fn(async ({ data }: { data: DocData }) => ({ _id: data._id }));
      adds.set(collection, mock);
    }
    return mock;
  };

  const query = (recorded: RecordedQuery) => {
    const step =
      (name: string) =>
      (...args: unknown[]) => {
        recorded.steps.push([name, ...args]);
        return chain;
      };
    const chain = {
      where: step('where'),
      orderBy: step('orderBy'),
      skip: step('skip'),
      limit: step('limit'),
      field: step('field'),
      get: async () => {
        recorded.steps.push(['get']);
        return { data: pages.shift() ?? [] };
      },
      count: async () => {
        recorded.steps.push(['count']);
        return { total: counts.shift() ?? 0 };
      },
    };
    return chain;
  };

  const operations = (scope: 'db' | 'tx'): string[] => {
    const calls: Array<{ order: number; op: string }> = [];
    for (const [key, mock] of docs) {
      const [docScope, path] = key.split(/:(.*)/s) as [string, string];
      if (docScope !== scope) continue;
      for (const name of ['get', 'set', 'update'] as const) {
        for (const order of mock[name].mock.invocationCallOrder) {
          calls.push({ order, op: `${name} ${path}` });
        }
      }
    }
    return calls.sort((a, b) => a.order - b.order).map((c) => c.op);
  };

  const tx: CloudTransaction = {
    collection: (name) => ({ doc: (id) => docMock('tx', name, id) }),
  };

  /** Query operators as plain tokens, so a recorded where() shows which one was used. */
  const command: CloudCommand = {
    lt: (value) => ({ command: 'lt', value }),
    neq: (value) => ({ command: 'neq', value }),
  };

  const runTransaction = jest.fn(async <T>(run: (t: CloudTransaction) => Promise<T>): Promise<T> =>
    run(tx),
  );

  const db: CloudDatabase = {
    collection: (name) => {
      collections.push(name);
      const recorded: RecordedQuery = { collection: name, steps: [] };
      const start = () => {
        queries.push(recorded);
        return query(recorded);
      };
      return {
        doc: (id) => docMock('db', name, id),
        add: (options) => addMock(name)(options),
        where: (q) => start().where(q),
        orderBy: (field, order) => start().orderBy(field, order),
        skip: (offset) => start().skip(offset),
        limit: (max) => start().limit(max),
        field: (projection) => start().field(projection),
        get: () => start().get(),
        count: () => start().count(),
      };
    },
    command,
    runTransaction: runTransaction as CloudDatabase['runTransaction'],
  };

  return {
    db,
    runTransaction,
    queries,
    pages,
    counts,
    /** Every collection name the adapter asked for, in order. */
    collections,
    /** The mock of a document outside any transaction. */
    doc: (collection: string, id: string) => docMock('db', collection, id),
    /** The mock of a document as seen inside the transaction. */
    txDoc: (collection: string, id: string) => docMock('tx', collection, id),
    add: addMock,
    /** Keys ("db:users/wx:a", "tx:invites/CODE") of every document touched. */
    touched: () => [...docs.keys()],
    /**
     * Every single-document call made inside transactions, in call order, as
     * "get queue_evenings/c1:library:2026-12-02": what a transaction costs, read off the recorder.
     */
    txOps: () => operations('tx'),
    /** The same for calls outside transactions. */
    dbOps: () => operations('db'),
  };
}

export type MockDb = ReturnType<typeof mockDb>;
