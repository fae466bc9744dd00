/**
 * The CloudBase FollowUpRepo against wx-server-sdk mocked at its edge: every document read is
 * canned, every call recorded, as in notices.test.ts. What is checked is what the adapter asks the
 * database to do and what that costs; the shared contract suite checks behaviour against a real
 * environment.
 *
 * The races (the job run twice at once, two workers recording one call) need transactions that
 * can conflict: `snapshotTransactions` (mock-transactions.ts) stands in for CloudBase's
 * transactions only (snapshot reads, buffered writes, a commit that fails when a document it
 * writes was committed by someone else meanwhile).
 */
import type { FollowUpRecord } from '../../core/ports';
import { CREATE_FOLLOW_UP_OPERATIONS, createCloudBaseStore, PAGE_SIZE } from './index';
import { digest, orderId, taskKeyId } from './followups';
import { notFoundError } from './mock-sdk';
import { seededJitter, snapshotTransactions } from './mock-transactions';
import type { DocData } from './sdk';
import { instantRetries, mock, noWrites, useMockDb, written } from './test-support';
import { MANY_RACERS } from './transaction';

const NOW_ISO = '2026-12-03T01:00:00.000Z';
const LATER_ISO = '2026-12-03T02:00:00.000Z';

useMockDb();
const followUps = () => createCloudBaseStore(mock.db).followUps;

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

const KEY = taskKeyId(task());

const cannedTask = (fields: Partial<FollowUpRecord> = {}, seq = 1) =>
  mock
    .txDoc('followups', fields.id ?? 'f1')
    .get.mockResolvedValueOnce({ data: taskDoc(fields, seq) });

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
  it(`creates in one transaction of ${CREATE_FOLLOW_UP_OPERATIONS.created} operations`, async () => {
    mock.txDoc('followup_keys', 'order_c1').get.mockResolvedValueOnce({
      data: { community: 'c1', made: 4 },
    });
    expect(await followUps().create(task())).toEqual({ created: true, record: task() });
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    expect(mock.txOps()).toEqual([
      `get followup_keys/${KEY}`,
      'get followup_keys/order_c1',
      'set followup_keys/order_c1',
      `set followup_keys/${KEY}`,
      'set followups/f1',
    ]);
    expect(CREATE_FOLLOW_UP_OPERATIONS.created).toBe(5);
    expect(written('followup_keys', 'order_c1')).toEqual({ community: 'c1', made: 5 });
    expect(written('followup_keys', KEY)).toEqual({
      taskId: 'f1',
      community: 'c1',
      date: '2026-12-02',
      kind: 'first',
    });
    // Every record field but the id, which is the _id, and its number in the community.
    expect(written('followups', 'f1')).toEqual(taskDoc({}, 5));
    expect(mock.collections).toEqual([]);
  });

  it('numbers the first task of a community 1', async () => {
    await followUps().create(task());
    expect(written('followups', 'f1')).toMatchObject({ seq: 1 });
    expect(written('followup_keys', 'order_c1')).toEqual({ community: 'c1', made: 1 });
  });

  it(`returns the stored task for a key already taken, in ${CREATE_FOLLOW_UP_OPERATIONS.existing} operations`, async () => {
    mock.txDoc('followup_keys', KEY).get.mockResolvedValueOnce({ data: { taskId: 'f0' } });
    cannedTask({ id: 'f0', attempts: [{ outcome: 'no-answer', at: NOW_ISO, by: 's1' }] });
    expect(await followUps().create(task({ id: 'f9' }))).toEqual({
      created: false,
      record: task({ id: 'f0', attempts: [{ outcome: 'no-answer', at: NOW_ISO, by: 's1' }] }),
    });
    expect(mock.txOps()).toEqual([`get followup_keys/${KEY}`, 'get followups/f0']);
    noWrites();
  });

  it('a retry finding its own commit reports it created; anyone else’s is existing', async () => {
    instantRetries();
    // The first attempt's reply was lost: the retry reads the key it wrote.
    mock.runTransaction.mockRejectedValueOnce(new Error('network'));
    mock.txDoc('followup_keys', KEY).get.mockResolvedValueOnce({ data: { taskId: 'f1' } });
    cannedTask();
    expect(await followUps().create(task())).toEqual({ created: true, record: task() });

    mock.runTransaction.mockRejectedValueOnce(new Error('network'));
    mock.txDoc('followup_keys', KEY).get.mockResolvedValueOnce({ data: { taskId: 'f0' } });
    cannedTask({ id: 'f0' });
    expect(await followUps().create(task())).toMatchObject({
      created: false,
      record: { id: 'f0' },
    });
    noWrites();
  });

  it('fails loudly, without retrying, when a key points at a missing task', async () => {
    mock.txDoc('followup_keys', KEY).get.mockResolvedValueOnce({ data: { taskId: 'gone' } });
    await expect(followUps().create(task())).rejects.toThrow('task gone');
    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    noWrites();
  });

  it('makes one task when the job runs twice at once, and numbers tasks in creation order', async () => {
    const db = snapshotTransactions();
    seededJitter(7);
    const residents = ['wx:o-1', 'wx:o-2', 'booking:b1', 'wx:o-3'];
    const outcomes = await Promise.all(
      [0, 1].flatMap((run) =>
        residents.map((residentKey, i) =>
          followUps().create(
            task({
              id: `run${run}-${i}`,
              residentKey,
              userId: residentKey.startsWith('wx:') ? residentKey : null,
            }),
          ),
        ),
      ),
    );
    expect(db.conflicts()).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.created)).toHaveLength(residents.length);
    // Both runs got the same task for each resident.
    for (let i = 0; i < residents.length; i += 1) {
      expect(outcomes[i]!.record).toEqual(outcomes[residents.length + i]!.record);
    }
    const stored = db.docs('followups');
    expect(stored).toHaveLength(residents.length);
    expect(stored.map((t) => t.seq).sort()).toEqual([1, 2, 3, 4]);
    expect(db.doc('followup_keys/order_c1')).toEqual({ community: 'c1', made: 4 });
    // A senior task for the same resident and evening is another task.
    expect((await followUps().create(task({ id: 'f9', kind: 'senior' }))).created).toBe(true);
    expect(db.doc('followups/f9')).toMatchObject({ kind: 'senior', seq: 5 });
  });

  it(`retries as many racers (${MANY_RACERS.attempts} attempts)`, async () => {
    instantRetries();
    mock.runTransaction.mockRejectedValue(new Error('conflict'));
    await expect(followUps().create(task())).rejects.toThrow('conflict');
    expect(mock.runTransaction).toHaveBeenCalledTimes(MANY_RACERS.attempts);
  });
});

