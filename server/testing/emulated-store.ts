/**
 * The CloudBase store over a fresh emulator, for the adapter's own tests: the store, a way to
 * write documents past the adapter (malformed and legacy shapes), what a call cost, and the
 * committed documents.
 */
import { COLLECTIONS, createCloudBaseStore, type CloudDatabase } from '../stores/cloudbase';
import type { DocData } from '../stores/cloudbase/sdk';
import { createCloudBaseEmulator } from './cloudbase-emulator';

export function emulatedStore({ prefix = '', throwOnNotFound = true } = {}) {
  const emulator = createCloudBaseEmulator({ collections: COLLECTIONS.map((c) => prefix + c) });
  const db = emulator.database({ throwOnNotFound }) as unknown as CloudDatabase;
  const store = createCloudBaseStore(db, { collectionPrefix: prefix });
  /** Writes a document as it is, past the adapter. */
  const seed = (collection: string, id: string, data: DocData) =>
    emulator.database().collection(collection).doc(id).set({ data });
  /** What `run` cost, counted by the emulator. */
  const cost = async <T>(run: () => Promise<T>) => {
    emulator.resetCounts();
    const result = await run();
    const log = emulator.log();
    return {
      result,
      ops: log.length,
      reads: log.filter((op) => op.kind === 'read').length,
      writes: log.filter((op) => op.kind === 'write').length,
      outside: log.filter((op) => !op.inTransaction).length,
      transactions: emulator.counts().transactions.started,
    };
  };
  /** A committed document, or undefined. */
  const doc = (collection: string, id: string) =>
    emulator.dump(collection).find((d) => d._id === id);
  return { emulator, store, seed, cost, doc };
}
