/**
 * The CloudBase FollowUpRepo on the CloudBase emulator, for what the shared contract
 * (emulator.contract.test.ts) does not check: the `_id` scheme and documents production data
 * depends on (no openid in an `_id`), malformed documents, what each operation costs (counted by
 * the emulator), races run for real (the job run twice at once, two workers recording one call),
 * and the collection prefix. Documents seeded here bypass the adapter.
 */
import { Unavailable } from '../../core/errors';
import type { FollowUpRecord } from '../../core/ports';
import { emulatedStore } from '../../testing/emulated-store';
import { orderId, taskKeyId } from './followups';
import { digest } from './keys';
import { CREATE_FOLLOW_UP_OPERATIONS } from './followups';
import { PAGE_SIZE } from './sdk';
import type { DocData } from './sdk';
import { MANY_RACERS } from './transaction';

const NOW_ISO = '2026-12-03T01:00:00.000Z';
const LATER_ISO = '2026-12-03T02:00:00.000Z';

function setup(prefix = '') {
  const env = emulatedStore({ prefix });
  return { ...env, followUps: env.store.followUps };
}

afterEach(() => jest.restoreAllMocks());

// --- fixtures ---

const task = (fields: Partial<FollowUpRecord> = {}): FollowUpRecord => ({
  id: 'f1',
  community: 'c1',
  date: '2026-12-02',
  residentKey: 'wx:o-1',
  userId: 'wx:o-1',
  name: '',
  phone: '13812345678',
  channel: 'call',
  services: ['政务服务 19:00'],
  kind: 'first',
  parentId: null,
  due: '2026-12-03',
  status: 'open',
  attempts: [],
  result: null,
  closedReason: null,
  suggestionId: null,
  createdAt: NOW_ISO,
  closedAt: null,
  ...fields,
});

/** A stored task document: the record without its id, plus its number in the community. */
const taskDoc = (fields: Partial<FollowUpRecord> = {}, seq = 1): DocData => {
  const { id: _id, ...rest } = task(fields);
  return { ...rest, seq };
};

/** Resident n's task. */
const of = (n: number, fields: Partial<FollowUpRecord> = {}) =>
  task({ id: `f${n}`, residentKey: `wx:o-${n}`, userId: `wx:o-${n}`, ...fields });

const KEY = taskKeyId(task());
const attempt = { outcome: 'no-answer' as const, at: NOW_ISO, by: 'wx:o-staff' };

// --- keys ---

