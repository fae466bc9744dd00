/**
 * The emulator against CloudBase's documented behaviour: if these rules are wrong, every store
 * test run on it proves less.
 */
import { createCloudBaseEmulator, ERR, type Snapshot } from './index';

const setup = (collections = ['things', 'queue_lines', 'tickets']) => {
  const emulator = createCloudBaseEmulator({ collections });
  const db = emulator.database();
  return { emulator, db, _: db.command };
};

const seed = async (db: ReturnType<typeof setup>['db'], docs: Array<Record<string, unknown>>) => {
  for (const data of docs) await db.collection('things').add({ data });
};

describe('queries', () => {
  it('evaluates the command operators, nested fields and top-level or', async () => {
    const { db, _ } = setup();
    await seed(db, [
      { _id: 'a', n: 1, tag: 'x', style: { color: 'red', size: 1 } },
      { _id: 'b', n: 5, tag: 'y', style: { color: 'blue' } },
      { _id: 'c', n: 9, tag: null },
      { _id: 'd', n: 7 },
    ]);
    const ids = async (where: unknown) =>
      (await db.collection('things').where(where).orderBy('_id', 'asc').get()).data.map(
        (d) => d._id,
      );
    expect(await ids({ n: _.gt(1).and(_.lt(9)) })).toEqual(['b', 'd']);
    expect(await ids({ n: _.gte(5), tag: _.neq(null) })).toEqual(['b']);
    expect(await ids({ n: _.in([1, 9]) })).toEqual(['a', 'c']);
    expect(await ids({ n: _.nin([1, 9]) })).toEqual(['b', 'd']);
    expect(await ids({ tag: _.exists(false) })).toEqual(['d']);
    // A nested object matches field by field, not as a whole sub-document.
    expect(await ids({ style: { color: 'red' } })).toEqual(['a']);
    expect(await ids({ 'style.color': 'blue' })).toEqual(['b']);
    expect(await ids(_.or([{ n: 1 }, { tag: 'y' }]))).toEqual(['a', 'b']);
    expect(await ids({ n: _.or(_.lt(2), _.gt(8)) })).toEqual(['a', 'c']);
    expect(await ids({ n: _.lte(5), tag: _.eq('x') })).toEqual(['a']);
  });

  it('orders by several fields, pages with skip and limit, projects and counts', async () => {
    const { db } = setup();
    await seed(db, [
      { _id: 'a', g: 2, n: 1, secret: 's' },
      { _id: 'b', g: 1, n: 2, secret: 's' },
      { _id: 'c', g: 1, n: 1, secret: 's' },
    ]);
    const page = await db
      .collection('things')
      .orderBy('g', 'asc')
      .orderBy('n', 'desc')
      .skip(1)
      .limit(2)
      .field({ g: true })
      .get();
    expect(page.data).toEqual([
      { _id: 'c', g: 1 },
      { _id: 'a', g: 2 },
    ]);
    expect((await db.collection('things').where({ g: 1 }).count()).total).toBe(2);
  });

  it('returns at most 100 documents per read, whatever the limit', async () => {
    const { db } = setup();
    for (let i = 0; i < 130; i += 1) await db.collection('things').add({ data: { i } });
    expect((await db.collection('things').limit(500).get()).data).toHaveLength(100);
    expect((await db.collection('things').skip(100).get()).data).toHaveLength(30);
    expect((await db.collection('things').count()).total).toBe(130);
  });
});