// --- update, link, erase ---

describe('followUps.update', () => {
  const attempt = { outcome: 'no-answer' as const, at: NOW_ISO, by: 'wx:o-staff' };

  it('applies the patch while open with exactly that many attempts: get, then set of the whole task', async () => {
    cannedTask({}, 3);
    const updated = await followUps().update('f1', 0, { attempts: [attempt] });
    expect(updated).toEqual(task({ attempts: [attempt] }));
    expect(mock.txOps()).toEqual(['get followups/f1', 'set followups/f1']);
    expect(written('followups', 'f1')).toEqual(taskDoc({ attempts: [attempt] }, 3));
  });

  it('replaces result and attempts whole (set, never a merging update)', async () => {
    cannedTask({ attempts: [attempt] });
    const patch = {
      attempts: [attempt, { ...attempt, outcome: 'reached' as const }],
      status: 'done' as const,
      result: { satisfaction: 'unsatisfied' as const, solved: 'no' as const, note: '等太久' },
      closedAt: LATER_ISO,
      // undefined leaves a field as it is.
      closedReason: undefined,
    };
    const done = await followUps().update('f1', 1, patch);
    expect(done).toEqual(
      task({
        attempts: patch.attempts,
        status: 'done',
        result: patch.result,
        closedAt: LATER_ISO,
      }),
    );
    expect(written('followups', 'f1')).toMatchObject({
      result: { satisfaction: 'unsatisfied', solved: 'no', note: '等太久' },
      closedReason: null,
    });
    expect(mock.txDoc('followups', 'f1').update).not.toHaveBeenCalled();
  });

  it('is null, writing nothing, for another attempt count, a closed task or none', async () => {
    cannedTask({ attempts: [attempt] });
    expect(await followUps().update('f1', 0, { attempts: [attempt] })).toBeNull();
    cannedTask({ status: 'done' });
    expect(await followUps().update('f1', 0, { status: 'closed' })).toBeNull();
    expect(await followUps().update('f1', 0, { status: 'closed' })).toBeNull();
    mock.txDoc('followups', 'f2').get.mockRejectedValueOnce(notFoundError('followups', 'f2'));
    expect(await followUps().update('f2', 0, { status: 'closed' })).toBeNull();
    noWrites();
  });

  it('lets only one of two workers recording the same attempt count', async () => {
    const db = snapshotTransactions();
    seededJitter(7);
    db.seed('followups/f1', taskDoc());
    const results = await Promise.all([
      followUps().update('f1', 0, { attempts: [attempt] }),
      followUps().update('f1', 0, { attempts: [{ ...attempt, by: 'wx:o-other' }] }),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(db.doc('followups/f1')!.attempts).toHaveLength(1);
    expect(db.conflicts()).toBeGreaterThan(0);
  });

  it('does not retry a malformed task, and names the field', async () => {
    mock.txDoc('followups', 'f1').get.mockResolvedValueOnce({
      data: { ...taskDoc(), attempts: [{ outcome: 'busy', at: NOW_ISO, by: 's' }] },
    });
    await expect(followUps().update('f1', 1, {})).rejects.toThrow(
      'followups/f1 attempts[0]: bad or missing "outcome"',
    );
    mock.txDoc('followups', 'f1').get.mockResolvedValueOnce({
      data: { ...taskDoc(), result: { satisfaction: 'meh', solved: 'no', note: '' } },
    });
    await expect(followUps().update('f1', 0, {})).rejects.toThrow('"satisfaction"');
    mock.txDoc('followups', 'f1').get.mockResolvedValueOnce({ data: taskDoc({}, 'x' as never) });
    await expect(followUps().update('f1', 0, {})).rejects.toThrow('"seq"');
    expect(mock.runTransaction).toHaveBeenCalledTimes(3);
    noWrites();
  });
});

describe('followUps.linkSuggestion', () => {
  it('sets the one field on an existing task, in a transaction', async () => {
    cannedTask({ status: 'done' });
    await followUps().linkSuggestion('f1', 's-9');
    expect(mock.txOps()).toEqual(['get followups/f1', 'update followups/f1']);
    expect(mock.txDoc('followups', 'f1').update).toHaveBeenCalledWith({
      data: { suggestionId: 's-9' },
    });
  });

  it('leaves a missing task alone', async () => {
    await followUps().linkSuggestion('gone', 's-9');
    noWrites();
  });
});

describe('followUps.erase', () => {
  it("forgets each of the user's tasks' phone, name and note, and counts them", async () => {
    mock.pages.push([{ _id: 'f1' }, { _id: 'f2' }, { _id: 'f3' }]);
    cannedTask({ name: '王阿姨' }, 1);
    cannedTask(
      {
        id: 'f2',
        status: 'done',
        result: { satisfaction: 'mostly', solved: 'partly', note: '楼道灯坏了' },
      },
      2,
    );
    // Gone since the query: not counted.
    expect(await followUps().erase('wx:o-1')).toBe(2);
    expect(mock.queries).toEqual([
      {
        collection: 'followups',
        steps: [
          ['where', { userId: 'wx:o-1' }],
          ['orderBy', '_id', 'asc'],
          ['field', { _id: true }],
          ['skip', 0],
          ['limit', PAGE_SIZE],
          ['get'],
        ],
      },
    ]);
    expect(mock.runTransaction).toHaveBeenCalledTimes(3);
    expect(written('followups', 'f1')).toEqual(taskDoc({ phone: null, name: '' }, 1));
    expect(written('followups', 'f2')).toEqual(
      taskDoc(
        {
          id: 'f2',
          status: 'done',
          phone: null,
          result: { satisfaction: 'mostly', solved: 'partly', note: '' },
        },
        2,
      ),
    );
  });

  it('leaves a task that is no longer the user’s', async () => {
    mock.pages.push([{ _id: 'f1' }]);
    cannedTask({ userId: 'wx:o-2' });
    expect(await followUps().erase('wx:o-1')).toBe(0);
    noWrites();
  });
});

// --- reads ---

describe('followUps reads', () => {
  const listed = (id: string, fields: Partial<FollowUpRecord> = {}, seq = 1) => ({
    _id: id,
    ...taskDoc({ id, ...fields }, seq),
  });

  it('get maps the task by _id, or null; a malformed one names the field', async () => {
    mock.doc('followups', 'f1').get.mockResolvedValueOnce({ data: { _id: 'f1', ...taskDoc() } });
    expect(await followUps().get('f1')).toEqual(task());
    mock.doc('followups', 'gone').get.mockRejectedValueOnce(notFoundError('followups', 'gone'));
    expect(await followUps().get('gone')).toBeNull();
    mock.doc('followups', 'f2').get.mockResolvedValueOnce({
      data: taskDoc({ channel: 'sms' as 'call' }),
    });
    await expect(followUps().get('f2')).rejects.toThrow('followups/f2: bad or missing "channel"');
    mock.doc('followups', 'f3').get.mockResolvedValueOnce({
      data: { ...taskDoc(), services: '政务服务' },
    });
    await expect(followUps().get('f3')).rejects.toThrow('"services"');
  });

  it("open queries a community's open tasks by due date, then creation", async () => {
    mock.pages.push([listed('f2', { due: '2026-12-02' }, 2), listed('f1', {}, 1)]);
    expect((await followUps().open('c1')).map((t) => t.id)).toEqual(['f2', 'f1']);
    expect(mock.queries[0]).toEqual({
      collection: 'followups',
      steps: [
        ['where', { community: 'c1', status: 'open' }],
        ['orderBy', 'due', 'asc'],
        ['orderBy', 'createdAt', 'asc'],
        ['orderBy', 'seq', 'asc'],
        ['skip', 0],
        ['limit', PAGE_SIZE],
        ['get'],
      ],
    });
  });

  it('recent reads closed tasks newest first and stops at the first one before `since`', async () => {
    const closed = (id: string, closedAt: string, status: FollowUpRecord['status'] = 'done') =>
      listed(id, { status, closedAt });
    mock.pages.push([
      closed('f4', '2026-12-03T05:00:00.000Z'),
      // A task reopened with its closedAt kept is not recent.
      closed('f3', '2026-12-03T04:00:00.000Z', 'open'),
      closed('f2', '2026-12-03T03:00:00.000Z', 'closed'),
      closed('f1', '2026-12-02T23:00:00.000Z'),
      ...Array.from({ length: 96 }, (_, i) => closed(`old${i}`, '2026-12-01T00:00:00.000Z')),
    ]);
    const found = await followUps().recent('c1', '2026-12-03T00:00:00.000Z');
    expect(found.map((t) => t.id)).toEqual(['f4', 'f2']);
    // One page only, though it was full.
    expect(mock.queries).toEqual([
      {
        collection: 'followups',
        steps: [
          ['where', { community: 'c1', closedAt: { command: 'neq', value: null } }],
          ['orderBy', 'closedAt', 'desc'],
          ['orderBy', 'seq', 'desc'],
          ['skip', 0],
          ['limit', PAGE_SIZE],
          ['get'],
        ],
      },
    ]);
  });

  it('recent pages on while every task is recent, and includes `since` itself', async () => {
    const at = '2026-12-03T00:00:00.000Z';
    mock.pages.push(
      Array.from({ length: 100 }, (_, i) =>
        listed(`n${i}`, { status: 'done', closedAt: LATER_ISO }),
      ),
      [listed('edge', { status: 'closed', closedAt: at })],
    );
    const found = await followUps().recent('c1', at);
    expect(found).toHaveLength(101);
    expect(found.at(-1)!.id).toBe('edge');
    expect(mock.queries[1]!.steps).toContainEqual(['skip', 100]);
  });

  it("ofUser lists the user's tasks by evening, then creation", async () => {
    mock.pages.push([listed('f1'), listed('f2', { date: '2026-12-09' }, 2)]);
    expect((await followUps().ofUser('wx:o-1')).map((t) => t.id)).toEqual(['f1', 'f2']);
    expect(mock.queries[0]!.steps.slice(0, 4)).toEqual([
      ['where', { userId: 'wx:o-1' }],
      ['orderBy', 'date', 'asc'],
      ['orderBy', 'createdAt', 'asc'],
      ['orderBy', 'seq', 'asc'],
    ]);
  });

  it('ofEvening lists every task about one evening, any kind and status, in creation order', async () => {
    mock.pages.push([
      listed('f1', { status: 'done' }, 1),
      listed('f2', { kind: 'senior', residentKey: 'booking:b1', userId: null }, 2),
    ]);
    const tasks = await followUps().ofEvening('c1', '2026-12-02');
    expect(tasks.map((t) => [t.id, t.kind, t.status])).toEqual([
      ['f1', 'first', 'done'],
      ['f2', 'senior', 'open'],
    ]);
    expect(mock.queries).toEqual([
      {
        collection: 'followups',
        steps: [
          ['where', { community: 'c1', date: '2026-12-02' }],
          ['orderBy', 'createdAt', 'asc'],
          ['orderBy', 'seq', 'asc'],
          ['skip', 0],
          ['limit', PAGE_SIZE],
          ['get'],
        ],
      },
    ]);
  });

  it('ofEvening pages past the 100-per-read cap', async () => {
    mock.pages.push(
      Array.from({ length: PAGE_SIZE }, (_, i) => listed(`f${i}`, {}, i + 1)),
      [listed('last', {}, PAGE_SIZE + 1)],
    );
    expect(await followUps().ofEvening('c1', '2026-12-02')).toHaveLength(PAGE_SIZE + 1);
    expect(mock.queries[1]!.steps).toContainEqual(['skip', PAGE_SIZE]);
  });
});

describe('followUps rules', () => {
  it('are null before any are saved', async () => {
    expect(await followUps().getRules('c1')).toBeNull();
    expect(mock.dbOps()).toEqual(['get followup_rules/c1']);
  });

  it('are saved as one list per community and read back as a map', async () => {
    const rules = {
      paperwork: { followUp: false, delayDays: 2 },
      activity: { followUp: true, delayDays: 1 },
    };
    await followUps().saveRules('c1', rules);
    const data = mock.doc('followup_rules', 'c1').set.mock.calls[0]![0].data;
    expect(data).toEqual({
      community: 'c1',
      rules: [
        { service: 'paperwork', followUp: false, delayDays: 2 },
        { service: 'activity', followUp: true, delayDays: 1 },
      ],
    });
    mock.doc('followup_rules', 'c1').get.mockResolvedValueOnce({ data });
    expect(await followUps().getRules('c1')).toEqual(rules);
  });

  it('fail loudly on a malformed rule', async () => {
    mock.doc('followup_rules', 'c1').get.mockResolvedValueOnce({
      data: { community: 'c1', rules: [{ service: 'paperwork', followUp: 'no', delayDays: 1 }] },
    });
    await expect(followUps().getRules('c1')).rejects.toThrow(
      'followup_rules/c1 rules[0]: bad or missing "followUp"',
    );
  });
});

describe('collectionPrefix', () => {
  it('prefixes the follow-up collections, inside transactions too', async () => {
    const prefixed = createCloudBaseStore(mock.db, { collectionPrefix: 'contract_' }).followUps;
    await prefixed.get('f1');
    await prefixed.getRules('c1');
    await prefixed.create(task());
    expect(mock.collections).toEqual(['contract_followups', 'contract_followup_rules']);
    expect(mock.txOps()).toEqual([
      `get contract_followup_keys/${KEY}`,
      'get contract_followup_keys/order_c1',
      'set contract_followup_keys/order_c1',
      `set contract_followup_keys/${KEY}`,
      'set contract_followups/f1',
    ]);
  });
});