describe('task keys', () => {
  it('are deterministic, readable where they can be, and only [A-Za-z0-9_-]', () => {
    expect(KEY).toBe(taskKeyId(task({ id: 'another-id', phone: null, createdAt: LATER_ISO })));
    expect(KEY).toMatch(/^task_c1_2026-12-02_first_[A-Za-z0-9_-]{22}$/);
    for (const residentKey of ['booking:b.1/2', 'wx:o-1', 'u_local', '王阿姨 $x%']) {
      expect(taskKeyId(task({ residentKey }))).toMatch(/^[A-Za-z0-9_-]+$/);
    }
    expect(orderId('c1')).toBe('order_c1');
  });

  it('differ in every part, and never run two residents together', () => {
    const keys = [
      KEY,
      taskKeyId(task({ community: 'c2' })),
      taskKeyId(task({ date: '2026-12-09' })),
      taskKeyId(task({ kind: 'senior' })),
      taskKeyId(task({ residentKey: 'wx:o-2' })),
      taskKeyId(task({ residentKey: 'booking:b1' })),
      taskKeyId(task({ residentKey: 'booking-b1' })),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    // The digest keeps the parts apart: shifting a ':' between them changes it.
    expect(digest('a:b', 'c')).not.toBe(digest('a', 'b:c'));
    // The resident key never shows in the _id (no openid left after erase).
    expect(KEY).not.toContain('o-1');
  });
});

// --- create ---

describe('followUps.create', () => {
  it(`creates in one transaction of ${CREATE_FOLLOW_UP_OPERATIONS.created} operations: the order, the key and the numbered task`, async () => {
    const { emulator, followUps, cost } = setup();
    expect(await cost(() => followUps.create(task()))).toMatchObject({
      result: { created: true, record: task() },
      ops: CREATE_FOLLOW_UP_OPERATIONS.created,
      writes: 3,
      outside: 0,
      transactions: 1,
    });
    await followUps.create(of(2));
    expect(emulator.dump('followup_keys')).toEqual([
      { _id: 'order_c1', community: 'c1', made: 2 },
      { _id: KEY, taskId: 'f1', community: 'c1', date: '2026-12-02', kind: 'first' },
      {
        _id: taskKeyId(of(2)),
        taskId: 'f2',
        community: 'c1',
        date: '2026-12-02',
        kind: 'first',
      },
    ]);
    // Every record field but the id, which is the _id, and its number in the community.
    expect(emulator.dump('followups')).toEqual([
      { _id: 'f1', ...taskDoc({}, 1) },
      { _id: 'f2', ...taskDoc(of(2), 2) },
    ]);
    // No openid in any _id: the resident shows only as a digest.
    for (const collection of ['followups', 'followup_keys']) {
      for (const { _id } of emulator.dump(collection)) {
        expect(_id).toMatch(/^(f\d|order_c1|task_c1_2026-12-02_first_[A-Za-z0-9_-]{22})$/);
      }
    }
  });

  it(`returns the stored task for a key already taken, in ${CREATE_FOLLOW_UP_OPERATIONS.existing} operations`, async () => {
    const { followUps, cost } = setup();
    await followUps.create(task());
    await followUps.update('f1', 0, { attempts: [attempt] });
    expect(await cost(() => followUps.create(task({ id: 'f9', phone: null })))).toMatchObject({
      result: { created: false, record: task({ attempts: [attempt] }) },
      ops: CREATE_FOLLOW_UP_OPERATIONS.existing,
      writes: 0,
    });
  });

  it('fails loudly, trying once, when a key points at a missing task', async () => {
    const { emulator, followUps, seed } = setup();
    await seed('followup_keys', KEY, { taskId: 'gone' });
    emulator.resetCounts();
    await expect(followUps.create(task())).rejects.toThrow(`followup_keys/${KEY}`);
    await expect(followUps.create(task())).rejects.toThrow('task gone');
    expect(emulator.counts().transactions).toMatchObject({ started: 2, committed: 0 });
    expect(emulator.dump('followups')).toEqual([]);
  });

  it('makes one task when the job runs twice at once, and numbers tasks in creation order', async () => {
    const { emulator, followUps, doc } = setup();
    const residents = ['wx:o-1', 'wx:o-2', 'booking:b1', 'wx:o-3'];
    const outcomes = await Promise.all(
      [0, 1].flatMap((run) =>
        residents.map((residentKey, i) =>
          followUps.create(
            task({
              id: `run${run}-${i}`,
              residentKey,
              userId: residentKey.startsWith('wx:') ? residentKey : null,
            }),
          ),
        ),
      ),
    );
    expect(emulator.counts().transactions.conflicts).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.created)).toHaveLength(residents.length);
    // Both runs got the same task for each resident.
    for (let i = 0; i < residents.length; i += 1) {
      expect(outcomes[i]!.record).toEqual(outcomes[residents.length + i]!.record);
    }
    const stored = emulator.dump('followups');
    expect(stored).toHaveLength(residents.length);
    expect(stored.map((t) => t.seq).sort()).toEqual([1, 2, 3, 4]);
    expect(doc('followup_keys', 'order_c1')).toEqual({ _id: 'order_c1', community: 'c1', made: 4 });
    // A senior task for the same resident and evening is another task.
    expect((await followUps.create(task({ id: 'f9', kind: 'senior' }))).created).toBe(true);
    expect(doc('followups', 'f9')).toMatchObject({ kind: 'senior', seq: 5 });
  });

  it(`gives up after ${MANY_RACERS.attempts} conflicted transactions with UNAVAILABLE`, async () => {
    const { emulator, followUps } = setup();
    jest.spyOn(Math, 'random').mockReturnValue(0);
    emulator.inject({ collection: 'followup_keys', op: 'set', error: 'conflict', times: Infinity });
    emulator.resetCounts();
    await expect(followUps.create(task())).rejects.toBeInstanceOf(Unavailable);
    expect(emulator.counts().transactions.started).toBe(MANY_RACERS.attempts);
    expect(emulator.dump('followups')).toEqual([]);
  });
});

// --- update, link, erase ---

