/** Follow-up calls and suggestions, through dispatch, on a real SQLite file. */
import type {
  CallList,
  FollowUpRule,
  FollowUpTask,
  ResidentFollowUp,
  Timeline,
} from '../../../contract/followup';
import type {
  ChangeEntry,
  StaffSuggestion,
  Suggestion,
  EchoWall,
} from '../../../contract/suggestion';
import type { Booking } from '../../../contract/booking';
import type { QueueDesk, Ticket } from '../../../contract/queue';
import { coreHarness, ok } from '../../testing/core-harness';
import type { ContentChecker } from '../ports';

/** Wednesday 2026-12-02 18:00 in Suzhou: the evening is open. */
const WEDNESDAY = '2026-12-02T18:00:00+08:00';
const THURSDAY = '2026-12-03T09:00:00+08:00';

/** Blocks one word: a stand-in for WeChat's msgSecCheck. */
const checker: ContentChecker = {
  check: async (text) => (text.includes('违禁词') ? 'block' : 'pass'),
};

let h: Awaited<ReturnType<typeof coreHarness>>;
afterEach(async () => {
  await h?.close();
});

/** u1 books paperwork with a consented phone and is served; u2 takes a health number and is served. */
async function servedEvening() {
  h = await coreHarness(WEDNESDAY, { contentCheck: checker });
  const booking = ok(
    await h.as('u1')<Booking>('booking.book', {
      slotId: 'jinse_paperwork_20261202_1900',
      requestId: 'book-u1-0001',
      phone: '13812345678',
      consent: true,
    }),
  );
  ok(await h.staff('booking.complete', { bookingId: booking.id }));
  const ticket = ok(
    await h.as('u2')<Ticket>('queue.join', {
      community: 'jinse',
      queue: 'health',
      requestId: 'join-u2-0001',
    }),
  );
  ok(await h.staff<QueueDesk>('queue.callNext', { community: 'jinse', queue: 'health' }));
  ok(await h.staff('queue.complete', { ticketId: ticket.id }));
  // u3 only waited: nothing to follow up.
  ok(
    await h.as('u3')('queue.join', {
      community: 'jinse',
      queue: 'library',
      requestId: 'join-u3-0001',
    }),
  );
}

const record = (input: Record<string, unknown>) => h.staff<FollowUpTask>('followup.record', input);

describe('the follow-up job', () => {
  it('creates one task per served resident the day after, once however often it runs', async () => {
    await servedEvening();
    expect(ok(await h.staff<{ created: number }>('followup.run'))).toEqual({ created: 0 });
    h.clock.set(THURSDAY);
    expect(ok(await h.staff<{ created: number }>('followup.run'))).toEqual({ created: 2 });
    expect(ok(await h.staff<{ created: number }>('followup.run'))).toEqual({ created: 0 });

    const list = ok(await h.staff<CallList>('followup.due', { community: 'jinse' }));
    expect(list.today).toBe('2026-12-03');
    // u2 gave no phone: asked in the app instead of called.
    expect(list.dueToday).toEqual([
      expect.objectContaining({
        date: '2026-12-02',
        channel: 'call',
        phone: '13812345678',
        services: ['政务服务 19:00'],
        resident: 'u1',
        attempts: [],
      }),
    ]);
    expect(h.alerts.resident).toEqual([
      expect.objectContaining({ userId: 'u2', kind: 'follow-up-ask' }),
    ]);
    expect(ok(await h.as('u2')<ResidentFollowUp[]>('followup.pending'))).toEqual([
      expect.objectContaining({ kind: 'ask', services: ['健康检测 A001'] }),
    ]);
  });

  it('follows the rules: services without a call and longer delays', async () => {
    await servedEvening();
    const rules = ok(
      await h.staff<FollowUpRule[]>('followup.configure', {
        community: 'jinse',
        service: 'paperwork',
        followUp: true,
        delayDays: 2,
      }),
    );
    expect(rules.find((r) => r.service === 'paperwork')).toMatchObject({ delayDays: 2 });
    ok(
      await h.staff('followup.configure', {
        community: 'jinse',
        service: 'health',
        followUp: false,
        delayDays: 1,
      }),
    );
    h.clock.set(THURSDAY);
    expect(ok(await h.staff<{ created: number }>('followup.run'))).toEqual({ created: 0 });
    h.clock.set('2026-12-04T09:00:00+08:00');
    expect(ok(await h.staff<{ created: number }>('followup.run'))).toEqual({ created: 1 });
    // A week later the evening is out of the job's reach: nothing new, nothing lost.
    h.clock.set('2026-12-20T09:00:00+08:00');
    expect(ok(await h.staff<{ created: number }>('followup.run'))).toEqual({ created: 0 });
    const list = ok(await h.staff<CallList>('followup.due', { community: 'jinse' }));
    expect(list.overdue.map((t) => t.due)).toEqual(['2026-12-04']);
  });
});

