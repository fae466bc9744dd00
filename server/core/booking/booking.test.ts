/** Booking rules, through dispatch, on a real SQLite file. */
import type {
  Booking,
  BookingList,
  BookingServices,
  Slot,
  StaffBooking,
} from '../../../contract/booking';
import type { ContactPhone, Tonight } from '../../../contract/community';
import { coreHarness, ok } from '../../testing/core-harness';
import { LATE_FULL_MESSAGE, sendDueReminders } from './service';

/** Saturday 2026-11-28 10:00 in Suzhou: the coming evenings are Wednesdays from 12-02. */
async function setup(at = '2026-11-28T10:00:00+08:00') {
  const h = await coreHarness(at);
  const bookAs = async (userId: string, slotId: string, extra: Record<string, unknown> = {}) =>
    ok(
      await h.as(userId)<Booking>('booking.book', {
        slotId,
        requestId: `req-${userId}-${slotId.slice(-4)}`,
        ...extra,
      }),
    );
  return { ...h, alerts: h.alerts.booking, bookAs };
}

let t: Awaited<ReturnType<typeof setup>>;
afterEach(async () => {
  await t?.close();
});

const SLOT_1900 = 'jinse_paperwork_20261202_1900';
const SLOT_1930 = 'jinse_paperwork_20261202_1930';
/** The invite alphabet: no 0/O, 1/I/L. */
const CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

const listOf = async (at: typeof t, date = '2026-12-02') =>
  ok(await at.staff<BookingList>('booking.list', { community: 'jinse', date })).bookings;
const slotsOf = async (at: typeof t, date = '2026-12-02') =>
  ok(
    await at.as(null)<Slot[]>('booking.slots', { community: 'jinse', service: 'paperwork', date }),
  );

describe('what residents can book', () => {
  it('lists the bookable services and the next four Wednesdays', async () => {
    t = await setup();
    const s = ok(await t.as(null)<BookingServices>('booking.services', { community: 'jinse' }));
    expect(s.dates).toEqual(['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23']);
    expect(s.services.map((x) => x.id)).toEqual(['paperwork', 'repair', 'mending', 'physio']);
    expect(s.services[0]).toMatchObject({
      name: '政务服务',
      slotMinutes: 30,
      seatsPerSlot: 2,
      bring: ['身份证', '户口本'],
    });
  });

  it('counts tonight while it is open, and drops it once closed', async () => {
    t = await setup('2026-12-02T19:00:00+08:00');
    const open = ok(await t.as(null)<BookingServices>('booking.services', { community: 'jinse' }));
    expect(open.dates[0]).toBe('2026-12-02');
    t.clock.set('2026-12-02T20:00:00+08:00');
    const closed = ok(
      await t.as(null)<BookingServices>('booking.services', { community: 'jinse' }),
    );
    expect(closed.dates[0]).toBe('2026-12-09');
  });

  it('shows slots with seats left, and refuses a day that is not a service evening', async () => {
    t = await setup();
    await t.bookAs('r1', SLOT_1900);
    const slots = ok(
      await t.as(null)<Slot[]>('booking.slots', {
        community: 'jinse',
        service: 'paperwork',
        date: '2026-12-02',
      }),
    );
    expect(slots.map((s) => s.startsAt)).toEqual([
      '17:00',
      '17:30',
      '18:00',
      '18:30',
      '19:00',
      '19:30',
    ]);
    expect(slots.find((s) => s.id === SLOT_1900)).toMatchObject({
      seats: 2,
      left: 1,
      waitlisted: 0,
      open: true,
      endsAt: '19:30',
    });
    const thursday = await t.as(null)('booking.slots', {
      community: 'jinse',
      service: 'paperwork',
      date: '2026-12-03',
    });
    expect(thursday).toMatchObject({ ok: false, error: { code: 'CLOSED', field: 'date' } });
    const queue = await t.as(null)('booking.slots', {
      community: 'jinse',
      service: 'library',
      date: '2026-12-02',
    });
    expect(queue).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'service' } });
  });
});

