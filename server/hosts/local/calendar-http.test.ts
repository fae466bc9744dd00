/**
 * A community's calendar over HTTP (#16), against a started local host on real SQLite: residents
 * cannot change it; a cancelled date refuses numbers, bookings and sign-ups in Chinese and changes
 * nothing; its bookings and activity sign-ups are cancelled with the reason, which they keep after
 * the date is restored; an extra evening takes numbers.
 */
import type { Booking } from '../../../contract/booking';
import type { CalendarView, CancelDateResult } from '../../../contract/calendar';
import type { Tonight } from '../../../contract/community';
import type { Activity, MySignUp, Notice } from '../../../contract/notice';
import type { Ticket } from '../../../contract/queue';
import type { Clock } from '../../core/ports';
import { adminAndStaff, snapshot, startTestHost, type TestClient, type TestHost } from './testing';

/** A clock the test moves: Monday 7 December, then the evenings after. */
let current = new Date('2026-12-07T10:00:00+08:00');
const clock: Clock = { now: () => current, demo: false };
const at = (iso: string) => {
  current = new Date(iso);
};

describe('the calendar over HTTP', () => {
  let host: TestHost;
  let staff: TestClient;
  let resident: TestClient;
  beforeAll(async () => {
    host = await startTestHost({ clock, rateLimit: false });
    ({ staff } = await adminAndStaff(host));
    resident = host.client();
    await resident.session();
  });
  afterAll(async () => {
    await host.destroy();
  });

  const cancel = (client: TestClient, reason: string, date = '2026-12-09') =>
    client.call<CancelDateResult>('community', {
      action: 'cancelDate',
      community: 'jinse',
      date,
      reason,
    });
  const book = (hhmm: string, requestId: string) =>
    resident.call<Booking>('booking', {
      action: 'book',
      slotId: `jinse_paperwork_20261209_${hhmm}`,
      requestId,
    });
  const join = (requestId: string) =>
    resident.call<Ticket>('queue', {
      action: 'join',
      community: 'jinse',
      queue: 'health',
      requestId,
    });
  const tonight = async () => {
    const answer = await resident.call<Tonight>('community', {
      action: 'tonight',
      community: 'jinse',
    });
    if (!answer.body.ok) throw new Error(answer.text);
    return answer.body.data;
  };

  it('staff cancel a Wednesday: bookings cancelled with the reason, numbers and bookings refused, an extra evening opens', async () => {
    const booked = await book('1700', 'cal-book-0001');
    expect(booked.body).toMatchObject({ ok: true, data: { status: 'confirmed' } });

    // A resident cannot cancel a date; nothing changes.
    const before = snapshot(host.db);
    const forbidden = await cancel(resident, '我不想来');
    expect(forbidden.status).toBe(403);
    expect(snapshot(host.db)).toBe(before);

    // The reason is required, in Chinese, and nothing changes without it.
    const noReason = await cancel(staff, '   ');
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: '请填写暂停开放的原因，居民会看到它', field: 'reason' },
    });
    expect(snapshot(host.db)).toBe(before);

    const cancelled = await cancel(staff, '台风停课');
    expect(cancelled.body).toMatchObject({ ok: true, data: { cancelledBookings: 1, told: 1 } });
    if (!cancelled.body.ok) throw new Error(cancelled.text);
    expect(cancelled.body.data.evenings[0]).toMatchObject({
      date: '2026-12-09',
      cancelled: true,
      reason: '台风停课',
    });

    // 我的预约: the booking is cancelled, with the reason.
    const mine = await resident.call<Booking[]>('booking', { action: 'mine' });
    expect(mine.body).toMatchObject({
      ok: true,
      data: [{ date: '2026-12-09', status: 'cancelled', cancelledReason: '台风停课' }],
    });

    // A booking on the cancelled date is refused with the reason and changes nothing.
    const unchanged = snapshot(host.db);
    const refused = await book('1730', 'cal-book-0002');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: expect.stringContaining('暂停开放：台风停课') },
    });
    expect(snapshot(host.db)).toBe(unchanged);

    // The tonight page says it, and the next opening skips it.
    expect(await tonight()).toMatchObject({
      cancelled: [{ date: '2026-12-09', reason: '台风停课' }],
      nextOpening: '2026-12-16T17:00:00+08:00',
    });

    // An extra Thursday evening: the next opening now.
    const added = await staff.call<CalendarView>('community', {
      action: 'addEvening',
      community: 'jinse',
      date: '2026-12-10',
      opensAt: '18:00',
      closesAt: '20:00',
    });
    expect(added.body).toMatchObject({ ok: true });
    expect(await tonight()).toMatchObject({ nextOpening: '2026-12-10T18:00:00+08:00' });

    // On the cancelled Wednesday evening, a number is refused with the reason; nothing changes.
    at('2026-12-09T18:00:00+08:00');
    const quiet = snapshot(host.db);
    const closed = await join('cal-join-0001');
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({
      ok: false,
      error: {
        code: 'CLOSED',
        message: '今晚暂停开放：台风停课。下次开放：12月10日 18:00',
      },
    });
    expect(snapshot(host.db)).toBe(quiet);
    expect(await tonight()).toMatchObject({
      serviceEvening: false,
      open: false,
      cancelled: [{ date: '2026-12-09', reason: '台风停课' }],
    });

    // The extra Thursday takes numbers like any evening.
    at('2026-12-10T18:30:00+08:00');
    expect((await join('cal-join-0002')).body).toMatchObject({
      ok: true,
      data: { status: 'waiting' },
    });
    expect(await tonight()).toMatchObject({ serviceEvening: true, open: true, closesAt: '20:00' });
  });

  it('restoring a date keeps its cancelled bookings cancelled, with the reason; residents book again', async () => {
    at('2026-12-14T10:00:00+08:00');
    const slot = 'jinse_paperwork_20261216_1700';
    const booked = await resident.call<Booking>('booking', {
      action: 'book',
      slotId: slot,
      requestId: 'cal-book-0004',
    });
    expect(booked.body).toMatchObject({ ok: true });
    expect((await cancel(staff, '停电检修', '2026-12-16')).body).toMatchObject({ ok: true });
    const restored = await staff.call<CalendarView>('community', {
      action: 'restoreDate',
      community: 'jinse',
      date: '2026-12-16',
    });
    expect(restored.body).toMatchObject({ ok: true });
    if (!restored.body.ok) throw new Error(restored.text);
    expect(restored.body.data.evenings[0]).toMatchObject({ date: '2026-12-16', cancelled: false });
    const mine = await resident.call<Booking[]>('booking', { action: 'mine' });
    if (!mine.body.ok) throw new Error(mine.text);
    // Still cancelled, and still saying why, though the date is open again.
    expect(mine.body.data.find((b) => b.slotId === slot)).toMatchObject({
      status: 'cancelled',
      cancelledReason: '停电检修',
    });
    // The resident books the restored evening again.
    const again = await resident.call<Booking>('booking', {
      action: 'book',
      slotId: slot,
      requestId: 'cal-book-0005',
    });
    expect(again.body).toMatchObject({ ok: true, data: { status: 'confirmed' } });
    expect(again.body.ok && 'cancelledReason' in again.body.data).toBe(false);
  });

  it("cancelling a date cancels its activities' sign-ups with the reason, refuses new ones, and restoring keeps them cancelled", async () => {
    at('2026-12-15T10:00:00+08:00');
    const draft = await staff.call<Notice>('notice', {
      action: 'save',
      community: 'jinse',
      week: '2026-12-21',
      title: '下周三活动',
      body: '',
      activities: [
        {
          name: '剪纸',
          date: '2026-12-23',
          startsAt: '19:00',
          endsAt: '20:00',
          place: '二楼',
          capacity: 10,
          signUp: true,
        },
      ],
    });
    if (!draft.body.ok) throw new Error(draft.text);
    const published = await staff.call<Notice>('notice', {
      action: 'publish',
      id: draft.body.data.id,
    });
    if (!published.body.ok) throw new Error(published.text);
    const activityId = published.body.data.activities[0]!.id;
    const signUp = (requestId: string) =>
      resident.call<Activity>('notice', { action: 'signUp', activityId, requestId });
    const mine = async () => {
      const answer = await resident.call<Array<{ signUp: MySignUp }>>('notice', { action: 'mine' });
      if (!answer.body.ok) throw new Error(answer.text);
      return answer.body.data.map((m) => m.signUp);
    };
    expect((await signUp('cal-sign-0001')).body).toMatchObject({
      ok: true,
      data: { mine: { status: 'signed' } },
    });

    const cancelled = await cancel(staff, '社区停电', '2026-12-23');
    expect(cancelled.body).toMatchObject({
      ok: true,
      data: { cancelledBookings: 0, cancelledSignUps: 1, told: 1 },
    });
    expect(await mine()).toMatchObject([{ status: 'cancelled', cancelledReason: '社区停电' }]);
    const told = host.db
      .prepare("SELECT label FROM outbox WHERE kind = 'evening-cancelled' ORDER BY id DESC")
      .get() as { label: string };
    expect(told.label).toBe('金色里程社区 12月23日（周三）暂停开放：社区停电');

    // A new sign-up for that date is refused with the reason and changes nothing.
    const before = snapshot(host.db);
    const refused = await signUp('cal-sign-0002');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: '12月23日（周三）暂停开放：社区停电，活动不再报名' },
    });
    expect(snapshot(host.db)).toBe(before);

    // Restored: the cancelled sign-up stays so, with its reason; signing up again works.
    expect(
      (
        await staff.call('community', {
          action: 'restoreDate',
          community: 'jinse',
          date: '2026-12-23',
        })
      ).body,
    ).toMatchObject({ ok: true });
    expect(await mine()).toMatchObject([{ status: 'cancelled', cancelledReason: '社区停电' }]);
    expect((await signUp('cal-sign-0003')).body).toMatchObject({
      ok: true,
      data: { mine: { status: 'signed' } },
    });
    const now = await mine();
    expect(now.map((m) => m.status).sort()).toEqual(['cancelled', 'signed']);
    expect(now.find((m) => m.status === 'signed')?.cancelledReason).toBeUndefined();
  });
});
