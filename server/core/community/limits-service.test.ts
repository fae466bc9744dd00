/**
 * The limits per resident through dispatch: staff set them, residents read them, bookings and
 * numbers stop at them. On SQLite here, and on the CloudBase emulator in the core-cloudbase run.
 */
import type { Booking, BookingServices } from '../../../contract/booking';
import type { CommunityLimits, ResidentLimits, Tonight } from '../../../contract/community';
import type { Activity, Notice } from '../../../contract/notice';
import type { Ticket } from '../../../contract/queue';
import { coreHarness, ok } from '../../testing/core-harness';

/** Wednesday 2 December 2026, 18:30 in Suzhou: the evening is open. */
const AT = '2026-12-02T18:30:00+08:00';
const slot = (hhmm: string, date = '20261209') => `jinse_paperwork_${date}_${hhmm}`;

type Harness = Awaited<ReturnType<typeof coreHarness>>;
let h: Harness;
afterEach(async () => {
  await h?.close();
});

const book = (userId: string, hhmm: string, requestId: string, date?: string) =>
  h.as(userId)<Booking>('booking.book', { slotId: slot(hhmm, date), requestId });
const join = (userId: string, queue: string, requestId: string) =>
  h.as(userId)<Ticket>('queue.join', { community: 'jinse', queue, requestId });
const setLimits = (userId: string, limits: ResidentLimits) =>
  h.as(userId)<CommunityLimits>('community.setLimits', { community: 'jinse', ...limits });

describe('limits per resident', () => {
  it('starts at 2 a night, 4 open, 3 numbers and 3 sign-ups, shown on the tonight page and the booking page', async () => {
    h = await coreHarness(AT);
    const limits = { bookingsPerEvening: 2, openBookings: 4, numbersPerEvening: 3, openSignUps: 3 };
    expect(
      ok(await h.as('r1')<Tonight>('community.tonight', { community: 'jinse' })).limits,
    ).toEqual(limits);
    const services = ok(
      await h.as('r1')<BookingServices>('booking.services', { community: 'jinse' }),
    );
    expect(services.limits).toEqual(limits);
  });

  it('lets only the community’s staff set them, within bounds', async () => {
    h = await coreHarness(AT);
    const next = { bookingsPerEvening: 1, openBookings: 2, numbersPerEvening: 5, openSignUps: 6 };
    expect(await setLimits('r1', next)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await setLimits('staff-1', { ...next, openBookings: 0 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'openBookings' },
    });
    expect(await setLimits('staff-1', { ...next, openSignUps: 21 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'openSignUps' },
    });
    expect(ok(await setLimits('staff-1', next))).toEqual({ community: 'jinse', limits: next });
    // A staff client from before the sign-up limit sends three: the sign-up limit stays.
    const { openSignUps: _kept, ...three } = { ...next, bookingsPerEvening: 2 };
    expect(
      ok(
        await h.as('staff-1')<CommunityLimits>('community.setLimits', {
          community: 'jinse',
          ...three,
        }),
      ),
    ).toEqual({ community: 'jinse', limits: { ...next, bookingsPerEvening: 2 } });
    expect(
      ok(await h.as(null)<Tonight>('community.tonight', { community: 'jinse' })).limits,
    ).toEqual({ ...next, bookingsPerEvening: 2 });
  });

  it('refuses a third slot on one evening and a fifth open booking, naming the limit', async () => {
    h = await coreHarness(AT);
    ok(await book('r1', '1700', 'req-limit-01'));
    ok(await book('r1', '1730', 'req-limit-02'));
    expect(await book('r1', '1800', 'req-limit-03')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/每人每晚最多预约 2 个时段/) },
    });
    ok(await book('r1', '1700', 'req-limit-04', '20261216'));
    ok(await book('r1', '1700', 'req-limit-05', '20261223'));
    // Four open now: a fifth, on an evening with one, is refused on the open limit.
    expect(await book('r1', '1730', 'req-limit-07', '20261216')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/同时最多保留 4 个/) },
    });
    // Another resident books the slot; staff book for a walk-in as often as they need.
    ok(await book('r2', '1800', 'req-limit-08'));
    for (const n of [1, 2, 3]) {
      ok(
        await h.staff('booking.bookFor', {
          slotId: slot('1900'),
          name: `现场${n}`,
          requestId: `req-limit-s${n}`,
        }),
      );
    }
  });

  it('refuses a fourth number tonight across lines; a new limit applies to tonight’s lines at once', async () => {
    h = await coreHarness(AT);
    const first = ok(await join('r1', 'health', 'req-num-0001'));
    ok(await h.as('r1')('queue.cancel', { ticketId: first.id }));
    ok(await join('r1', 'health', 'req-num-0002'));
    ok(await join('r1', 'library', 'req-num-0003'));
    const mine = ok(await h.as('r1')<Ticket[]>('queue.mine', { community: 'jinse' }));
    const library = mine.find((t) => t.queue === 'library' && t.status === 'waiting')!;
    ok(await h.as('r1')('queue.cancel', { ticketId: library.id }));
    expect(await join('r1', 'library', 'req-num-0004')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/每人每晚最多取 3 个号/) },
    });
    ok(await join('r2', 'library', 'req-num-0005'));
    // The retried first request still gets its (cancelled) ticket back, not a refusal.
    expect(ok(await join('r1', 'health', 'req-num-0001')).id).toBe(first.id);
    // Staff adding walk-ins are not counted.
    for (const n of [1, 2, 3, 4]) {
      ok(
        await h.staff('queue.addWalkIn', {
          community: 'jinse',
          queue: 'library',
          note: `现场${n}`,
        }),
      );
    }
    ok(
      await setLimits('staff-1', {
        bookingsPerEvening: 2,
        openBookings: 4,
        numbersPerEvening: 4,
        openSignUps: 3,
      }),
    );
    expect(ok(await join('r1', 'library', 'req-num-0004')).queue).toBe('library');
  });

  it('refuses a fourth open activity sign-up, answers a second tap, never counts 现场登记', async () => {
    h = await coreHarness(AT);
    const draft = ok(
      await h.staff<Notice>('notice.save', {
        community: 'jinse',
        week: '2026-12-09',
        title: '下周活动',
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
      }),
    );
    const [a, b, c, d] = ok(await h.staff<Notice>('notice.publish', { id: draft.id })).activities;
    const signUp = (userId: string, activity: Activity, requestId: string) =>
      h.as(userId)<Activity>('notice.signUp', { activityId: activity.id, requestId });
    ok(await signUp('r2', c!, 'req-sign-0000'));
    ok(await signUp('r1', a!, 'req-sign-0001'));
    ok(await signUp('r1', b!, 'req-sign-0002'));
    // Waitlisted on c (r2 holds its one place): it still counts.
    expect(ok(await signUp('r1', c!, 'req-sign-0003')).mine?.status).toBe('waitlisted');
    expect(await signUp('r1', d!, 'req-sign-0004')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/每人同时最多报名 3 个/) },
    });
    expect(ok(await signUp('r1', a!, 'req-sign-0005')).mine?.status).toBe('signed');
    ok(
      await h.staff('notice.checkInFor', {
        activityId: d!.id,
        name: '王阿姨',
        requestId: 'walkin-req-0001',
      }),
    );
    ok(
      await setLimits('staff-1', {
        bookingsPerEvening: 2,
        openBookings: 4,
        numbersPerEvening: 3,
        openSignUps: 4,
      }),
    );
    expect(ok(await signUp('r1', d!, 'req-sign-0006')).mine?.status).toBe('waitlisted');
  });
});
