/**
 * Shared setup for the CloudBase adapter tests that run against wx-server-sdk mocked at its edge
 * (mock-sdk.ts): a fresh mocked database for every test and readers of what a transaction wrote;
 * mock-transactions.ts adds transactions that can conflict, for races. For *.test.ts files only;
 * nothing shipped imports it (build-cloud bundles only what the functions import).
 */
import { mockDb, type MockDb } from './mock-sdk';
import type { DocData } from './sdk';

/** The mocked database of the running test, made fresh before each test by useMockDb(). */
export let mock: MockDb;

/** Call at the top of a test file: a fresh `mock` before each test, spies restored after. */
export function useMockDb(): void {
  beforeEach(() => {
    mock = mockDb();
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });
}

/** The data of the last set() of a document inside the transaction. */
export const written = (collection: string, id: string): DocData => {
  const calls = mock.txDoc(collection, id).set.mock.calls;
  if (calls.length === 0) throw new Error(`no set() of ${collection}/${id}`);
  return calls.at(-1)![0].data;
};

/** The data of the last update() of a document inside the transaction. */
export const patched = (collection: string, id: string): DocData => {
  const calls = mock.txDoc(collection, id).update.mock.calls;
  if (calls.length === 0) throw new Error(`no update() of ${collection}/${id}`);
  return calls.at(-1)![0].data;
};

/** The transaction only read: no set() or update() in it. */
export const noWrites = () => {
  expect(mock.txOps().filter((op) => !op.startsWith('get '))).toEqual([]);
};

/** Retries without waiting: the pause is a random fraction of its cap. */
export const instantRetries = () => jest.spyOn(Math, 'random').mockReturnValue(0);