describe('booking', () => {
  it('confirms while seats are left, then waitlists in arrival order', async () => {
    t = await setup();
    const a = await t.bookAs('r1', SLOT_1900);
    const b = await t.bookAs('r2', SLOT_1900);
    const c = await t.bookAs('r3', SLOT_1900);
    const d = await t.bookAs('r4', SLOT_1900);
    expect([a.status, b.status, c.status, d.status]).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    expect([c.waitlistPosition, d.waitlistPosition]).toEqual([1, 2]);
    expect(a).toMatchObject({
      serviceName: '政务服务',
      startsAt: '19:00',
      endsAt: '19:30',
      changeableUntil: '2026-12-02T17:00:00+08:00',
    });
  });

  it('returns the same booking for a retried request or a second tap on the same slot', async () => {
    t = await setup();
    const first = await t.bookAs('r1', SLOT_1900);
    const again = ok(
      await t.as('r1')<Booking>('booking.book', {
        slotId: SLOT_1900,
        requestId: 'another-request-1',
      }),
    );
    expect(again.id).toBe(first.id);
    expect((await t.store.bookings.listForDate('jinse', '2026-12-02')).length).toBe(1);
  });

  it('keeps a phone only with consent, and shows it masked', async () => {
    t = await setup();
    const refused = await t.as('r1')('booking.book', {
      slotId: SLOT_1900,
      requestId: 'req-phone-01',
      phone: '13812345678',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'consent' } });
    expect(await t.store.bookings.listForDate('jinse', '2026-12-02')).toEqual([]);
    const b = await t.bookAs('r1', SLOT_1900, { phone: '13812345678', consent: true });
    expect(b.phone).toBe('138****5678');
  });

  it.each([
    ['a slot that does not exist', 'jinse_paperwork_20261202_1915', 'NOT_FOUND'],
    ['a Thursday', 'jinse_paperwork_20261203_1900', 'CLOSED'],
    ['an evening five weeks out', 'jinse_paperwork_20261230_1900', 'CLOSED'],
    ['a line that is not bookable', 'jinse_library_20261202_1900', 'NOT_FOUND'],
    ['a malformed slot id', 'jinse_paperwork_1900', 'NOT_FOUND'],
  ])('refuses %s', async (_label, slotId, code) => {
    t = await setup();
    expect(await t.as('r1')('booking.book', { slotId, requestId: 'req-refused-1' })).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it('refuses a slot that has started', async () => {
    t = await setup('2026-12-02T19:05:00+08:00');
    expect(
      await t.as('r1')('booking.book', { slotId: SLOT_1900, requestId: 'req-late-001' }),
    ).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
  });
});

describe('cancelling and rescheduling', () => {
  it('promotes the first waitlisted resident when a seat frees, and tells them', async () => {
    t = await setup();
    const a = await t.bookAs('r1', SLOT_1900);
    await t.bookAs('r2', SLOT_1900);
    const c = await t.bookAs('r3', SLOT_1900);
    const cancelled = ok(await t.as('r1')<Booking>('booking.cancel', { bookingId: a.id }));
    expect(cancelled.status).toBe('cancelled');
    const mine = ok(await t.as('r3')<Booking[]>('booking.mine'));
    expect(mine).toEqual([
      expect.objectContaining({ id: c.id, status: 'confirmed', waitlistPosition: null }),
    ]);
    expect(t.alerts.map((x) => [x.kind, x.userId])).toEqual([['booking-promoted', 'r3']]);
  });

  it("refuses to cancel after the cut-off, or someone else's booking", async () => {
    t = await setup();
    const a = await t.bookAs('r1', SLOT_1900);
    expect(await t.as('r2')('booking.cancel', { bookingId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    t.clock.set('2026-12-02T17:30:00+08:00');
    expect(await t.as('r1')('booking.cancel', { bookingId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: expect.stringMatching(/2 小时/) },
    });
  });

  it('moves to another slot only if it has a seat, releasing the old one to its waitlist', async () => {
    t = await setup();
    const a = await t.bookAs('r1', SLOT_1900);
    await t.bookAs('r2', SLOT_1900);
    const waiting = await t.bookAs('r3', SLOT_1900);
    await t.bookAs('r4', SLOT_1930);
    await t.bookAs('r5', SLOT_1930);
    const full = await t.as('r1')('booking.reschedule', {
      bookingId: a.id,
      slotId: SLOT_1930,
      requestId: 'move-req-001',
    });
    expect(full).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/原预约保留/) },
    });
    expect((await t.store.bookings.getBooking(a.id))?.status).toBe('confirmed');

    const moved = ok(
      await t.as('r1')<Booking>('booking.reschedule', {
        bookingId: a.id,
        slotId: 'jinse_paperwork_20261202_1800',
        requestId: 'move-req-002',
      }),
    );
    expect(moved).toMatchObject({ status: 'confirmed', startsAt: '18:00' });
    expect((await t.store.bookings.getBooking(a.id))?.status).toBe('cancelled');
    expect((await t.store.bookings.getBooking(waiting.id))?.status).toBe('confirmed');
    const other = await t.as('r1')('booking.reschedule', {
      bookingId: moved.id,
      slotId: 'jinse_repair_20261202_1800',
      requestId: 'move-req-003',
    });
    expect(other).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});

describe('a date cancelled while a booking is on its way (#16)', () => {
  /**
   * The cancellation commits after the service read the calendar and before the store's
   * transaction: the store's own read of the date refuses it, with the pre-check's answer.
   */
  const cancelFirst = <K extends 'book' | 'reschedule'>(at: typeof t, method: K) => {
    const repo = at.store.bookings;
    const original = repo[method].bind(repo) as (...args: unknown[]) => Promise<unknown>;
    (repo as unknown as Record<K, unknown>)[method] = async (...args: unknown[]) => {
      ok(
        await at.staff('community.cancelDate', {
          community: 'jinse',
          date: '2026-12-02',
          reason: '台风停课',
        }),
      );
      return original(...args);
    };
  };

  it('refuses the booking with the reason, and nothing is live on the date', async () => {
    t = await setup();
    cancelFirst(t, 'book');
    const refused = await t.as('r1')('booking.book', {
      slotId: SLOT_1900,
      requestId: 'req-r1-1900',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: '2026-12-02 暂停开放：台风停课。请选择其他服务夜' },
    });
    expect(await listOf(t)).toEqual([]);
  });

  it('refuses a move to the date, keeping the booking moved', async () => {
    t = await setup();
    const a = await t.bookAs('r1', 'jinse_paperwork_20261209_1900');
    cancelFirst(t, 'reschedule');
    const refused = await t.as('r1')('booking.reschedule', {
      bookingId: a.id,
      slotId: SLOT_1900,
      requestId: 'move-req-001',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    expect((await t.store.bookings.getBooking(a.id))?.status).toBe('confirmed');
    expect(await listOf(t)).toEqual([]);
  });
});

describe('the calendar a booking reads: up to its date only, with the same answers (#15)', () => {
  const notBookable = (date: string) => `${date} 不是可以预约的服务夜（可预约接下来的 4 个服务夜）`;

  it('counts the dates cancelled and added before the one booked', async () => {
    t = await setup();
    const jinse = { community: 'jinse' };
    ok(await t.staff('community.cancelDate', { ...jinse, date: '2026-12-09', reason: '场地维修' }));
    // 12-09 cancelled: the fourth coming Wednesday is 12-30.
    expect((await t.bookAs('r1', 'jinse_paperwork_20261230_1900')).date).toBe('2026-12-30');
    expect(
      await t.as('r1')('booking.book', {
        slotId: 'jinse_paperwork_20261209_1900',
        requestId: 'req-r1-1209',
      }),
    ).toMatchObject({
      ok: false,
      error: { message: '2026-12-09 暂停开放：场地维修。请选择其他服务夜' },
    });
    // An extra Saturday evening before it: 12-30 is the fifth again.
    ok(
      await t.staff('community.addEvening', {
        ...jinse,
        date: '2026-12-05',
        opensAt: '18:00',
        closesAt: '20:30',
      }),
    );
    expect((await t.bookAs('r2', 'jinse_paperwork_20261205_1800')).date).toBe('2026-12-05');
    expect(
      await t.as('r2')('booking.book', {
        slotId: 'jinse_paperwork_20261230_1900',
        requestId: 'req-r2-1230',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CLOSED', message: notBookable('2026-12-30') } });
  });

  it("says a date past the calendar's window is not bookable, whatever staff set on it", async () => {
    t = await setup();
    // 2027-03-24 is past today + 112 days: its cancellation is not read, as calendarOf did not.
    ok(
      await t.staff('community.cancelDate', {
        community: 'jinse',
        date: '2027-03-24',
        reason: '春季检修',
      }),
    );
    expect(
      await t.as('r1')('booking.book', {
        slotId: 'jinse_paperwork_20270324_1900',
        requestId: 'req-r1-0324',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CLOSED', message: notBookable('2027-03-24') } });
  });
});

describe('the evening at the desk', () => {
  it('checks in, completes and marks no-shows, with the figures', async () => {
    t = await setup();
    const a = await t.bookAs('r1', SLOT_1900);
    const b = await t.bookAs('r2', SLOT_1900);
    await t.bookAs('r3', SLOT_1900);
    const forYou = ok(
      await t.staff<StaffBooking>('booking.bookFor', {
        slotId: SLOT_1930,
        name: '王阿姨（电话预约）',
        requestId: 'staff-req-001',
      }),
    );
    expect(forYou).toMatchObject({
      name: '王阿姨（电话预约）',
      byStaff: true,
      status: 'confirmed',
    });
    t.clock.set('2026-12-02T19:00:00+08:00');
    ok(await t.staff('booking.checkIn', { bookingId: a.id }));
    ok(await t.staff('booking.complete', { bookingId: a.id }));
    ok(await t.staff('booking.noShow', { bookingId: b.id }));
    expect(await t.staff('booking.noShow', { bookingId: b.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const list = ok(
      await t.staff<BookingList>('booking.list', { community: 'jinse', date: '2026-12-02' }),
    );
    expect(list.figures).toEqual({
      booked: 3,
      checkedIn: 1,
      completed: 1,
      noShows: 1,
      cancelled: 0,
      waitlisted: 1,
      promotions: 0,
    });
    expect(list.bookings.map((x) => x.startsAt)).toEqual(['19:00', '19:00', '19:00', '19:30']);
  });

  it("lets staff change a service's settings; residents see them", async () => {
    t = await setup();
    const s = ok(
      await t.staff('booking.configure', {
        community: 'jinse',
        service: 'paperwork',
        seatsPerSlot: 3,
        slotMinutes: 60,
        bring: ['身份证'],
      }),
    );
    expect(s).toMatchObject({
      seatsPerSlot: 3,
      slotMinutes: 60,
      cutoffHours: 2,
      bring: ['身份证'],
    });
    const slots = ok(
      await t.as(null)<Slot[]>('booking.slots', {
        community: 'jinse',
        service: 'paperwork',
        date: '2026-12-02',
      }),
    );
    expect(slots.map((x) => `${x.startsAt}-${x.endsAt}/${x.seats}`)).toEqual([
      '17:00-18:00/3',
      '18:00-19:00/3',
      '19:00-20:00/3',
    ]);
  });

  it('runs a service on only some evenings when staff say so', async () => {
    t = await setup();
    const huchi = (await t.store.communities.get('huchi'))!;
    huchi.evenings = [...huchi.evenings, { weekday: 6, opensAt: '18:00', closesAt: '20:00' }];
    await t.store.communities.save(huchi);
    const refused = await t.staff('booking.configure', {
      community: 'huchi',
      service: 'physio',
      weekdays: [5],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'weekdays' } });
    ok(
      await t.staff('booking.configure', { community: 'huchi', service: 'physio', weekdays: [6] }),
    );
    const wednesday = await t.as(null)('booking.slots', {
      community: 'huchi',
      service: 'physio',
      date: '2026-12-02',
    });
    expect(wednesday).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    const saturday = ok(
      await t.as(null)<Slot[]>('booking.slots', {
        community: 'huchi',
        service: 'physio',
        date: '2026-12-05',
      }),
    );
    expect(saturday.map((x) => x.startsAt)).toEqual(['18:00', '18:30', '19:00', '19:30']);
    const offered = ok(
      await t.as(null)<BookingServices>('booking.services', { community: 'huchi' }),
    );
    // The test clock is Saturday 28 November, 10:00: tonight's new Saturday evening counts.
    expect(offered.dates).toEqual(['2026-11-28', '2026-12-02', '2026-12-05', '2026-12-09']);
    expect(offered.services.find((x) => x.id === 'physio')?.dates).toEqual([
      '2026-11-28',
      '2026-12-05',
      '2026-12-12',
      '2026-12-19',
    ]);
    expect(
      await t.as('r1')('booking.book', {
        slotId: 'huchi_physio_20261202_1900',
        requestId: 'req-wed-physio',
      }),
    ).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
  });

  it('keeps staff of another community out', async () => {
    t = await setup();
    const a = await t.bookAs('r1', SLOT_1900);
    await t.store.identities.createInvite(
      {
        code: 'HUCHIINVITE',
        community: 'huchi',
        createdBy: 'staff-1',
        expiresAt: '2099-01-01T00:00:00Z',
      },
      new Date(),
    );
    await t.store.identities.redeemInvite('HUCHIINVITE', 'huchi-worker', new Date());
    expect(await t.as('huchi-worker')('booking.checkIn', { bookingId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await t.as('huchi-worker')('booking.list', { community: 'jinse', date: '2026-12-02' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('reminders', () => {
  it('sends one reminder per confirmed booking on the afternoon of the evening', async () => {
    t = await setup();
    await t.bookAs('r1', SLOT_1900);
    await t.bookAs('r2', SLOT_1900);
    await t.bookAs('r3', SLOT_1900);
    t.clock.set('2026-12-02T11:59:00+08:00');
    expect(await sendDueReminders(t.deps, t.clock.now())).toEqual({ done: 0, finished: true });
    t.clock.set('2026-12-02T12:00:00+08:00');
    expect(await sendDueReminders(t.deps, t.clock.now())).toEqual({ done: 2, finished: true });
    expect(await sendDueReminders(t.deps, t.clock.now())).toEqual({ done: 0, finished: true });
    expect(t.alerts.map((a) => [a.kind, a.userId]).sort()).toEqual([
      ['booking-reminder', 'r1'],
      ['booking-reminder', 'r2'],
    ]);
  });
});

describe('codes and names: whose booking a row is', () => {
  it('gives every booking a short code, unique on the evening, shown to the resident and the desk', async () => {
    t = await setup();
    const a = await t.bookAs('r1', SLOT_1900, {
      name: '王阿姨',
      phone: '13812345678',
      consent: true,
    });
    expect(a.code).toMatch(CODE);
    const forYou = ok(
      await t.staff<StaffBooking>('booking.bookFor', {
        slotId: SLOT_1930,
        name: '李大爷（电话预约）',
        requestId: 'staff-req-001',
      }),
    );
    expect(forYou.code).toMatch(CODE);
    // 30 more on the same evening, two services: every code differs.
    for (let i = 0; i < 15; i += 1) {
      await t.bookAs(`p${i}`, `jinse_paperwork_20261202_${i % 2 ? '1800' : '1830'}`);
      await t.bookAs(`q${i}`, `jinse_repair_20261202_${i % 2 ? '1800' : '1830'}`);
    }
    const rows = await listOf(t);
    expect(rows).toHaveLength(32);
    expect(new Set(rows.map((r) => r.code)).size).toBe(32);
    expect(rows.find((r) => r.id === a.id)).toMatchObject({
      code: a.code,
      name: '王阿姨',
      byStaff: false,
      phone: '138****5678',
    });
    expect(rows.find((r) => r.id === forYou.id)).toMatchObject({
      name: '李大爷（电话预约）',
      byStaff: true,
    });
    // The resident sees the same code in 我的预约 and on the tonight page.
    expect(ok(await t.as('r1')<Booking[]>('booking.mine'))[0]?.code).toBe(a.code);
    const tonight = ok(await t.as('r1')<Tonight>('community.tonight', { community: 'jinse' }));
    expect(tonight.mine?.bookings.map((b) => b.code)).toEqual([a.code]);
  });

  it('keeps the 称呼 optional and short, and carries it over a reschedule', async () => {
    t = await setup();
    const long = await t.as('r1')('booking.book', {
      slotId: SLOT_1900,
      requestId: 'req-long-name',
      name: '一'.repeat(21),
    });
    expect(long).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'name' } });
    const a = await t.bookAs('r1', SLOT_1900, { name: '  王阿姨 ' });
    const moved = ok(
      await t.as('r1')<Booking>('booking.reschedule', {
        bookingId: a.id,
        slotId: SLOT_1930,
        requestId: 'move-name-01',
      }),
    );
    expect(moved.code).toMatch(CODE);
    const rows = await listOf(t);
    expect(rows.find((r) => r.id === moved.id)).toMatchObject({ name: '王阿姨', code: moved.code });
    const unnamed = await t.bookAs('r2', SLOT_1900);
    expect((await listOf(t)).find((r) => r.id === unnamed.id)?.name).toBe('');
  });

  it('forgets the 称呼 and the phone when the resident erases their personal data', async () => {
    t = await setup();
    const a = await t.bookAs('r1', SLOT_1900, {
      name: '王阿姨',
      phone: '13812345678',
      consent: true,
    });
    await t.bookAs('r2', SLOT_1900, { name: '李叔' });
    expect(ok(await t.as('r1')<{ erased: number }>('followup.erase'))).toEqual({ erased: 1 });
    const rows = await listOf(t);
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ name: '', phone: null, code: a.code });
    expect(rows.find((r) => r.id !== a.id)?.name).toBe('李叔');
    expect((await t.store.bookings.getBooking(a.id))?.name).toBe('');
  });
});

describe('未到 and its undo', () => {
  it('offers 未到 only once the slot has started, and only the moves that succeed', async () => {
    t = await setup('2026-12-02T16:00:00+08:00');
    const a = await t.bookAs('r1', SLOT_1900);
    await t.bookAs('r2', SLOT_1900);
    const w = await t.bookAs('r3', SLOT_1900);
    const next = await t.bookAs('r4', 'jinse_paperwork_20261209_1900');
    t.clock.set('2026-12-02T18:40:00+08:00');
    const moves = async () =>
      Object.fromEntries(
        [...(await listOf(t)), ...(await listOf(t, '2026-12-09'))].map((r) => [r.id, r.moves]),
      );
    expect(await moves()).toMatchObject({
      [a.id]: ['checkIn', 'complete'],
      [w.id]: [],
      [next.id]: [],
    });
    expect(await t.staff('booking.noShow', { bookingId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: expect.stringMatching(/19:00 开始后/) },
    });
    expect(await t.staff('booking.checkIn', { bookingId: w.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await t.staff('booking.checkIn', { bookingId: next.id })).toMatchObject({
      ok: false,
      error: { code: 'CLOSED' },
    });
    t.clock.set('2026-12-02T19:00:00+08:00');
    expect((await moves())[a.id]).toEqual(['checkIn', 'complete', 'noShow']);
    const checkedIn = ok(await t.staff<StaffBooking>('booking.checkIn', { bookingId: a.id }));
    expect(checkedIn.moves).toEqual(['complete']);
    expect(await t.staff('booking.checkIn', { bookingId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('undoes 未到 that evening: back to confirmed, and 签到 works again', async () => {
    t = await setup('2026-12-02T18:40:00+08:00');
    const a = await t.bookAs('r1', SLOT_1900);
    t.clock.set('2026-12-02T19:05:00+08:00');
    const missed = ok(await t.staff<StaffBooking>('booking.noShow', { bookingId: a.id }));
    expect(missed).toMatchObject({ status: 'no-show', moves: ['undoNoShow'] });
    t.clock.set('2026-12-02T19:12:00+08:00');
    const back = ok(await t.staff<StaffBooking>('booking.undoNoShow', { bookingId: a.id }));
    expect(back).toMatchObject({ status: 'confirmed', moves: ['checkIn', 'complete', 'noShow'] });
    expect((await t.store.bookings.getBooking(a.id))?.closedAt).toBeNull();
    expect(ok(await t.staff<StaffBooking>('booking.checkIn', { bookingId: a.id })).status).toBe(
      'checked-in',
    );
    expect(await t.staff('booking.undoNoShow', { bookingId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const list = ok(
      await t.staff<BookingList>('booking.list', { community: 'jinse', date: '2026-12-02' }),
    );
    expect(list.figures).toMatchObject({ noShows: 0, checkedIn: 1, booked: 1 });
  });

  it('keeps 未到 once the evening is over', async () => {
    t = await setup('2026-12-02T18:40:00+08:00');
    const a = await t.bookAs('r1', SLOT_1900);
    t.clock.set('2026-12-02T19:30:00+08:00');
    ok(await t.staff('booking.noShow', { bookingId: a.id }));
    t.clock.set('2026-12-03T09:00:00+08:00');
    expect((await listOf(t)).find((r) => r.id === a.id)?.moves).toEqual([]);
    expect(await t.staff('booking.undoNoShow', { bookingId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: '只能在当晚撤销未到' },
    });
  });

  it('keeps residents out of desk moves', async () => {
    t = await setup('2026-12-02T19:05:00+08:00');
    const a = await t.bookAs('r1', SLOT_1930);
    expect(await t.as('r1')('booking.undoNoShow', { bookingId: a.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('booking the same evening, past the cut-off', () => {
  it('offers a late slot with a seat, says it is late, and takes no waitlist on a full one', async () => {
    t = await setup('2026-12-02T16:00:00+08:00');
    await t.bookAs('r1', SLOT_1900);
    await t.bookAs('r2', SLOT_1900);
    t.clock.set('2026-12-02T18:37:00+08:00');
    const slots = await slotsOf(t);
    const at = (hhmm: string) => slots.find((s) => s.startsAt === hhmm)!;
    expect(at('18:30')).toMatchObject({ open: false, phase: 'running' });
    expect(at('17:00')).toMatchObject({ open: false, phase: 'over' });
    expect(at('19:00')).toMatchObject({ open: false, phase: 'ahead', late: true, left: 0 });
    expect(at('19:30')).toMatchObject({ open: true, phase: 'ahead', late: true, left: 2 });
    const nextWeek = (await slotsOf(t, '2026-12-09')).find((s) => s.startsAt === '19:00');
    expect(nextWeek).toMatchObject({ open: true, late: false });

    expect(
      await t.as('r3')('booking.book', { slotId: SLOT_1900, requestId: 'req-late-full' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: LATE_FULL_MESSAGE, field: 'slotId' },
    });
    expect(await t.store.bookings.ofUser('r3')).toEqual([]);

    const late = await t.bookAs('r3', SLOT_1930);
    expect(late).toMatchObject({
      status: 'confirmed',
      changeable: false,
      changeableUntil: '2026-12-02T17:30:00+08:00',
    });
    expect(ok(await t.as('r3')<Booking[]>('booking.mine'))[0]?.changeable).toBe(false);
    // Before the cut-off the same resident could change it.
    const early = await t.bookAs('r3', 'jinse_paperwork_20261209_1930', {
      requestId: 'req-r3-next-week',
    });
    expect(early.changeable).toBe(true);
  });

  it('says whom to call when a change comes too late: the contact phone once staff set it', async () => {
    t = await setup('2026-12-02T18:37:00+08:00');
    const late = await t.bookAs('r1', SLOT_1930);
    expect(await t.as('r1')('booking.cancel', { bookingId: late.id })).toMatchObject({
      ok: false,
      error: {
        code: 'CLOSED',
        message: '已过取消时限（开始前 2 小时）。如需变动，请到服务台找社工',
      },
    });
    ok(await t.staff('community.setContactPhone', { community: 'jinse', phone: '0512-6888 1234' }));
    expect(
      await t.as('r1')('booking.reschedule', {
        bookingId: late.id,
        slotId: 'jinse_paperwork_20261209_1930',
        requestId: 'move-late-001',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CLOSED',
        message: '已过改约时限（开始前 2 小时）。如需变动，请致电社工 0512-6888 1234',
      },
    });
    expect(ok(await t.as('r1')<Booking[]>('booking.mine'))[0]?.contactPhone).toBe('0512-6888 1234');
  });

  it('lets a waitlist place be withdrawn until the slot starts', async () => {
    t = await setup('2026-12-02T16:00:00+08:00');
    await t.bookAs('r1', SLOT_1900);
    await t.bookAs('r2', SLOT_1900);
    const w = await t.bookAs('r3', SLOT_1900);
    expect(w).toMatchObject({ changeable: true, changeableUntil: '2026-12-02T19:00:00+08:00' });
    t.clock.set('2026-12-02T18:50:00+08:00');
    expect(ok(await t.as('r3')<Booking>('booking.cancel', { bookingId: w.id })).status).toBe(
      'cancelled',
    );
  });
});

describe('the community contact phone', () => {
  it('is set by staff, cleared with an empty one, and shown to residents', async () => {
    t = await setup();
    const tonight = async () =>
      ok(await t.as(null)<Tonight>('community.tonight', { community: 'jinse' })).contactPhone;
    expect(await tonight()).toBeNull();
    expect(
      ok(
        await t.staff<ContactPhone>('community.setContactPhone', {
          community: 'jinse',
          phone: ' 0512-6888 1234 ',
        }),
      ),
    ).toEqual({ community: 'jinse', contactPhone: '0512-6888 1234' });
    expect(await tonight()).toBe('0512-6888 1234');
    const services = ok(
      await t.as(null)<BookingServices>('booking.services', { community: 'jinse' }),
    );
    expect(services.community.contactPhone).toBe('0512-6888 1234');
    expect((await t.bookAs('r1', SLOT_1900)).contactPhone).toBe('0512-6888 1234');
    // Another community keeps its own (none).
    expect(
      ok(await t.as(null)<Tonight>('community.tonight', { community: 'huchi' })).contactPhone,
    ).toBeNull();
    ok(await t.staff('community.setContactPhone', { community: 'jinse', phone: '' }));
    expect(await tonight()).toBeNull();
  });

  it('refuses what cannot be dialled, and anyone but staff', async () => {
    t = await setup();
    for (const phone of ['12345', '0512-abc-1234', '--------', '1'.repeat(21)]) {
      expect(
        await t.staff('community.setContactPhone', { community: 'jinse', phone }),
      ).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'phone' } });
    }
    expect(
      await t.as('r1')('community.setContactPhone', { community: 'jinse', phone: '051268881234' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await t.staff('community.setContactPhone', { community: 'nowhere', phone: '051268881234' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