describe('documents', () => {
  it('merges nested objects on update; _.set replaces, _.remove deletes, _.inc adds', async () => {
    const { db, _ } = setup();
    const ref = db.collection('things').doc('a');
    await ref.set({ data: { map: { x: 1, y: 2 }, n: 1, list: [1, 2] } });
    await ref.update({ data: { map: { x: 5 }, n: _.inc(2), list: [3] } });
    expect((await ref.get()).data).toEqual({ _id: 'a', map: { x: 5, y: 2 }, n: 3, list: [3] });
    await ref.update({ data: { map: _.set({ z: 1 }), n: _.remove() } });
    expect((await ref.get()).data).toEqual({ _id: 'a', map: { z: 1 }, list: [3] });
  });

  it('drops undefined fields as the wire format does, and set() replaces the document', async () => {
    const { db } = setup();
    const ref = db.collection('things').doc('a');
    await ref.set({ data: { a: 1, gone: undefined, b: 2 } });
    expect((await ref.get()).data).toEqual({ _id: 'a', a: 1, b: 2 });
    await ref.set({ data: { c: 3 } });
    expect((await ref.get()).data).toEqual({ _id: 'a', c: 3 });
  });

  it('refuses a second add with the same _id and reports a missing document as the SDK does', async () => {
    const { db } = setup();
    await db.collection('things').add({ data: { _id: 'x', n: 1 } });
    await expect(db.collection('things').add({ data: { _id: 'x', n: 2 } })).rejects.toThrow(
      /duplicate key/,
    );
    await expect(db.collection('things').doc('nope').get()).rejects.toThrow(
      'document.get:fail document with _id nope does not exist',
    );
    const lenient = createCloudBaseEmulator({ collections: ['things'] }).database({
      throwOnNotFound: false,
    });
    expect((await lenient.collection('things').doc('nope').get()).data).toBeNull();
    // update() of a missing document changes nothing and does not fail.
    expect(
      (
        await db
          .collection('things')
          .doc('nope')
          .update({ data: { n: 1 } })
      ).stats,
    ).toEqual({
      updated: 0,
    });
  });

  it('fails every operation on a collection that was never created', async () => {
    const { db } = setup();
    const failure = db.collection('missing').doc('a').get();
    await expect(failure).rejects.toMatchObject({ errCode: ERR.DATABASE_COLLECTION_NOT_EXIST });
    await expect(db.collection('missing').add({ data: { a: 1 } })).rejects.toMatchObject({
      errCode: ERR.DATABASE_COLLECTION_NOT_EXIST,
    });
  });
});

describe('transactions', () => {
  it('refuses a where-query inside a transaction', async () => {
    const { db } = setup();
    await expect(
      db.runTransaction(async (tx) => {
        // The SDK builds the query; the server refuses it (wx-server-sdk's types allow the call).
        const collection = tx.collection('things') as unknown as {
          where(q: unknown): { get(): Promise<unknown> };
        };
        return collection.where({ n: 1 }).get();
      }),
    ).rejects.toThrow(/事务中不支持批量操作/);
  });

  it('reads a snapshot, and fails at write time when another open transaction wrote first', async () => {
    const { emulator, db } = setup();
    await db
      .collection('things')
      .doc('n')
      .set({ data: { value: 1 } });
    let releaseFirst!: () => void;
    const firstWrote = new Promise<void>((resolve) => {
      const first = db.runTransaction(async (tx) => {
        const ref = tx.collection('things').doc('n');
        const { data } = await ref.get();
        await ref.update({ data: { value: (data as { value: number }).value + 1 } });
        resolve();
        await new Promise<void>((r) => (releaseFirst = r));
        return 'first';
      });
      void first.then((v) => expect(v).toBe('first'));
    });
    await firstWrote;
    const second = db.runTransaction(async (tx) => {
      const ref = tx.collection('things').doc('n');
      // The first transaction's write is not visible here: snapshot isolation.
      expect((await ref.get()).data).toEqual({ _id: 'n', value: 1 });
      await ref.update({ data: { value: 100 } });
    });
    await expect(second).rejects.toMatchObject({
      errCode: ERR.SYS_ERR,
      message: expect.stringMatching(/DATABASE_TRANSACTION_CONFLICT/),
    });
    releaseFirst();
    await new Promise((r) => setTimeout(r, 10));
    expect((await db.collection('things').doc('n').get()).data).toEqual({ _id: 'n', value: 2 });
    expect(emulator.counts().transactions).toMatchObject({ committed: 1, conflicts: 1 });
  });

  it('conflicts when the document was committed after the snapshot, and rolls back on throw', async () => {
    const { db } = setup();
    await db
      .collection('things')
      .doc('n')
      .set({ data: { value: 1 } });
    await expect(
      db.runTransaction(async (tx) => {
        await tx
          .collection('things')
          .doc('other')
          .set({ data: { written: true } });
        // Someone commits the document after this transaction started.
        await db
          .collection('things')
          .doc('n')
          .update({ data: { value: 2 } });
        await tx
          .collection('things')
          .doc('n')
          .update({ data: { value: 3 } });
      }),
    ).rejects.toThrow(/DATABASE_TRANSACTION_CONFLICT/);
    await expect(db.collection('things').doc('other').get()).rejects.toThrow(/does not exist/);
    expect((await db.collection('things').doc('n').get()).data).toEqual({ _id: 'n', value: 2 });
  });

  it('makes a plain write wait for the transaction lock', async () => {
    const { db } = setup();
    await db
      .collection('things')
      .doc('n')
      .set({ data: { value: 1 } });
    const order: string[] = [];
    let plain: Promise<unknown> | undefined;
    await db.runTransaction(async (tx) => {
      await tx
        .collection('things')
        .doc('n')
        .update({ data: { value: 2 } });
      plain = db
        .collection('things')
        .doc('n')
        .update({ data: { value: 10 } })
        .then(() => order.push('plain'));
      await new Promise((r) => setTimeout(r, 5));
      order.push('commit');
    });
    await plain;
    expect(order).toEqual(['commit', 'plain']);
    expect((await db.collection('things').doc('n').get()).data).toEqual({ _id: 'n', value: 10 });
  });

  it('rollback() rejects with its reason and writes nothing', async () => {
    const { db } = setup();
    await expect(
      db.runTransaction(async (tx) => {
        await tx
          .collection('things')
          .doc('a')
          .set({ data: { a: 1 } });
        await tx.rollback('不要了');
      }),
    ).rejects.toBe('不要了');
    expect(await db.collection('things').count()).toMatchObject({ total: 0 });
  });
});

