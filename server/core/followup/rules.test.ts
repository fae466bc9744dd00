/** The follow-up rules on plain tasks, without a store. */
import type { FollowUpRecord } from '../ports';
import {
  answerPatch,
  attemptPatch,
  callList,
  channelOf,
  contactFor,
  erasedTask,
  firstTask,
  MAX_ATTEMPTS,
  needsSeniorCall,
  patchIfUnchanged,
  seniorTask,
  taskKey,
} from './rules';

const NOW = new Date('2026-12-03T02:00:00.000Z');
const task = (fields: Partial<FollowUpRecord> = {}): FollowUpRecord => ({
  id: 'f1',
  community: 'c1',
  date: '2026-12-02',
  residentKey: 'u1',
  userId: 'u1',
  name: '王阿姨',
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
  createdAt: NOW.toISOString(),
  closedAt: null,
  ...fields,
});
const noAnswer = { outcome: 'no-answer' as const, at: NOW.toISOString(), by: 's1' };

describe('calls', () => {
  it('keeps a task open after 无人接听 until the third closes it', () => {
    const first = attemptPatch(task(), { id: 'f1', outcome: 'no-answer' }, 's1', NOW);
    expect(first).toEqual({ attempts: [noAnswer] });
    const twice = task({ attempts: [noAnswer, noAnswer] });
    expect(attemptPatch(twice, { id: 'f1', outcome: 'no-answer' }, 's1', NOW)).toMatchObject({
      status: 'closed',
      closedReason: `${MAX_ATTEMPTS} 次未接通`,
      closedAt: NOW.toISOString(),
    });
  });

  it('closes on 号码错误 or 不愿回访 at once, and finishes 接通 with a full result', () => {
    for (const [outcome, reason] of [
      ['wrong-number', '号码错误'],
      ['declined', '居民不愿回访'],
    ] as const) {
      expect(attemptPatch(task(), { id: 'f1', outcome }, 's1', NOW)).toMatchObject({
        status: 'closed',
        closedReason: reason,
      });
    }
    expect(() => attemptPatch(task(), { id: 'f1', outcome: 'reached' }, 's1', NOW)).toThrow(
      '请选择满意度',
    );
    const reached = { id: 'f1', outcome: 'reached' as const, satisfaction: 'mostly' as const };
    expect(() => attemptPatch(task(), reached, 's1', NOW)).toThrow('请选择问题是否解决');
    expect(attemptPatch(task(), { ...reached, solved: 'yes' }, 's1', NOW)).toMatchObject({
      status: 'done',
      result: { satisfaction: 'mostly', solved: 'yes', note: '' },
    });
  });

  it('refuses a finished task and one the resident answers in the app', () => {
    const input = { id: 'f1', outcome: 'no-answer' as const };
    expect(() => attemptPatch(task({ status: 'done' }), input, 's', NOW)).toThrow('已经结束');
    expect(() => attemptPatch(task({ channel: 'message' }), input, 's', NOW)).toThrow(
      '没有可拨打的电话',
    );
  });

  it('lets only the resident answer their own open message task', () => {
    const asked = task({ channel: 'message', phone: null });
    const input = { satisfaction: 'satisfied' as const, solved: 'yes' as const };
    expect(answerPatch(asked, 'u1', input, NOW)).toMatchObject({ status: 'done' });
    expect(() => answerPatch(asked, 'u2', input, NOW)).toThrow('没有找到这条回访');
    expect(() => answerPatch(null, 'u1', input, NOW)).toThrow('没有找到这条回访');
    expect(() => answerPatch(task(), 'u1', input, NOW)).toThrow('已经结束');
  });

  it('asks a senior worker to call after 不满意 or 未解决, once, and only someone reachable', () => {
    expect(needsSeniorCall({ satisfaction: 'unsatisfied', solved: 'yes' })).toBe(true);
    expect(needsSeniorCall({ satisfaction: 'satisfied', solved: 'no' })).toBe(true);
    expect(needsSeniorCall({ satisfaction: 'mostly', solved: 'partly' })).toBe(false);
    const done = task({ channel: 'message', phone: null, status: 'done', attempts: [noAnswer] });
    expect(seniorTask(done, 'f2', '2026-12-03', NOW)).toMatchObject({
      id: 'f2',
      kind: 'senior',
      parentId: 'f1',
      channel: 'call',
      due: '2026-12-03',
      status: 'open',
      attempts: [],
    });
    expect(seniorTask(task({ kind: 'senior' }), 'f3', '2026-12-03', NOW)).toBeNull();
    expect(seniorTask(task({ userId: null, phone: null }), 'f3', '2026-12-03', NOW)).toBeNull();
  });
});