describe('followUps.update', () => {
  it('applies the patch with a get and a set of the whole task, keeping its number', async () => {
    const { followUps, cost, doc } = setup();
    await followUps.create(of(7));
    await followUps.create(task());
    const updated = await cost(() => followUps.update('f1', 0, { attempts: [attempt] }));
    expect(updated).toMatchObject({ result: task({ attempts: [attempt] }), ops: 2, writes: 1 });
    expect(doc('followups', 'f1')).toEqual({ _id: 'f1', ...taskDoc({ attempts: [attempt] }, 2) });
  });

  it('is null, writing nothing, for another attempt count, a closed task or none', async () => {
    const { followUps, cost } = setup();
    await followUps.create(task({ attempts: [attempt] }));
    await followUps.create(of(2, { status: 'done' }));
    for (const [id, count] of [
      ['f1', 0],
      ['f2', 0],
      ['gone', 0],
    ] as const) {
      expect(await cost(() => followUps.update(id, count, { status: 'closed' }))).toMatchObject({
        result: null,
        writes: 0,
      });
    }
  });

  it('lets only one of two workers recording the same attempt count', async () => {
    const { emulator, followUps, doc } = setup();
    await followUps.create(task());
    const results = await Promise.all([
      followUps.update('f1', 0, { attempts: [attempt] }),
      followUps.update('f1', 0, { attempts: [{ ...attempt, by: 'wx:o-other' }] }),
    ]);
    expect(emulator.counts().transactions.conflicts).toBeGreaterThan(0);
    const winners = results.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect(doc('followups', 'f1')?.attempts).toEqual(winners[0]!.attempts);
  });

  it('fails loudly on a malformed task, naming the field, trying once', async () => {
    const { emulator, followUps, seed } = setup();
    await seed('followups', 'f1', {
      ...taskDoc(),
      attempts: [{ outcome: 'busy', at: NOW_ISO, by: 's' }],
    });
    emulator.resetCounts();
    await expect(followUps.update('f1', 1, {})).rejects.toThrow(
      'followups/f1 attempts[0]: bad or missing "outcome"',
    );
    expect(emulator.counts().transactions).toMatchObject({ started: 1, committed: 0 });
    await seed('followups', 'f1', {
      ...taskDoc(),
      result: { satisfaction: 'meh', solved: 'no', note: '' },
    });
    await expect(followUps.update('f1', 0, {})).rejects.toThrow(
      'followups/f1 result: bad or missing "satisfaction"',
    );
    await seed('followups', 'f1', taskDoc({}, 'x' as never));
    await expect(followUps.update('f1', 0, { status: 'closed' })).rejects.toThrow(
      'followups/f1: bad or missing "seq"',
    );
  });
});

describe('followUps.linkSuggestion', () => {
  it('sets the one field with a get and an update, and leaves a missing task alone', async () => {
    const { emulator, followUps, cost } = setup();
    await followUps.create(task({ status: 'done' }));
    expect(await cost(() => followUps.linkSuggestion('f1', 's-9'))).toMatchObject({
      ops: 2,
      writes: 1,
    });
    expect(await followUps.get('f1')).toEqual(task({ status: 'done', suggestionId: 's-9' }));
    expect(await cost(() => followUps.linkSuggestion('gone', 's-9'))).toMatchObject({
      writes: 0,
    });
    expect(emulator.dump('followups')).toHaveLength(1);
  });
});

describe('followUps.erase', () => {
  it("forgets the owner, phone, name and note of each of the user's tasks: one query, one transaction each", async () => {
    const { followUps, cost, doc } = setup();
    await followUps.create(task({ name: '王阿姨' }));
    await followUps.create(task({ id: 'f2', kind: 'senior' }));
    await followUps.update('f2', 0, {
      status: 'done',
      result: { satisfaction: 'mostly', solved: 'partly', note: '楼道灯坏了' },
    });
    await followUps.create(of(3));
    expect(await cost(() => followUps.erase('wx:o-1'))).toMatchObject({
      result: 2,
      // the query, then per task: get it, remove its key, set the new key, set the task.
      ops: 9,
      transactions: 2,
    });
    expect(doc('followups', 'f1')).toEqual({
      _id: 'f1',
      ...taskDoc({ phone: null, userId: null, residentKey: 'erased:f1' }, 1),
    });
    expect(doc('followups', 'f2')).toEqual({
      _id: 'f2',
      ...taskDoc(
        {
          kind: 'senior',
          phone: null,
          userId: null,
          residentKey: 'erased:f2',
          status: 'done',
          result: { satisfaction: 'mostly', solved: 'partly', note: '' },
        },
        2,
      ),
    });
    expect(doc('followups', 'f3')).toEqual({ _id: 'f3', ...taskDoc(of(3), 3) });
  });
});

// --- reads ---

