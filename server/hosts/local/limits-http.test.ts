/**
 * Fair limits per resident over HTTP (issue #13: one resident booked 30 of 30 slots on one
 * evening): against a started local host on real SQLite.
 */
import type { Booking, BookingServices } from '../../../contract/booking';
import type { CommunityLimits, Tonight } from '../../../contract/community';
import type { Activity, Notice } from '../../../contract/notice';
import type { Ticket } from '../../../contract/queue';
import { fixedClock } from '../../core/clock';
import { adminAndStaff, startTestHost, type TestClient, type TestHost } from './testing';

/** Slots of paperwork on Wednesday 9 December. */
const slot = (hhmm: string) => `jinse_paperwork_20261209_${hhmm}`;

describe('limits per resident over HTTP', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({
      clock: fixedClock('2026-12-02T18:30:00+08:00'),
      rateLimit: false,
    });
  });
  afterAll(async () => {
    await host.destroy();
  });

  const resident = async () => {
    const client = host.client();
    await client.session();
    return client;
  };
  const book = (client: TestClient, hhmm: string, requestId: string) =>
    client.call<Booking>('booking', { action: 'book', slotId: slot(hhmm), requestId });
  const join = (client: TestClient, queue: string, requestId: string) =>
    client.call<Ticket>('queue', { action: 'join', community: 'jinse', queue, requestId });
  const setLimits = (client: TestClient, limits: Record<string, number>) =>
    client.call<CommunityLimits>('community', {
      action: 'setLimits',
      community: 'jinse',
      ...limits,
    });

  it('stops one resident at 2 slots an evening while another books; staff raise the limit and the 3rd goes', async () => {
    const { staff } = await adminAndStaff(host);
    const a = await resident();
    const b = await resident();
    expect((await book(a, '1700', 'limit-a-0001')).body).toMatchObject({ ok: true });
    const second = await book(a, '1730', 'limit-a-0002');
    expect(second.body).toMatchObject({ ok: true });
    const third = await book(a, '1800', 'limit-a-0003');
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('每人每晚最多预约 2 个时段') },
    });
    // Another resident takes that very slot; a retry of A's second booking is the booking again.
    expect((await book(b, '1800', 'limit-b-0001')).body).toMatchObject({ ok: true });
    const retried = await book(a, '1730', 'limit-a-0002');
    expect(retried.body).toMatchObject({
      ok: true,
      data: { id: second.body.ok ? second.body.data.id : '' },
    });
    // Staff booking for a walk-in are not counted against anyone.
    for (const [i, hhmm] of ['1800', '1830', '1900'].entries()) {
      const forSomeone = await staff.call('booking', {
        action: 'bookFor',
        slotId: slot(hhmm),
        name: '王阿姨',
        requestId: `limit-staff-${i}`,
      });
      expect(forSomeone.body).toMatchObject({ ok: true });
    }

    // Residents see the limits before they reach them.
    const services = await a.call<BookingServices>('booking', {
      action: 'services',
      community: 'jinse',
    });
    expect(services.body).toMatchObject({
      ok: true,
      data: {
        limits: { bookingsPerEvening: 2, openBookings: 4, numbersPerEvening: 3, openSignUps: 3 },
      },
    });

    // A resident cannot change the limits; the community's staff can.
    expect(
      (
        await setLimits(a, {
          bookingsPerEvening: 9,
          openBookings: 9,
          numbersPerEvening: 9,
          openSignUps: 9,
        })
      ).status,
    ).toBe(403);
    const raised = await setLimits(staff, {
      bookingsPerEvening: 3,
      openBookings: 4,
      numbersPerEvening: 3,
      openSignUps: 3,
    });
    expect(raised.body).toMatchObject({ ok: true, data: { limits: { bookingsPerEvening: 3 } } });
    expect((await book(a, '1800', 'limit-a-0004')).body).toMatchObject({ ok: true });
    expect((await book(a, '1830', 'limit-a-0005')).body).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('每人每晚最多预约 3 个时段') },
    });
  });

  it('stops one resident at 3 numbers tonight across lines while another takes one; staff raise it and the 4th goes', async () => {
    const { staff } = await adminAndStaff(host);
    await setLimits(staff, {
      bookingsPerEvening: 2,
      openBookings: 4,
      numbersPerEvening: 3,
      openSignUps: 3,
    });
    const a = await resident();
    const b = await resident();
    const first = await join(a, 'health', 'limit-q-0001');
    if (!first.body.ok) throw new Error(first.text);
    // One live ticket per line: a second tap on the same line is the same ticket, not a number.
    expect((await join(a, 'health', 'limit-q-0002')).body).toMatchObject({
      ok: true,
      data: { id: first.body.data.id },
    });
    await a.call('queue', { action: 'cancel', ticketId: first.body.data.id });
    expect((await join(a, 'health', 'limit-q-0003')).body).toMatchObject({ ok: true });
    expect((await join(a, 'library', 'limit-q-0004')).body).toMatchObject({ ok: true });
    const tonight = await a.call<Tonight>('community', { action: 'tonight', community: 'jinse' });
    const library = tonight.body.ok
      ? tonight.body.data.mine?.tickets.find((t) => t.queue === 'library')
      : null;
    await a.call('queue', { action: 'cancel', ticketId: library!.id });
    const fourth = await join(a, 'library', 'limit-q-0005');
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('每人每晚最多取 3 个号') },
    });
    expect((await join(b, 'library', 'limit-q-0006')).body).toMatchObject({ ok: true });
    // Staff adding walk-ins are never counted.
    for (const i of [1, 2, 3, 4]) {
      const walkIn = await staff.call('queue', {
        action: 'addWalkIn',
        community: 'jinse',
        queue: 'library',
        note: `现场${i}`,
      });
      expect(walkIn.body).toMatchObject({ ok: true });
    }
    // The tonight page says the limits.
    expect(tonight.body).toMatchObject({ ok: true, data: { limits: { numbersPerEvening: 3 } } });

    // Staff raise the limit: tonight's lines use it at once.
    await setLimits(staff, {
      bookingsPerEvening: 2,
      openBookings: 4,
      numbersPerEvening: 4,
      openSignUps: 3,
    });
    expect((await join(a, 'library', 'limit-q-0005')).body).toMatchObject({ ok: true });
  });

  it('stops one resident at 3 open activity sign-ups (a waitlist place counts) while another signs up; staff raise it and the 4th goes', async () => {
    const { staff } = await adminAndStaff(host);
    const limits = { bookingsPerEvening: 2, openBookings: 4, numbersPerEvening: 3 };
    expect((await setLimits(staff, { ...limits, openSignUps: 3 })).body).toMatchObject({
      ok: true,
    });
    const draft = await staff.call<Notice>('notice', {
      action: 'save',
      community: 'jinse',
      week: '2026-12-09',
      title: '下周三活动',
      body: '',
      activities: ['书法', '剪纸', '合唱', '太极'].map((name) => ({
        name,
        date: '2026-12-09',
        startsAt: '19:00',
        endsAt: '20:00',
        place: '二楼',
        capacity: 1,
        signUp: true,
      })),
    });
    if (!draft.body.ok) throw new Error(draft.text);
    const published = await staff.call<Notice>('notice', {
      action: 'publish',
      id: draft.body.data.id,
    });
    if (!published.body.ok) throw new Error(published.text);
    const ids = published.body.data.activities.map((x) => x.id);
    const signUp = (client: TestClient, i: number, requestId: string) =>
      client.call<Activity>('notice', { action: 'signUp', activityId: ids[i], requestId });
    const a = await resident();
    const b = await resident();
    expect((await signUp(b, 2, 'limit-n-b001')).body).toMatchObject({ ok: true });
    for (const [i, req] of ['limit-n-a001', 'limit-n-a002', 'limit-n-a003'].entries()) {
      expect((await signUp(a, i, req)).body).toMatchObject({ ok: true });
    }
    const fourth = await signUp(a, 3, 'limit-n-a004');
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('每人同时最多报名 3 个') },
    });
    // A retry of a sign-up is the sign-up again, not a refusal; another resident signs up.
    expect((await signUp(a, 2, 'limit-n-a003')).body).toMatchObject({
      ok: true,
      data: { mine: { status: 'waitlisted' } },
    });
    expect((await signUp(b, 3, 'limit-n-b002')).body).toMatchObject({ ok: true });

    // Out of bounds is refused and changes nothing; a resident cannot set it.
    const tooMany = await setLimits(staff, { ...limits, openSignUps: 21 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ ok: false, error: { field: 'openSignUps' } });
    expect((await setLimits(a, { ...limits, openSignUps: 4 })).status).toBe(403);
    const tonight = await a.call<Tonight>('community', { action: 'tonight', community: 'jinse' });
    expect(tonight.body).toMatchObject({ ok: true, data: { limits: { openSignUps: 3 } } });

    expect((await setLimits(staff, { ...limits, openSignUps: 4 })).body).toMatchObject({
      ok: true,
      data: { limits: { openSignUps: 4 } },
    });
    expect((await signUp(a, 3, 'limit-n-a004')).body).toMatchObject({
      ok: true,
      data: { mine: { status: 'waitlisted' } },
    });
    // A staff client from before the sign-up limit sends the other three: it keeps its value.
    expect((await setLimits(staff, limits)).body).toMatchObject({
      ok: true,
      data: { limits: { ...limits, openSignUps: 4 } },
    });
  });
});