describe('calls', () => {
  async function oneCall() {
    await servedEvening();
    h.clock.set(THURSDAY);
    ok(await h.staff('followup.run'));
    return ok(await h.staff<CallList>('followup.due', { community: 'jinse' })).dueToday[0]!;
  }

  it('keeps a task open after no answer, and closes it after the third', async () => {
    const task = await oneCall();
    expect(ok(await record({ id: task.id, outcome: 'no-answer' }))).toMatchObject({
      status: 'open',
      attempts: [{ outcome: 'no-answer', by: 'staff-1' }],
    });
    ok(await record({ id: task.id, outcome: 'no-answer' }));
    expect(ok(await record({ id: task.id, outcome: 'no-answer' }))).toMatchObject({
      status: 'closed',
      closedReason: '3 次未接通',
    });
    expect(await record({ id: task.id, outcome: 'reached' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这条回访已经结束了' },
    });
  });

  it('records a reached call; 不满意 sends a senior worker back and files the suggestion', async () => {
    const task = await oneCall();
    expect(await record({ id: task.id, outcome: 'reached', solved: 'no' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'satisfaction' },
    });
    const done = ok(
      await record({
        id: task.id,
        outcome: 'reached',
        satisfaction: 'unsatisfied',
        solved: 'partly',
        note: '材料没带齐，白跑一趟',
        suggestion: '希望提前告诉要带哪些材料',
        category: 'paperwork',
      }),
    );
    expect(done).toMatchObject({
      status: 'done',
      result: { satisfaction: 'unsatisfied', solved: 'partly', note: '材料没带齐，白跑一趟' },
    });
    expect(done.suggestionId).not.toBeNull();
    const list = ok(await h.staff<CallList>('followup.due', { community: 'jinse' }));
    expect(list.dueToday).toEqual([
      expect.objectContaining({ kind: 'senior', resident: 'u1', due: '2026-12-03' }),
    ]);
    const filed = ok(await h.as('u1')<Suggestion[]>('suggestion.mine'));
    expect(filed).toEqual([
      expect.objectContaining({
        receipt: 'JI-1203-001',
        text: '希望提前告诉要带哪些材料',
        categoryName: '政务服务',
        status: 'received',
      }),
    ]);
    expect(h.alerts.resident.map((a) => [a.userId, a.kind])).toContainEqual([
      'u1',
      'follow-up-invite',
    ]);
  });

  it('lets a resident asked in the app answer, and sends 未解决 to a senior worker', async () => {
    await servedEvening();
    h.clock.set(THURSDAY);
    ok(await h.staff('followup.run'));
    const [ask] = ok(await h.as('u2')<ResidentFollowUp[]>('followup.pending'));
    expect(
      await h.as('u1')('followup.answer', {
        id: ask!.id,
        satisfaction: 'satisfied',
        solved: 'yes',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const left = ok(
      await h.as('u2')<ResidentFollowUp[]>('followup.answer', {
        id: ask!.id,
        satisfaction: 'mostly',
        solved: 'no',
      }),
    );
    // The question turns into an invitation to leave a suggestion about that evening.
    expect(left).toEqual([expect.objectContaining({ id: ask!.id, kind: 'invite' })]);
    // No phone: the senior worker's follow-up is on the staff list, to be made in person.
    const list = ok(await h.staff<CallList>('followup.due', { community: 'jinse' }));
    expect(list.dueToday).toContainEqual(
      expect.objectContaining({ kind: 'senior', resident: 'u2', phone: null, channel: 'call' }),
    );
  });
});

describe('suggestions', () => {
  const submit = (userId: string, extra: Record<string, unknown> = {}) =>
    h.as(userId)<Suggestion>('suggestion.submit', {
      community: 'jinse',
      category: 'hours',
      text: '希望周五晚上也开放',
      requestId: `req-${userId}-${Math.random().toString(36).slice(2, 10)}`,
      ...extra,
    });

  it('files with a receipt, holds five a day, dedupes retries and checks content', async () => {
    h = await coreHarness(WEDNESDAY, { contentCheck: checker });
    const first = ok(await submit('u1', { requestId: 'same-request-1' }));
    expect(first).toMatchObject({
      receipt: 'JI-1202-001',
      status: 'received',
      categoryName: '开放时间',
    });
    expect(ok(await submit('u1', { requestId: 'same-request-1' })).id).toBe(first.id);
    for (let i = 0; i < 4; i += 1) ok(await submit('u1'));
    expect(await submit('u1')).toEqual({
      ok: false,
      error: { code: 'RATE_LIMITED', message: '每人每天最多提 5 条建议，明天再来吧' },
    });
    expect(await submit('u2', { text: '这里有违禁词' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'text' },
    });
    expect(await submit('u2', { category: 'karaoke' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '没有这个建议类别' },
    });
    h.clock.set(THURSDAY);
    expect(ok(await submit('u1')).receipt).toBe('JI-1203-001');
  });

  it('runs from reply to "you said, we did" on the public board, with reopen and solved', async () => {
    h = await coreHarness(WEDNESDAY);
    const a = ok(await submit('u1'));
    const b = ok(await submit('u2', { text: '周五能不能也开' }));
    expect(await h.as('u1')('suggestion.answerSolved', { id: a.id, solved: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await h.staff('suggestion.reply', { id: a.id, status: 'not-adopted', reply: '人手不够' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'reason' } });
    ok(await h.staff('suggestion.reply', { id: a.id, status: 'reviewing', reply: '收到，研究中' }));
    const merged = ok(await h.staff<StaffSuggestion>('suggestion.merge', { id: b.id, into: a.id }));
    expect(merged).toMatchObject({ status: 'merged', mergedInto: a.id, author: '居民（尾号 u2）' });
    const change = ok(
      await h.staff<ChangeEntry>('suggestion.logChange', {
        community: 'jinse',
        title: '周五晚也开放',
        detail: '从 12 月起，周五 17:00–20:00 也开放。',
        since: '2026-12-04',
        suggestionIds: [a.id],
      }),
    );
    expect(change.receipts).toEqual(['JI-1202-001']);
    const mine = ok(await h.as('u1')<Suggestion[]>('suggestion.mine'));
    expect(mine[0]).toMatchObject({
      status: 'adopted',
      change: { title: '周五晚也开放' },
      reopenable: true,
    });
    expect(h.alerts.resident.map((x) => x.text)).toEqual([
      '您的建议 JI-1202-001 处理中',
      '您的建议 JI-1202-002 已合并',
      '您的建议 JI-1202-001 已采纳',
    ]);

    const board = ok(await h.as(null)<EchoWall>('suggestion.echoWall', { community: 'jinse' }));
    expect(board.changes.map((c) => c.title)).toEqual(['周五晚也开放']);
    expect(board.answered.map((s) => [s.receipt, s.status])).toEqual([['JI-1202-001', 'adopted']]);
    // User ids as values (a random record id may contain "u2" by chance), and no phone tail.
    expect(JSON.stringify(board)).not.toMatch(/"u[12]"|尾号/);

    expect(
      ok(await h.as('u1')<Suggestion>('suggestion.answerSolved', { id: a.id, solved: 'partly' }))
        .solved,
    ).toBe('partly');
    expect(await h.as('u2')('suggestion.reopen', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    h.clock.set('2027-01-10T10:00:00+08:00');
    expect(await h.as('u1')('suggestion.reopen', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    h.clock.set('2026-12-10T10:00:00+08:00');
    expect(ok(await h.as('u1')<Suggestion>('suggestion.reopen', { id: a.id })).status).toBe(
      'reviewing',
    );
  });
});

describe("one resident's thread", () => {
  it('shows visit, calls, suggestion, reply and change in order, and forgets on request', async () => {
    await servedEvening();
    h.clock.set(THURSDAY);
    ok(await h.staff('followup.run'));
    const [task] = ok(await h.staff<CallList>('followup.due', { community: 'jinse' })).dueToday;
    ok(await record({ id: task!.id, outcome: 'no-answer' }));
    h.clock.set('2026-12-03T15:00:00+08:00');
    ok(
      await record({
        id: task!.id,
        outcome: 'reached',
        satisfaction: 'satisfied',
        solved: 'yes',
        suggestion: '希望提前告诉要带哪些材料',
        category: 'paperwork',
      }),
    );
    const [filed] = ok(await h.staff<StaffSuggestion[]>('suggestion.list', { community: 'jinse' }));
    expect(filed).toMatchObject({ source: 'call', followupId: task!.id, resident: 'u1' });
    h.clock.set('2026-12-04T10:00:00+08:00');
    ok(
      await h.staff('suggestion.reply', {
        id: filed!.id,
        status: 'adopted',
        reply: '下周起在通知里写明',
      }),
    );
    ok(
      await h.staff('suggestion.logChange', {
        community: 'jinse',
        title: '预约页写明要带的材料',
        detail: '政务服务预约成功后显示“请带上”清单。',
        since: '2026-12-09',
        suggestionIds: [filed!.id],
      }),
    );
    const timeline = ok(
      await h.staff<Timeline>('followup.timeline', { community: 'jinse', resident: 'u1' }),
    );
    expect(timeline.entries.map((e) => e.kind)).toEqual([
      'visit',
      'follow-up',
      'follow-up',
      'follow-up',
      'suggestion',
      'reply',
      'change',
    ]);
    expect(timeline.entries[0]!.text).toBe('2026-12-02 晚：政务服务 19:00');

    // The booking, three follow-ups, one suggestion and the alert she was sent.
    const bookingId = ok(await h.as('u1')<Booking[]>('booking.mine'))[0]!.id;
    expect(ok(await h.as('u1')<{ erased: number }>('followup.erase'))).toEqual({ erased: 6 });
    expect(ok(await h.as('u1')<Booking[]>('booking.mine'))).toEqual([]);
    expect(await h.store.bookings.getBooking(bookingId)).toMatchObject({
      userId: null,
      phone: null,
    });
    const after = ok(await h.staff<CallList>('followup.due', { community: 'jinse' }));
    expect(after.recent[0]).toMatchObject({ phone: null, result: { note: '' } });
    expect(ok(await h.as('u1')<Suggestion[]>('suggestion.mine'))).toEqual([]);
    // The statistics stay: the suggestion is still on the staff list, without its author.
    const [anonymous] = ok(
      await h.staff<StaffSuggestion[]>('suggestion.list', { community: 'jinse' }),
    );
    expect(anonymous).toMatchObject({ resident: null, author: '匿名', status: 'adopted' });
  });
});
