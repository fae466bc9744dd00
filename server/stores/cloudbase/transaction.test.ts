/**
 * What the CloudBase store does when the database says no, on the emulator: conflicts are
 * retried until the racers have all committed, everything else surfaces at once.
 */
import { AppError, Unavailable } from '../../core/errors';
import { createCloudBaseEmulator } from '../../testing/cloudbase-emulator';
import { sampleCommunity } from '../contract-tests/store-contract';
import { MissingCollection } from './errors';
import { COLLECTIONS, createCloudBaseStore, type CloudDatabase } from './index';
import { FEW_RACERS, transact } from './transaction';

const NOW = new Date('2026-12-02T10:00:00.000Z');

function setup(collections: readonly string[] = COLLECTIONS) {
  const emulator = createCloudBaseEmulator({ collections });
  const db = emulator.database() as unknown as CloudDatabase;
  return { emulator, db, store: createCloudBaseStore(db) };
}

describe('transact', () => {
  it('retries a write conflict: two racers on one counter both commit, in turn', async () => {
    const { emulator, db } = setup(['counters']);
    await db
      .collection('counters')
      .doc('n')
      .set({ data: { value: 0 } });
    const bump = () =>
      transact(db, FEW_RACERS, async (tx) => {
        const ref = tx.collection('counters').doc('n');
        const { data } = await ref.get();
        const value = (data as { value: number }).value + 1;
        await ref.update({ data: { value } });
        return value;
      });
    const results = await Promise.all([bump(), bump()]);
    expect(results.sort()).toEqual([1, 2]);
    const counts = emulator.counts().transactions;
    // The loser's write conflicted and its transaction ran again.
    expect(counts.conflicts).toBeGreaterThanOrEqual(1);
    expect(counts.committed).toBe(2);
    expect((await db.collection('counters').doc('n').get()).data).toEqual({ _id: 'n', value: 2 });
  });

  it('gives up with UNAVAILABLE when the conflicts outlast the policy', async () => {
    const { emulator, db } = setup(['counters']);
    emulator.inject({ collection: 'counters', op: 'set', error: 'conflict', times: Infinity });
    const attempt = transact(db, { ...FEW_RACERS, attempts: 3 }, async (tx) => {
      await tx
        .collection('counters')
        .doc('n')
        .set({ data: { value: 1 } });
    });
    await expect(attempt).rejects.toBeInstanceOf(Unavailable);
    expect(emulator.log().filter((op) => op.op === 'set')).toHaveLength(3);
  });
});

describe('failures that no retry can fix surface at once', () => {
  it('a quota error on a read answers UNAVAILABLE after one attempt', async () => {
    const { emulator, store } = setup();
    await store.communities.save(sampleCommunity());
    emulator.resetCounts();
    emulator.inject({ collection: 'communities', op: 'get', error: 'quota', times: Infinity });
    const failure = store.communities.get('c1');
    await expect(failure).rejects.toBeInstanceOf(Unavailable);
    await expect(failure).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(emulator.counts().total.reads).toBe(1);
  });

  it('a timeout inside a transaction is not retried', async () => {
    const { emulator, store } = setup();
    await store.communities.save(sampleCommunity());
    await store.identities.createInvite(
      { code: 'ABCD1234', community: 'c1', createdBy: 'admin', expiresAt: '2026-12-09T00:00:00Z' },
      NOW,
    );
    emulator.inject({ collection: 'invites', op: 'update', error: 'timeout', times: Infinity });
    emulator.resetCounts();
    await expect(store.identities.redeemInvite('ABCD1234', 'u1', NOW)).rejects.toBeInstanceOf(
      Unavailable,
    );
    expect(emulator.counts().transactions.started).toBe(1);
  });

  it('a missing collection fails once, naming it, as an internal error', async () => {
    const { emulator, store } = setup(COLLECTIONS.filter((c) => c !== 'users'));
    const failure = store.identities.ensureUser('u1', NOW);
    await expect(failure).rejects.toBeInstanceOf(MissingCollection);
    await expect(failure).rejects.toThrow(/users/);
    await expect(failure).rejects.not.toBeInstanceOf(AppError);
    expect(emulator.counts().total.reads).toBeLessThanOrEqual(2);
  });
});