describe('followUps reads', () => {
  it('fail loudly on a malformed task, naming the field', async () => {
    const { followUps, seed } = setup();
    await seed('followups', 'f2', taskDoc({ channel: 'sms' as 'call' }));
    await expect(followUps.get('f2')).rejects.toThrow('followups/f2: bad or missing "channel"');
    await seed('followups', 'f3', { ...taskDoc(), services: '政务服务' });
    await expect(followUps.get('f3')).rejects.toThrow('followups/f3: bad or missing "services"');
  });

  it('list open tasks by due date, and a user’s by evening, each then in creation order', async () => {
    const { followUps } = setup();
    await followUps.create(task());
    await followUps.create(of(2, { due: '2026-12-02', date: '2026-12-01' }));
    await followUps.create(of(3, { status: 'done' }));
    await followUps.create(task({ id: 'f4', date: '2026-12-01', due: '2026-12-03' }));
    expect((await followUps.open('c1')).map((t) => t.id)).toEqual(['f2', 'f1', 'f4']);
    expect((await followUps.ofUser('wx:o-1')).map((t) => t.id)).toEqual(['f4', 'f1']);
  });

  it('recent reads closed tasks newest first, stopping at the first one closed before `since`', async () => {
    const { followUps, seed, cost } = setup();
    const closed = (n: number, closedAt: string, status: FollowUpRecord['status'] = 'done') =>
      seed('followups', `f${n}`, taskDoc(of(n, { status, closedAt }), n));
    await closed(4, '2026-12-03T05:00:00.000Z');
    // A task reopened with its closedAt kept is not recent.
    await closed(3, '2026-12-03T04:00:00.000Z', 'open');
    await closed(2, '2026-12-03T03:00:00.000Z', 'closed');
    await closed(1, '2026-12-02T23:00:00.000Z');
    for (let i = 100; i < 100 + PAGE_SIZE + 20; i += 1) await closed(i, '2026-12-01T00:00:00.000Z');
    // Open tasks never closed are not read at all.
    await seed('followups', 'f9', taskDoc(of(9)));
    const found = await cost(() => followUps.recent('c1', '2026-12-03T00:00:00.000Z'));
    expect(found.result.map((t) => t.id)).toEqual(['f4', 'f2']);
    // One page only, though it was full.
    expect(found.ops).toBe(1);
  });

  it('recent pages on while every task is recent, and includes `since` itself', async () => {
    const { followUps, seed, cost } = setup();
    const at = '2026-12-03T00:00:00.000Z';
    for (let n = 1; n <= PAGE_SIZE; n += 1) {
      await seed('followups', `f${n}`, taskDoc(of(n, { status: 'done', closedAt: LATER_ISO }), n));
    }
    await seed('followups', 'edge', taskDoc(of(0, { status: 'closed', closedAt: at }), 0));
    const found = await cost(() => followUps.recent('c1', at));
    expect(found.result).toHaveLength(PAGE_SIZE + 1);
    expect(found.result.at(-1)!.id).toBe('edge');
    expect(found.ops).toBe(2);
  });
});

describe('followUps rules', () => {
  it('are stored as one list per community, read back as a map; a malformed rule fails loudly', async () => {
    const { emulator, followUps, seed } = setup();
    const rules = {
      paperwork: { followUp: false, delayDays: 2 },
      activity: { followUp: true, delayDays: 1 },
    };
    await followUps.saveRules('c1', rules);
    expect(emulator.dump('followup_rules')).toEqual([
      {
        _id: 'c1',
        community: 'c1',
        rules: [
          { service: 'paperwork', followUp: false, delayDays: 2 },
          { service: 'activity', followUp: true, delayDays: 1 },
        ],
      },
    ]);
    expect(await followUps.getRules('c1')).toEqual(rules);
    await seed('followup_rules', 'c2', {
      community: 'c2',
      rules: [{ service: 'paperwork', followUp: 'no', delayDays: 1 }],
    });
    await expect(followUps.getRules('c2')).rejects.toThrow(
      'followup_rules/c2 rules[0]: bad or missing "followUp"',
    );
  });
});

describe('collectionPrefix', () => {
  it('prefixes the follow-up collections, inside transactions too', async () => {
    // Only the prefixed collections exist: any unprefixed name would fail as missing.
    const { emulator, followUps } = setup('contract_');
    expect((await followUps.create(task())).created).toBe(true);
    await followUps.update('f1', 0, { attempts: [attempt] });
    await followUps.saveRules('c1', { paperwork: { followUp: true, delayDays: 1 } });
    expect(await followUps.getRules('c1')).toEqual({ paperwork: { followUp: true, delayDays: 1 } });
    expect((await followUps.open('c1')).map((t) => t.id)).toEqual(['f1']);
    expect(await followUps.erase('wx:o-1')).toBe(1);
    const used = new Set(emulator.log().map((op) => op.collection));
    expect([...used].sort()).toEqual([
      'contract_followup_keys',
      'contract_followup_rules',
      'contract_followups',
    ]);
  });
});