describe('the store’s decisions', () => {
  it('keys a task by community, evening, resident and kind, and keeps the first', () => {
    expect(taskKey(task())).toEqual(['c1', '2026-12-02', 'u1', 'first']);
    const first = task();
    expect(firstTask(first, task({ id: 'f2' }))).toEqual({ created: false, record: first });
    expect(firstTask(null, task({ id: 'f2' }))).toEqual({
      created: true,
      record: task({ id: 'f2' }),
    });
  });

  it('patches only an open task still at the attempts seen', () => {
    expect(patchIfUnchanged(task(), 0, { attempts: [noAnswer] })?.attempts).toEqual([noAnswer]);
    expect(patchIfUnchanged(task({ attempts: [noAnswer] }), 0, { attempts: [] })).toBeNull();
    expect(patchIfUnchanged(task({ status: 'closed' }), 0, {})).toBeNull();
    expect(patchIfUnchanged(null, 0, {})).toBeNull();
  });

  it('erases owner, resident key, phone, name and the note, keeping the rest of the result', () => {
    const result = { satisfaction: 'unsatisfied' as const, solved: 'no' as const, note: '等太久' };
    const erased = erasedTask(task({ result }));
    expect(erased).toMatchObject({
      residentKey: `erased:${erased.id}`,
      userId: null,
      phone: null,
      name: '',
      result: { ...result, note: '' },
    });
    expect(erasedTask(task()).result).toBeNull();
  });

  it('lists call tasks due today and overdue, and counts those coming', () => {
    const list = callList(
      [
        task({ id: 'a', due: '2026-12-02' }),
        task({ id: 'b', due: '2026-12-03' }),
        task({ id: 'c', due: '2026-12-04' }),
        task({ id: 'd', due: '2026-12-03', channel: 'message' }),
      ],
      '2026-12-03',
    );
    expect(list.overdue.map((t) => t.id)).toEqual(['a']);
    expect(list.dueToday.map((t) => t.id)).toEqual(['b']);
    expect(list.upcoming).toBe(1);
  });
});

describe('不要电话回访', () => {
  it('asks a resident who turned calls off in the app, keeping no phone', () => {
    expect(contactFor('13812345678', 'u1', true)).toEqual({ channel: 'message', phone: null });
    expect(contactFor('13812345678', 'u1', false)).toEqual({
      channel: 'call',
      phone: '13812345678',
    });
    expect(contactFor(null, 'u1', false)).toEqual({ channel: 'message', phone: null });
    // A staff-made booking has no account to ask in: the choice cannot be theirs.
    expect(contactFor('13812345678', null, true)).toEqual({
      channel: 'call',
      phone: '13812345678',
    });
    expect(contactFor(null, null, false)).toBeNull();
  });

  it('turns an existing call task into a question while calls are off, and back', () => {
    expect(channelOf(task(), true)).toBe('message');
    expect(channelOf(task(), false)).toBe('call');
    expect(channelOf(task({ userId: null }), true)).toBe('call');
  });

  it('refuses a call attempt and accepts the resident’s own answer while calls are off', () => {
    expect(() => attemptPatch(task(), { id: 'f1', outcome: 'reached' }, 's1', NOW, true)).toThrow(
      '不要电话回访',
    );
    const answer = { satisfaction: 'satisfied' as const, solved: 'yes' as const };
    expect(() => answerPatch(task(), 'u1', answer, NOW)).toThrow('已经结束');
    expect(answerPatch(task(), 'u1', answer, NOW, true)).toMatchObject({ status: 'done' });
  });

  it('keeps opted-out residents on the call list, message tasks included', () => {
    const open = [
      task({ id: 'a' }),
      task({ id: 'b', userId: 'u2', channel: 'message', phone: null }),
      task({ id: 'c', userId: 'u3', channel: 'message', phone: null }),
    ];
    const list = callList(open, '2026-12-03', new Set(['u2']));
    expect(list.dueToday.map((t) => t.id)).toEqual(['a', 'b']);
    expect(callList(open, '2026-12-03').dueToday.map((t) => t.id)).toEqual(['a']);
  });
});
