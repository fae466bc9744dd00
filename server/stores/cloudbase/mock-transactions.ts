/**
 * A stand-in for CloudBase's transactions where races need them to conflict, for the adapter
 * tests that use test-support.ts (the recorder in mock-sdk.ts does not model conflicts). For
 * *.test.ts files only; nothing shipped imports it.
 */
import type { CloudTransaction, DocData } from './sdk';
import { mock } from './test-support';

/** Waits spread by a fixed pseudo-random sequence, so a race plays out the same every run. */
export const seededJitter = (seed: number) => {
  jest.spyOn(Math, 'random').mockImplementation(() => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  });
};

const clone = <T>(value: T): T => structuredClone(value);
/** Lets other transactions run between any two operations, as network round trips would. */
const roundTrip = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Replaces the recorder's runTransaction with snapshot isolation over an in-memory map of
 * documents ("collection/id"): a transaction reads what was committed when it started (and its
 * own writes), buffers its writes, and fails to commit when any document it writes was committed
 * by another transaction since it started, as CloudBase's write conflicts do. Retries come from
 * the adapter (transaction.ts), with its own waits.
 */
export function snapshotTransactions() {
  const committed = new Map<string, { version: number; data: DocData }>();
  let conflicts = 0;
  mock.runTransaction.mockImplementation(async (run) => {
    const snapshot = new Map(committed);
    const writes = new Map<string, DocData>();
    const current = (key: string) => writes.get(key) ?? snapshot.get(key)?.data ?? null;
    const tx: CloudTransaction = {
      collection: (name) => ({
        doc: (id) => {
          const key = `${name}/${id}`;
          return {
            get: async () => {
              await roundTrip();
              const data = current(key);
              return { data: data && clone(data) };
            },
            set: async ({ data }) => {
              await roundTrip();
              writes.set(key, clone(data));
              return {};
            },
            update: async ({ data }) => {
              await roundTrip();
              const base = current(key);
              if (!base) throw new Error(`update of missing ${key}`);
              writes.set(key, { ...base, ...clone(data) });
              return {};
            },
          };
        },
      }),
    };
    const result = await run(tx);
    await roundTrip();
    for (const key of writes.keys()) {
      if (committed.get(key)?.version !== snapshot.get(key)?.version) {
        conflicts += 1;
        throw new Error('database transaction conflict');
      }
    }
    for (const [key, data] of writes) {
      committed.set(key, { version: (committed.get(key)?.version ?? 0) + 1, data });
    }
    return result;
  });
  return {
    /** Commits a document before the race, as version 1. */
    seed: (key: string, data: DocData) => committed.set(key, { version: 1, data }),
    /** A committed document by its "collection/id" key, or null. */
    doc: (key: string) => committed.get(key)?.data ?? null,
    /** The committed documents of a collection, each with its id. */
    docs: (collection: string): Array<DocData & { id: string }> =>
      [...committed]
        .filter(([key]) => key.startsWith(`${collection}/`))
        .map(([key, { data }]) => ({ id: key.slice(collection.length + 1), ...data })),
    /** The "collection/id" keys of a collection's committed documents. */
    keys: (collection: string) =>
      [...committed.keys()].filter((key) => key.startsWith(`${collection}/`)),
    /** How many commits failed on a conflict so far. */
    conflicts: () => conflicts,
  };
}
