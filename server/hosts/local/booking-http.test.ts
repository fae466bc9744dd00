/** Bookings over HTTP against a started local host on real SQLite. */
import type {
  Booking,
  BookingList,
  BookingServices,
  Slot,
  StaffBooking,
} from '../../../contract/booking';
import type { Tonight } from '../../../contract/community';
import { fixedClock } from '../../core/clock';
import { adminAndStaff, startTestHost, type TestHost } from './testing';

const SLOT = 'jinse_paperwork_20261209_1900';

describe('bookings over HTTP', () => {
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

  it('gives 100 residents booking one 10-seat slot at once exactly 10 seats and a waitlist of 90', async () => {
    const { staff } = await adminAndStaff(host);
    const configured = await staff.call('booking', {
      action: 'configure',
      community: 'jinse',
      service: 'paperwork',
      seatsPerSlot: 10,
    });
    expect(configured.status).toBe(200);
    const residents = Array.from({ length: 100 }, () => host.client());
    await Promise.all(residents.map((r) => r.session()));
    const responses = await Promise.all(
      residents.map((r, i) =>
        r.call<Booking>('booking', {
          action: 'book',
          slotId: SLOT,
          requestId: `load-booking-${String(i).padStart(4, '0')}`,
        }),
      ),
    );
    const bookings = responses.map((r) => {
      if (!r.body.ok) throw new Error(r.text);
      return r.body.data;
    });
    expect(bookings.filter((b) => b.status === 'confirmed')).toHaveLength(10);
    const positions = bookings
      .filter((b) => b.status === 'waitlisted')
      .map((b) => b.waitlistPosition);
    expect(positions.sort((a, b) => a! - b!)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));

    // A retried request returns the same booking, whatever it became.
    const retry = await residents[50]!.call<Booking>('booking', {
      action: 'book',
      slotId: SLOT,
      requestId: 'load-booking-0050',
    });
    expect(retry.body).toMatchObject({ ok: true, data: { id: bookings[50]!.id } });

    // A confirmed resident cancels: the first on the waitlist gets the seat.
    const confirmedIndex = bookings.findIndex((b) => b.status === 'confirmed');
    const firstWaiting = bookings.findIndex((b) => b.waitlistPosition === 1);
    const cancel = await residents[confirmedIndex]!.call('booking', {
      action: 'cancel',
      bookingId: bookings[confirmedIndex]!.id,
    });
    expect(cancel.body).toMatchObject({ ok: true, data: { status: 'cancelled' } });
    const promoted = await residents[firstWaiting]!.call<Booking[]>('booking', { action: 'mine' });
    expect(promoted.body).toMatchObject({
      ok: true,
      data: [{ id: bookings[firstWaiting]!.id, status: 'confirmed' }],
    });
    const outbox = host.db.prepare("SELECT kind FROM outbox WHERE kind = 'booking-promoted'").all();
    expect(outbox).toHaveLength(1);
  });

  it('serves every resident and staff action', async () => {
    const { staff } = await adminAndStaff(host);
    const resident = host.client();
    await resident.session();
    const services = await resident.call<BookingServices>('booking', {
      action: 'services',
      community: 'jinse',
    });
    expect(services.body).toMatchObject({
      ok: true,
      data: { dates: ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23'] },
    });
    const slots = await resident.call<Slot[]>('booking', {
      action: 'slots',
      community: 'jinse',
      service: 'repair',
      date: '2026-12-02',
    });
    if (!slots.body.ok) throw new Error(slots.text);
    expect(slots.body.data.map((s) => [s.startsAt, s.open])).toEqual([
      ['17:00', false],
      ['17:30', false],
      ['18:00', false],
      ['18:30', false],
      ['19:00', true],
      ['19:30', true],
    ]);
    const booked = await resident.call<Booking>('booking', {
      action: 'book',
      slotId: 'jinse_repair_20261202_1900',
      requestId: 'http-repair-001',
      phone: '13912345678',
      consent: true,
    });
    expect(booked.body).toMatchObject({
      ok: true,
      data: { status: 'confirmed', phone: '139****5678', bring: ['需要维修的电器'] },
    });
    if (!booked.body.ok) return;
    // Tonight's 19:00 slot is within the 2-hour cut-off already.
    const late = await resident.call('booking', {
      action: 'cancel',
      bookingId: booked.body.data.id,
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ ok: false, error: { code: 'CLOSED' } });

    const next = await resident.call<Booking>('booking', {
      action: 'book',
      slotId: 'jinse_repair_20261209_1800',
      requestId: 'http-repair-002',
    });
    if (!next.body.ok) throw new Error(next.text);
    const moved = await resident.call<Booking>('booking', {
      action: 'reschedule',
      bookingId: next.body.data.id,
      slotId: 'jinse_repair_20261209_1830',
      requestId: 'http-repair-003',
    });
    expect(moved.body).toMatchObject({
      ok: true,
      data: { startsAt: '18:30', status: 'confirmed' },
    });

    const forYou = await staff.call<StaffBooking>('booking', {
      action: 'bookFor',
      slotId: 'jinse_repair_20261202_1930',
      name: '李大爷',
      requestId: 'http-staff-001',
    });
    expect(forYou.body).toMatchObject({ ok: true, data: { name: '李大爷', byStaff: true } });
    for (const action of ['checkIn', 'complete'] as const) {
      const r = await staff.call('booking', { action, bookingId: booked.body.data.id });
      expect(r.status).toBe(200);
    }
    if (!forYou.body.ok) return;
    // 19:30 has not started at 18:30: no 未到 yet, and the list does not offer it.
    const early = await staff.call('booking', { action: 'noShow', bookingId: forYou.body.data.id });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    const list = await staff.call<BookingList>('booking', {
      action: 'list',
      community: 'jinse',
      date: '2026-12-02',
      service: 'repair',
    });
    expect(list.body).toMatchObject({
      ok: true,
      data: { figures: { booked: 2, checkedIn: 1, completed: 1, noShows: 0 } },
    });
    if (!list.body.ok) return;
    expect(list.body.data.bookings.map((b) => [b.name, b.moves])).toEqual([
      ['', []],
      ['李大爷', ['checkIn', 'complete']],
    ]);
    const denied = await resident.call('booking', {
      action: 'list',
      community: 'jinse',
      date: '2026-12-02',
    });
    expect(denied.status).toBe(403);
  });

  it('lets staff set the contact phone over HTTP; residents read it on the tonight page', async () => {
    const { staff } = await adminAndStaff(host);
    const resident = host.client();
    await resident.session();
    const refused = await resident.call('community', {
      action: 'setContactPhone',
      community: 'jinse',
      phone: '0512-6888 1234',
    });
    expect(refused.status).toBe(403);
    const bad = await staff.call('community', {
      action: 'setContactPhone',
      community: 'jinse',
      phone: '电话',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'phone' } });
    const set = await staff.call('community', {
      action: 'setContactPhone',
      community: 'jinse',
      phone: '0512-6888 1234',
    });
    expect(set.body).toEqual({
      ok: true,
      data: { community: 'jinse', contactPhone: '0512-6888 1234' },
    });
    const tonight = await resident.call<Tonight>('community', {
      action: 'tonight',
      community: 'jinse',
    });
    expect(tonight.body).toMatchObject({ ok: true, data: { contactPhone: '0512-6888 1234' } });
  });
});