describe('watch, rules, faults and counts', () => {
  it('delivers an init snapshot, then the changes, to a client allowed by the rules', async () => {
    const { emulator, db } = setup();
    await db
      .collection('queue_lines')
      .doc('c1:library')
      .set({ data: { community: 'c1', v: 1 } });
    const snapshots: Snapshot[] = [];
    const errors: unknown[] = [];
    const client = emulator.clientDatabase('openid-1');
    const watcher = client
      .collection('queue_lines')
      .where({ community: 'c1' })
      .watch({ onChange: (s) => snapshots.push(s), onError: (e) => errors.push(e) });
    await new Promise((r) => setTimeout(r, 5));
    await db
      .collection('queue_lines')
      .doc('c1:library')
      .update({ data: { v: 2 } });
    await db
      .collection('queue_lines')
      .doc('c2:library')
      .set({ data: { community: 'c2', v: 1 } });
    await new Promise((r) => setTimeout(r, 5));
    await watcher.close();
    expect(errors).toEqual([]);
    expect(snapshots).toHaveLength(2);
    expect(snapshots[0]).toMatchObject({ type: 'init', docs: [{ _id: 'c1:library', v: 1 }] });
    expect(snapshots[1]!.docChanges).toEqual([
      expect.objectContaining({ dataType: 'update', updatedFields: { v: 2 } }),
    ]);
    expect(emulator.counts().watchPushes.queue_lines).toBe(2);
  });

  it('denies a client read of a closed collection', async () => {
    const { emulator, db } = setup();
    await db
      .collection('tickets')
      .doc('t')
      .set({ data: { userId: 'wx:a' } });
    const client = emulator.clientDatabase('openid-1');
    await expect(client.collection('tickets').doc('t').get()).rejects.toMatchObject({
      errCode: ERR.DATABASE_PERMISSION_DENIED,
    });
    await expect(
      client
        .collection('queue_lines')
        .doc('x')
        .set({ data: { a: 1 } }),
    ).rejects.toMatchObject({ errCode: ERR.DATABASE_PERMISSION_DENIED });
  });

  it('fails with an injected quota error once, and counts reads and writes per label', async () => {
    const { emulator, db } = setup();
    emulator.inject({ collection: 'things', op: 'get', error: 'quota' });
    await db
      .collection('things')
      .doc('a')
      .set({ data: { a: 1 } });
    await expect(db.collection('things').doc('a').get()).rejects.toMatchObject({
      errCode: ERR.EXCEED_REQUEST_LIMIT,
    });
    await emulator.measure('twice', async () => {
      await db.collection('things').doc('a').get();
      await db.collection('things').where({ a: 1 }).count();
      await db
        .collection('things')
        .doc('a')
        .update({ data: { a: 2 } });
    });
    const counts = emulator.counts();
    expect(counts.byLabel.twice).toEqual({ reads: 2, writes: 1 });
    expect(counts.byCollection.things).toEqual({ reads: 3, writes: 2 });
  });
});
