/**
 * The CloudBase BookingRepo on the CloudBase emulator, for what the shared contract
 * (emulator.contract.test.ts) does not check: the slot and booking documents production data
 * depends on, malformed and legacy documents, what each operation costs (BOOK_OPERATIONS and the
 * rest, counted by the emulator), the status moves the contract leaves out, races run for real,
 * and the collection prefix. Documents seeded here bypass the adapter.
 */
import type { Booked, BookingRecord, BookingRepo, BookRequest } from '../../core/ports';
import { emulatedStore } from '../../testing/emulated-store';
import {
  BOOK_MAX_OPERATIONS,
  BOOK_OPERATIONS,
  CANCEL_OPERATIONS,
  RESCHEDULE_OPERATIONS,
  UPDATE_OPERATIONS,
} from './bookings';
import { PAGE_SIZE } from './sdk';
import type { DocData } from './sdk';

const DATE = '2026-12-02';
const NOW = new Date('2026-12-02T06:00:00.000Z');
const NOW_ISO = '2026-12-02T06:00:00.000Z';
const LATER = new Date('2026-12-02T07:00:00.000Z');
const SLOT = 'c1_paperwork_20261202_1730';
const SLOT2 = 'c1_paperwork_20261202_1800';

function setup(prefix = '') {
  const env = emulatedStore({ prefix });
  const { emulator } = env;
  const slotDoc = (id: string) => emulator.dump('booking_slots').find((d) => d._id === id);
  const bookingDoc = (id: string) => emulator.dump('bookings').find((d) => d._id === id);
  const everything = () => ({
    slots: emulator.dump('booking_slots'),
    bookings: emulator.dump('bookings'),
  });
  return {
    ...env,
    raw: env.store.bookings,
    bookings: seatOrWaitlist(env.store.bookings),
    slotDoc,
    bookingDoc,
    everything,
  };
}

/** The repo with book() narrowed to requests that take a seat or a waitlist place. */
const seatOrWaitlist = (repo: BookingRepo) => ({
  ...repo,
  book: async (req: BookRequest): Promise<Booked> => {
    const outcome = await repo.book(req);
    if (outcome.kind === 'full' || outcome.kind === 'limited' || outcome.kind === 'closed') {
      throw new Error(`unexpected ${outcome.kind}`);
    }
    return outcome;
  },
});

/** A test booking code made from its request id: distinct per request, as random ones would be. */
const codeOf = (requestId: string) => requestId.replace(/[^A-Za-z0-9]/g, '').toUpperCase();

const request = (fields: Partial<BookRequest> = {}): BookRequest => {
  const req: BookRequest = {
    slotId: SLOT,
    community: 'c1',
    service: 'paperwork',
    date: DATE,
    startsAt: '17:30',
    userId: 'wx:o-1',
    name: '',
    phone: null,
    requestId: 'req-aaaaaaaa',
    seats: 2,
    waitlist: true,
    codes: [],
    now: NOW,
    ...fields,
  };
  return fields.codes
    ? req
    : { ...req, codes: [codeOf(req.requestId), `${codeOf(req.requestId)}2`] };
};
/** Resident n's request for SLOT (or another slot). */
const by = (n: number, fields: Partial<BookRequest> = {}) =>
  request({ userId: `wx:o-${n}`, requestId: `req-${n}`, ...fields });
const toSlot2 = (fields: Partial<BookRequest> = {}) =>
  request({ slotId: SLOT2, startsAt: '18:00', requestId: 'move-req-0001', ...fields });

const record = (fields: Partial<BookingRecord> = {}): BookingRecord => ({
  id: 'b1',
  community: 'c1',
  service: 'paperwork',
  date: DATE,
  startsAt: '17:30',
  slotId: SLOT,
  status: 'confirmed',
  userId: 'wx:o-1',
  code: codeOf(fields.requestId ?? 'req-aaaaaaaa'),
  name: '',
  phone: null,
  requestId: 'req-aaaaaaaa',
  createdAt: NOW_ISO,
  waitlistedAt: null,
  promotedAt: null,
  checkedInAt: null,
  closedAt: null,
  remindedAt: null,
  cancelledReason: null,
  ...fields,
});
/** A stored booking document: the record's fields without `id`, which is the `_id`. */
const stored = (fields: Partial<BookingRecord> = {}): DocData => {
  const { id: _id, ...doc } = record(fields);
  return doc;
};

const slotFields = { community: 'c1', service: 'paperwork', date: DATE, startsAt: '17:30' };

describe('bookings.book', () => {
  it(`books in one transaction of ${BOOK_MAX_OPERATIONS} operations, confirmed or waitlisted`, async () => {
    const { bookings, cost, slotDoc, bookingDoc } = setup();
    const first = await cost(() => bookings.book(request()));
    expect(first).toMatchObject({ ops: BOOK_OPERATIONS.created, writes: 4, outside: 0 });
    expect(first.transactions).toBe(1);
    const a = first.result.booking;
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(first.result).toEqual({ kind: 'created', booking: record({ id: a.id }) });
    // Every record field but the id, which is the _id.
    expect(bookingDoc(a.id)).toEqual({ _id: a.id, ...stored() });

    const b = (await bookings.book(by(2, { phone: '13812345678' }))).booking;
    const third = await cost(() => bookings.book(by(3)));
    expect(third.ops).toBe(BOOK_OPERATIONS.created);
    const c = third.result.booking;
    expect(c).toMatchObject({ status: 'waitlisted', waitlistedAt: NOW_ISO });
    expect(slotDoc(SLOT)).toEqual({
      _id: SLOT,
      ...slotFields,
      taken: 2,
      waitlist: [c.id],
      requests: { 'wx:o-1|req-aaaaaaaa': a.id, 'wx:o-2|req-2': b.id, 'wx:o-3|req-3': c.id },
      holders: { 'wx:o-1': a.id, 'wx:o-2': b.id, 'wx:o-3': c.id },
    });
  });

  it(`answers full in ${BOOK_OPERATIONS.full} read, writing nothing, for a request that takes no waitlist`, async () => {
    const { raw, bookings, cost, everything } = setup();
    await bookings.book(by(1, { seats: 1 }));
    const before = everything();
    expect(await cost(() => raw.book(by(2, { seats: 1, waitlist: false })))).toMatchObject({
      result: { kind: 'full' },
      ops: BOOK_OPERATIONS.full,
      writes: 0,
    });
    expect(everything()).toEqual(before);
  });

  it('marks each code taken on the evening in booking_codes, and skips taken candidates', async () => {
    const { emulator, bookings, cost } = setup();
    const a = (await bookings.book(request({ codes: ['K7MP', 'X3QA'] }))).booking;
    const second = await cost(() =>
      bookings.book(toSlot2({ userId: 'wx:o-2', codes: ['K7MP', 'X3QA'] })),
    );
    // One more get for the taken candidate.
    expect(second).toMatchObject({ ops: BOOK_OPERATIONS.created + 1, writes: 4 });
    expect([a.code, second.result.booking.code]).toEqual(['K7MP', 'X3QA']);
    expect(emulator.dump('booking_codes')).toEqual([
      { _id: 'c1_20261202_K7MP', bookingId: a.id },
      { _id: 'c1_20261202_X3QA', bookingId: second.result.booking.id },
    ]);
  });

  it('reads a booking stored before codes with a stable 5-character code', async () => {
    const { bookings, seed } = setup();
    const { code: _none, ...legacy } = stored();
    await seed('bookings', 'old-booking-1', legacy);
    const code = (await bookings.getBooking('old-booking-1'))?.code;
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
    expect((await bookings.ofUser('wx:o-1'))[0]?.code).toBe(code);
    await seed('bookings', 'old-booking-2', legacy);
    expect((await bookings.getBooking('old-booking-2'))?.code).not.toBe(code);
  });

  it('keys the slot maps by encoded ids; a booking staff make for someone has no holder entry', async () => {
    const { bookings, slotDoc } = setup();
    const odd = await bookings.book(request({ userId: 'u.1', requestId: 'r$1' }));
    const staffMade = await bookings.book(
      request({ userId: null, name: '王阿姨', requestId: 'wx:o-staff:req-2' }),
    );
    expect(staffMade.booking).toMatchObject({ userId: null, name: '王阿姨', status: 'confirmed' });
    expect(slotDoc(SLOT)).toMatchObject({
      requests: { 'u%2E1|r%241': odd.booking.id, '|wx:o-staff:req-2': staffMade.booking.id },
    });
    expect(slotDoc(SLOT)?.holders).toEqual({ 'u%2E1': odd.booking.id });
  });

  it('never confirms more than the seats, even after the seat count was lowered', async () => {
    const { bookings, slotDoc } = setup();
    for (const n of [1, 2, 3]) await bookings.book(by(n, { seats: 3 }));
    const { booking } = await bookings.book(by(4, { seats: 2 }));
    expect(booking.status).toBe('waitlisted');
    expect(slotDoc(SLOT)).toMatchObject({ taken: 3, waitlist: [booking.id] });
  });

  it(`returns a retried request's booking in ${BOOK_OPERATIONS.existing} operations, whatever its status`, async () => {
    const { bookings, cost } = setup();
    const { booking } = await bookings.book(request());
    await bookings.cancel(booking.id, ['confirmed'], NOW);
    expect(await cost(() => bookings.book(request()))).toMatchObject({
      result: {
        kind: 'existing',
        booking: { id: booking.id, status: 'cancelled', closedAt: NOW_ISO },
      },
      ops: BOOK_OPERATIONS.existing,
      writes: 0,
    });
    // The resident's live booking in the slot, for a new request id: the same cost.
    const live = (await bookings.book(request({ requestId: 'req-second' }))).booking;
    expect(await cost(() => bookings.book(request({ requestId: 'req-third' })))).toMatchObject({
      result: { kind: 'existing', booking: { id: live.id } },
      ops: BOOK_OPERATIONS.existing,
      writes: 0,
    });
  });

  it('keeps the slot document true to the bookings when 20 book at once', async () => {
    const { emulator, bookings, slotDoc } = setup();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => bookings.book(by(i, { seats: 3 }))),
    );
    expect(emulator.counts().transactions.conflicts).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.kind === 'created')).toBe(true);
    const stored = emulator.dump('bookings');
    expect(stored).toHaveLength(20);
    const ids = (status: string) =>
      stored
        .filter((b) => b.status === status)
        .map((b) => b._id)
        .sort();
    expect(ids('confirmed')).toHaveLength(3);
    const slot = slotDoc(SLOT)!;
    expect(slot.taken).toBe(3);
    expect([...(slot.waitlist as string[])].sort()).toEqual(ids('waitlisted'));
    expect(Object.values(slot.requests as DocData).sort()).toEqual(stored.map((b) => b._id).sort());
  });

  it('fails loudly on a malformed slot document, naming the field, without retrying or writing', async () => {
    const { emulator, bookings, seed } = setup();
    const slot = { ...slotFields, taken: 0, waitlist: [], requests: {}, holders: {} };
    await seed('booking_slots', SLOT, { ...slot, taken: 'two' });
    emulator.resetCounts();
    await expect(bookings.book(request())).rejects.toThrow(
      `booking_slots/${SLOT}: bad or missing "taken"`,
    );
    expect(emulator.counts().transactions).toMatchObject({ started: 1, committed: 0 });
    await seed('booking_slots', SLOT, { ...slot, waitlist: [1] });
    await expect(bookings.book(request())).rejects.toThrow('"waitlist"');
    await seed('booking_slots', SLOT, { ...slot, holders: { 'wx:o-9': 5 } });
    await expect(bookings.book(request())).rejects.toThrow('"holders.wx:o-9"');
    // A map entry pointing at a booking that is not there.
    await seed('booking_slots', SLOT, { ...slot, requests: { 'wx:o-1|req-aaaaaaaa': 'gone' } });
    await expect(bookings.book(request())).rejects.toThrow('booking gone');
    expect(emulator.dump('bookings')).toEqual([]);
  });
});

describe('bookings.book with limits per resident (booking_residents)', () => {
  const caps = { perEvening: 2, open: 4, from: DATE };
  const residentDoc = (env: ReturnType<typeof setup>) =>
    env.emulator.dump('booking_residents').find((d) => d._id === 'c1:wx:o-1');

  it('reads and writes the resident’s list in the booking’s transaction: 2 more operations and a read per listed booking', async () => {
    const env = setup();
    const { raw, cost } = env;
    const first = await cost(() => raw.book(request({ caps })));
    // No list yet: the list read and the list written.
    expect(first).toMatchObject({ ops: BOOK_OPERATIONS.created + 2, transactions: 1 });
    const a = (first.result as Booked).booking;
    expect(residentDoc(env)).toMatchObject({
      community: 'c1',
      bookings: [{ id: a.id, date: DATE }],
    });
    const second = await cost(() =>
      raw.book(request({ caps, slotId: SLOT2, startsAt: '18:00', requestId: 'req-bbbbbbbb' })),
    );
    expect(second).toMatchObject({ ops: BOOK_OPERATIONS.created + 3 });
    const third = await cost(() =>
      raw.book(
        request({
          caps,
          slotId: 'c1_paperwork_20261202_1830',
          startsAt: '18:30',
          requestId: 'req-cccccccc',
        }),
      ),
    );
    // Refused on the count: the slot, the date, the list and both bookings read, nothing written.
    expect(third).toMatchObject({
      result: { kind: 'limited', limit: 'evening', max: 2 },
      ops: 5,
      writes: 0,
    });
    // A retry reads no list at all: BOOK_OPERATIONS.existing.
    const retry = await cost(() => raw.book(request({ caps })));
    expect(retry).toMatchObject({ ops: BOOK_OPERATIONS.existing, result: { kind: 'existing' } });
  });

  it('drops cancelled bookings from the list when it next writes it, and never lists staff bookings', async () => {
    const env = setup();
    const { raw } = env;
    const a = (await raw.book(request({ caps }))) as Booked;
    await raw.cancel(a.booking.id, ['confirmed'], NOW);
    const b = (await raw.book(
      request({ caps, slotId: SLOT2, startsAt: '18:00', requestId: 'req-bbbbbbbb' }),
    )) as Booked;
    expect(residentDoc(env)).toMatchObject({ bookings: [{ id: b.booking.id, date: DATE }] });
    await raw.book(request({ userId: null, requestId: 'staff:req-1', caps: null }));
    expect(env.emulator.dump('booking_residents')).toHaveLength(1);
  });

  it('retention drops a booking it anonymises from the list, and the list once it is empty', async () => {
    const OLD = '2025-10-28';
    const CUTOFF = '2025-12-02';
    const old = (n: number, requestId: string) =>
      request({
        caps: { ...caps, from: OLD },
        date: OLD,
        slotId: `c1_paperwork_20251028_${1700 + n * 30}`,
        startsAt: `17:${n * 30 || '00'}`,
        requestId,
        now: new Date('2025-10-28T06:00:00.000Z'),
      });
    const env = setup();
    const { raw } = env;
    const a = (await raw.book(old(0, 'req-old-aaaa'))) as Booked;
    const b = (await raw.book(old(1, 'req-old-bbbb'))) as Booked;
    // A resident's next booking drops past entries; one who never books again keeps them.
    expect(residentDoc(env)?.bookings).toEqual([
      { id: a.booking.id, date: OLD },
      { id: b.booking.id, date: OLD },
    ]);
    expect(await raw.anonymiseBefore(CUTOFF, 1)).toBe(1);
    // Every entry past retention goes with the first booking anonymised, the list with them.
    expect(env.emulator.dump('booking_residents')).toEqual([]);
    expect(await raw.anonymiseBefore(CUTOFF, 10)).toBe(1);
    expect(env.emulator.dump('booking_residents')).toEqual([]);
    // A list naming a booking still kept is written back without the past ones.
    const mixed = setup();
    const old1 = (await mixed.raw.book(old(0, 'req-old-aaaa'))) as Booked;
    const listDoc = residentDoc(mixed)!;
    const kept = { id: 'b-current', date: DATE };
    await mixed.seed('booking_residents', 'c1:wx:o-1', {
      community: 'c1',
      bookings: [...(listDoc.bookings as object[]), kept],
    });
    expect(await mixed.raw.anonymiseBefore(CUTOFF, 10)).toBe(1);
    expect(residentDoc(mixed)).toMatchObject({ community: 'c1', bookings: [kept] });
    expect((await mixed.raw.getBooking(old1.booking.id))?.userId).toBeNull();
  });
});

describe('bookings.cancel', () => {
  it(`costs ${CANCEL_OPERATIONS.stale} read when stale, ${CANCEL_OPERATIONS.cancelled} to cancel, ${CANCEL_OPERATIONS.promoted} with a promotion`, async () => {
    const { bookings, cost, slotDoc } = setup();
    const a = (await bookings.book(by(1, { seats: 1 }))).booking;
    const b = (await bookings.book(by(2, { seats: 1 }))).booking;
    const c = (await bookings.book(by(3, { seats: 1 }))).booking;
    expect(await cost(() => bookings.cancel('none', ['confirmed'], NOW))).toMatchObject({
      result: null,
      ops: CANCEL_OPERATIONS.stale,
    });
    expect(await cost(() => bookings.cancel(a.id, ['waitlisted'], NOW))).toMatchObject({
      result: null,
      ops: CANCEL_OPERATIONS.stale,
    });
    const promoted = await cost(() => bookings.cancel(a.id, ['confirmed'], NOW));
    expect(promoted).toMatchObject({
      result: {
        cancelled: { id: a.id, status: 'cancelled', closedAt: NOW_ISO },
        promoted: { id: b.id, status: 'confirmed', waitlistedAt: null, promotedAt: NOW_ISO },
      },
      ops: CANCEL_OPERATIONS.promoted,
      outside: 0,
      transactions: 1,
    });
    const cancelled = await cost(() => bookings.cancel(c.id, ['waitlisted'], NOW));
    expect(cancelled).toMatchObject({ ops: CANCEL_OPERATIONS.cancelled, transactions: 1 });
    // Every request is still known, so a retried one finds its (cancelled) booking; the holders
    // are the live bookings only.
    expect(slotDoc(SLOT)).toEqual({
      _id: SLOT,
      ...slotFields,
      taken: 1,
      waitlist: [],
      requests: { 'wx:o-1|req-1': a.id, 'wx:o-2|req-2': b.id, 'wx:o-3|req-3': c.id },
      holders: { 'wx:o-2': b.id },
    });
  });

  it('a checked-in booking holds a seat too: cancelling it promotes the next in line', async () => {
    const { bookings } = setup();
    const a = (await bookings.book(by(1, { seats: 1 }))).booking;
    const b = (await bookings.book(by(2, { seats: 1 }))).booking;
    await bookings.update(a.id, ['confirmed'], { status: 'checked-in', checkedInAt: NOW_ISO });
    const result = await bookings.cancel(a.id, ['checked-in'], LATER);
    expect(result?.promoted).toMatchObject({ id: b.id, status: 'confirmed' });
    expect(await bookings.slotCounts('c1', 'paperwork', DATE)).toEqual([
      { slotId: SLOT, taken: 1, waitlisted: 0 },
    ]);
  });

  it('withdrawing from the waitlist leaves the seats and promotes nobody', async () => {
    const { bookings } = setup();
    await bookings.book(by(1, { seats: 1 }));
    const b = (await bookings.book(by(2, { seats: 1 }))).booking;
    const c = (await bookings.book(by(3, { seats: 1 }))).booking;
    const result = await bookings.cancel(b.id, ['waitlisted'], NOW);
    expect(result).toMatchObject({ cancelled: { status: 'cancelled' }, promoted: null });
    expect(await bookings.waitlistPosition(b)).toBe(0);
    expect(await bookings.waitlistPosition(c)).toBe(1);
    expect(await bookings.slotCounts('c1', 'paperwork', DATE)).toEqual([
      { slotId: SLOT, taken: 1, waitlisted: 1 },
    ]);
  });

  it('cancelling a booking whose slot is over (completed) frees its seat but promotes nobody', async () => {
    const { bookings } = setup();
    const a = (await bookings.book(by(1, { seats: 1 }))).booking;
    await bookings.book(by(2, { seats: 1 }));
    await bookings.update(a.id, ['confirmed'], { status: 'completed', closedAt: NOW_ISO });
    const result = await bookings.cancel(a.id, ['completed'], LATER);
    expect(result).toMatchObject({ cancelled: { status: 'cancelled' }, promoted: null });
    expect(await bookings.slotCounts('c1', 'paperwork', DATE)).toEqual([
      { slotId: SLOT, taken: 0, waitlisted: 1 },
    ]);
  });

  it("cancelling an old booking leaves the resident's newer booking in the slot", async () => {
    const { bookings } = setup();
    const old = (await bookings.book(request())).booking;
    await bookings.update(old.id, ['confirmed'], { status: 'no-show', closedAt: NOW_ISO });
    const newer = (await bookings.book(request({ requestId: 'req-again' }))).booking;
    expect(newer.id).not.toBe(old.id);
    await bookings.cancel(old.id, ['no-show'], LATER);
    expect(await bookings.book(request({ requestId: 'req-third' }))).toEqual({
      kind: 'existing',
      booking: newer,
    });
  });

  it('fails loudly, writing nothing, when the slot or a waitlisted booking is not as written', async () => {
    const { bookings, seed, everything } = setup();
    await seed('bookings', 'b1', stored());
    await expect(bookings.cancel('b1', ['confirmed'], NOW)).rejects.toThrow(
      `bookings/b1: bad or missing "slot ${SLOT}"`,
    );
    await seed('bookings', 'b3', stored({ userId: 'wx:o-3', status: 'cancelled' }));
    await seed('booking_slots', SLOT, {
      ...slotFields,
      taken: 1,
      waitlist: ['b3'],
      requests: {},
      holders: { 'wx:o-1': 'b1' },
    });
    const seeded = everything();
    await expect(bookings.cancel('b1', ['confirmed'], NOW)).rejects.toThrow('waitlist b3');
    // The transaction threw before committing: b1's cancellation is rolled back too.
    expect(everything()).toEqual(seeded);
  });
});

describe('bookings.reschedule', () => {
  it(`costs ${RESCHEDULE_OPERATIONS.full} reads when full, ${RESCHEDULE_OPERATIONS.moved} to move, ${RESCHEDULE_OPERATIONS.promoted} with a promotion`, async () => {
    const { bookings, cost, slotDoc, bookingDoc } = setup();
    const a = (await bookings.book(by(1, { seats: 1 }))).booking;
    await bookings.book(by(9, { seats: 1, slotId: SLOT2, startsAt: '18:00' }));
    expect(await cost(() => bookings.reschedule(a.id, toSlot2({ seats: 1 })))).toMatchObject({
      result: { kind: 'full' },
      ops: RESCHEDULE_OPERATIONS.full,
      writes: 0,
    });
    const moved = await cost(() => bookings.reschedule(a.id, toSlot2({ seats: 2 })));
    expect(moved).toMatchObject({
      result: { kind: 'moved', promoted: null },
      ops: RESCHEDULE_OPERATIONS.moved,
      outside: 0,
      transactions: 1,
    });
    if (moved.result.kind !== 'moved') throw new Error(moved.result.kind);
    const m = moved.result.booking;
    expect(m).toEqual(
      record({ id: m.id, slotId: SLOT2, startsAt: '18:00', requestId: 'move-req-0001' }),
    );
    expect(bookingDoc(a.id)).toMatchObject({ status: 'cancelled', closedAt: NOW_ISO });
    expect(slotDoc(SLOT2)).toMatchObject({
      taken: 2,
      requests: { 'wx:o-1|move-req-0001': m.id },
      holders: { 'wx:o-1': m.id },
    });
    expect(slotDoc(SLOT)).toMatchObject({ taken: 0, requests: { 'wx:o-1|req-1': a.id } });
    expect(slotDoc(SLOT)?.holders).toEqual({});

    // Back again, once SLOT2 has a waitlist: the freed seat there goes to its next in line.
    const w = (await bookings.book(by(3, { seats: 2, slotId: SLOT2, startsAt: '18:00' }))).booking;
    expect(w.status).toBe('waitlisted');
    const promoted = await cost(() =>
      bookings.reschedule(m.id, request({ requestId: 'move-back-01', seats: 1 })),
    );
    expect(promoted).toMatchObject({
      result: { kind: 'moved', promoted: { id: w.id, status: 'confirmed' } },
      ops: RESCHEDULE_OPERATIONS.promoted,
    });
  });

  it("moves a waitlisted booking to a seat, leaving its old slot's seats", async () => {
    const { bookings } = setup();
    await bookings.book(by(1, { seats: 1 }));
    const b = (await bookings.book(by(2, { seats: 1 }))).booking;
    const c = (await bookings.book(by(3, { seats: 1 }))).booking;
    const moved = await bookings.reschedule(b.id, toSlot2({ userId: 'wx:o-2', seats: 1 }));
    expect(moved).toMatchObject({
      kind: 'moved',
      booking: { status: 'confirmed' },
      promoted: null,
    });
    expect(await bookings.waitlistPosition(c)).toBe(1);
    expect(await bookings.slotCounts('c1', 'paperwork', DATE)).toEqual([
      { slotId: SLOT, taken: 1, waitlisted: 1 },
      { slotId: SLOT2, taken: 1, waitlisted: 0 },
    ]);
  });

  it('is stale, writing nothing, for a booking checked in, completed, cancelled or missing', async () => {
    const { bookings, cost } = setup();
    for (const [n, status] of [
      [1, 'checked-in'],
      [2, 'completed'],
      [3, 'cancelled'],
    ] as const) {
      const { booking } = await bookings.book(by(n, { seats: 3 }));
      expect(await bookings.update(booking.id, ['confirmed'], { status })).toMatchObject({
        status,
      });
      expect(await cost(() => bookings.reschedule(booking.id, toSlot2()))).toMatchObject({
        result: { kind: 'stale' },
        writes: 0,
      });
    }
    expect(await cost(() => bookings.reschedule('gone', toSlot2()))).toMatchObject({
      result: { kind: 'stale' },
      writes: 0,
    });
  });

  it('a retried move returns the booking it made, though the old one is cancelled by then', async () => {
    const { bookings, cost } = setup();
    const { booking } = await bookings.book(request());
    const moved = await bookings.reschedule(booking.id, toSlot2());
    if (moved.kind !== 'moved') throw new Error(moved.kind);
    expect(await cost(() => bookings.reschedule(booking.id, toSlot2()))).toMatchObject({
      result: { kind: 'existing', booking: moved.booking, promoted: null },
      writes: 0,
    });
  });

  it('returns the booking the resident already holds in the new slot, changing nothing', async () => {
    const { bookings, cost } = setup();
    const a = (await bookings.book(request())).booking;
    const held = (await bookings.book(toSlot2({ requestId: 'req-held' }))).booking;
    expect(await cost(() => bookings.reschedule(a.id, toSlot2()))).toMatchObject({
      result: { kind: 'existing', booking: held, promoted: null },
      writes: 0,
    });
    // Also when the old booking has moved on meanwhile, as SQLite checks this first too.
    await bookings.update(a.id, ['confirmed'], { status: 'completed' });
    expect(await bookings.reschedule(a.id, toSlot2({ requestId: 'move-req-0002' }))).toMatchObject({
      kind: 'existing',
      booking: { id: held.id },
    });
  });

  it('within its own slot: full when its own seat fills it, else one write of the slot document', async () => {
    const { bookings, cost, slotDoc } = setup();
    const a = (await bookings.book(request({ seats: 1 }))).booking;
    const within = (fields: Partial<BookRequest> = {}) =>
      request({ requestId: 'move-req-0001', ...fields });
    expect(await bookings.reschedule(a.id, within({ seats: 1 }))).toEqual({ kind: 'full' });
    const moved = await cost(() => bookings.reschedule(a.id, within({ seats: 2 })));
    // get the booking, get the slot, get the date, set its gate, get and set the new code, set
    // the new booking, update the old one, set the slot.
    expect(moved).toMatchObject({ result: { kind: 'moved' }, ops: 9, writes: 5 });
    if (moved.result.kind !== 'moved') throw new Error(moved.result.kind);
    const id = moved.result.booking.id;
    expect(slotDoc(SLOT)).toMatchObject({
      taken: 1,
      requests: { 'wx:o-1|req-aaaaaaaa': a.id, 'wx:o-1|move-req-0001': id },
    });
    expect(slotDoc(SLOT)?.holders).toEqual({ 'wx:o-1': id });
    // A booking staff made for someone (no holder entry) moves the same way.
    const staff = request({ userId: null, name: '王阿姨', requestId: 's:req-1', seats: 3 });
    const made = (await bookings.book(staff)).booking;
    const again = await bookings.reschedule(made.id, { ...staff, requestId: 's:req-2' });
    expect(again).toMatchObject({
      kind: 'moved',
      booking: { userId: null, name: '王阿姨', status: 'confirmed' },
    });
    expect(slotDoc(SLOT)).toMatchObject({ taken: 2 });
    expect(slotDoc(SLOT)?.holders).toEqual({ 'wx:o-1': id });
  });
});

describe('bookings.update', () => {
  it(`sets remindedAt as UTC and checks in with ${UPDATE_OPERATIONS.booking} operations, the slot untouched`, async () => {
    const { bookings, cost, slotDoc, bookingDoc } = setup();
    const { booking } = await bookings.book(request());
    const slot = slotDoc(SLOT);
    const reminded = await cost(() =>
      bookings.update(booking.id, ['confirmed'], { remindedAt: '2026-12-02T14:00:00+08:00' }),
    );
    expect(reminded).toMatchObject({
      result: { remindedAt: NOW_ISO },
      ops: UPDATE_OPERATIONS.booking,
    });
    expect(bookingDoc(booking.id)).toMatchObject({ remindedAt: NOW_ISO });
    const checkedIn = await cost(() =>
      bookings.update(booking.id, ['confirmed'], { status: 'checked-in', checkedInAt: NOW_ISO }),
    );
    expect(checkedIn).toMatchObject({
      result: { status: 'checked-in' },
      ops: UPDATE_OPERATIONS.booking,
    });
    expect(slotDoc(SLOT)).toEqual(slot);
  });

  it(`completed or no-show keeps the seat but frees the resident to book again, in ${UPDATE_OPERATIONS.slot} operations`, async () => {
    for (const status of ['completed', 'no-show'] as const) {
      const { bookings, cost } = setup();
      const { booking } = await bookings.book(request());
      expect(
        await cost(() => bookings.update(booking.id, ['confirmed'], { status, closedAt: NOW_ISO })),
      ).toMatchObject({ result: { status }, ops: UPDATE_OPERATIONS.slot });
      expect(await bookings.slotCounts('c1', 'paperwork', DATE)).toEqual([
        { slotId: SLOT, taken: 1, waitlisted: 0 },
      ]);
      const again = await bookings.book(request({ requestId: 'req-again' }));
      expect(again.kind).toBe('created');
    }
  });

  it('a cancellation through update gives the seat back but promotes nobody', async () => {
    const { bookings } = setup();
    const a = (await bookings.book(by(1, { seats: 1 }))).booking;
    const b = (await bookings.book(by(2, { seats: 1 }))).booking;
    await bookings.update(a.id, ['confirmed'], { status: 'cancelled', closedAt: NOW_ISO });
    expect(await bookings.slotCounts('c1', 'paperwork', DATE)).toEqual([
      { slotId: SLOT, taken: 0, waitlisted: 1 },
    ]);
    expect((await bookings.getBooking(b.id))?.status).toBe('waitlisted');
  });

  it('returns null when missing or moved on, and writes nothing for an empty patch', async () => {
    const { bookings, cost } = setup();
    const { booking } = await bookings.book(request());
    for (const [id, from] of [
      ['none', ['confirmed']],
      [booking.id, ['waitlisted']],
    ] as const) {
      expect(
        await cost(() => bookings.update(id, [...from], { remindedAt: NOW_ISO })),
      ).toMatchObject({ result: null, writes: 0 });
    }
    expect(await cost(() => bookings.update(booking.id, ['confirmed'], {}))).toMatchObject({
      result: booking,
      writes: 0,
    });
  });
});

describe('bookings settings and reads', () => {
  const settings = {
    slotMinutes: 15,
    seatsPerSlot: 3,
    cutoffHours: 2,
    bring: ['身份证'],
    weekdays: [3],
  };

  it('stores settings under <community>:<service>; older ones without weekdays mean every evening', async () => {
    const { emulator, bookings, seed } = setup();
    await bookings.saveSettings('c1', 'paperwork', settings);
    expect(emulator.dump('booking_settings')).toEqual([
      { _id: 'c1:paperwork', community: 'c1', service: 'paperwork', ...settings },
    ]);
    const { weekdays: _w, ...legacy } = settings;
    await seed('booking_settings', 'c1:repair', { community: 'c1', service: 'repair', ...legacy });
    expect(await bookings.getSettings('c1', 'repair')).toEqual({ ...legacy, weekdays: [] });
    await seed('booking_settings', 'c1:x', { ...settings, bring: '身份证' });
    await expect(bookings.getSettings('c1', 'x')).rejects.toThrow(
      'booking_settings/c1:x: bad or missing "bring"',
    );
    await seed('booking_settings', 'c1:y', { ...settings, weekdays: [7] });
    await expect(bookings.getSettings('c1', 'y')).rejects.toThrow('weekdays');
  });

  it('fails loudly on a malformed booking, read alone or in a list', async () => {
    const { bookings, seed } = setup();
    await seed('bookings', 'b2', stored({ userId: 'wx:o-2', status: 'lost' as 'confirmed' }));
    await expect(bookings.getBooking('b2')).rejects.toThrow('bookings/b2: bad or missing "status"');
    await seed('bookings', 'b3', { ...stored(), createdAt: 5 });
    await expect(bookings.ofUser('wx:o-1')).rejects.toThrow(
      'bookings/b3: bad or missing "createdAt"',
    );
  });

  it('counts the slots of one service and date in one read, a slot with every booking cancelled as zeros', async () => {
    const { bookings, cost } = setup();
    const { booking } = await bookings.book(request());
    await bookings.book(toSlot2({ seats: 1 }));
    await bookings.book(toSlot2({ userId: 'wx:o-2', seats: 1 }));
    await bookings.book(request({ service: 'repair', slotId: 'c1_repair_20261202_1730' }));
    await bookings.book(request({ date: '2026-12-09', slotId: 'c1_paperwork_20261209_1730' }));
    await bookings.cancel(booking.id, ['confirmed'], NOW);
    expect(await cost(() => bookings.slotCounts('c1', 'paperwork', DATE))).toMatchObject({
      result: [
        { slotId: SLOT, taken: 0, waitlisted: 0 },
        { slotId: SLOT2, taken: 1, waitlisted: 1 },
      ],
      ops: 1,
      transactions: 0,
    });
  });

  it('lists by day, by service when given, in slot then booking order', async () => {
    const { bookings } = setup();
    const late = (await bookings.book(toSlot2())).booking;
    const early = (await bookings.book(by(2))).booking;
    const repair = (
      await bookings.book(
        by(3, { service: 'repair', slotId: 'c1_repair_20261202_1730', now: LATER }),
      )
    ).booking;
    const ids = (list: BookingRecord[]) => list.map((b) => b.id);
    expect(ids(await bookings.listForDate('c1', DATE))).toEqual([early.id, repair.id, late.id]);
    expect(ids(await bookings.listForDate('c1', DATE, 'paperwork'))).toEqual([early.id, late.id]);
    expect(ids(await bookings.listForDate('c1', '2026-12-09'))).toEqual([]);
  });

  it("reads a resident's bookings newest evening first, past the 100-per-read cap", async () => {
    const { bookings, seed, cost } = setup();
    const add = async (from: number, count: number) => {
      for (let i = from; i < from + count; i += 1) {
        const day = String(1 + (i % 28)).padStart(2, '0');
        await seed('bookings', `b${i}`, stored({ date: `2026-11-${day}` }));
      }
    };
    await add(0, 2 * PAGE_SIZE);
    // A total that fills its last page costs one more, empty, read.
    expect(await cost(() => bookings.ofUser('wx:o-1'))).toMatchObject({ ops: 3 });
    await add(2 * PAGE_SIZE, 3);
    const { result, ops } = await cost(() => bookings.ofUser('wx:o-1'));
    expect(ops).toBe(3);
    expect(result).toHaveLength(2 * PAGE_SIZE + 3);
    expect(new Set(result.map((b) => b.id)).size).toBe(2 * PAGE_SIZE + 3);
    const dates = result.map((b) => b.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it("erases a resident's bookings and their slots' keys, one transaction per booking", async () => {
    const { emulator, bookings, cost } = setup();
    await bookings.book(request({ phone: '13812345678' }));
    await bookings.book(toSlot2({ requestId: 'r-2' }));
    await bookings.book(
      request({ slotId: 'c1_paperwork_20261202_1900', requestId: 'r-3', phone: '13900000000' }),
    );
    await bookings.book(
      request({ slotId: 'c1_paperwork_20261202_1930', requestId: 'r-4', name: '王阿姨' }),
    );
    expect(await cost(() => bookings.erasePersonal('wx:o-1'))).toMatchObject({
      result: 4,
      transactions: 4,
    });
    expect(await bookings.ofUser('wx:o-1')).toEqual([]);
    const everything = JSON.stringify([emulator.dump('bookings'), emulator.dump('booking_slots')]);
    expect(everything).not.toContain('o-1');
    expect(everything).not.toContain('13812345678');
    expect(everything).not.toContain('王阿姨');
  });
});

describe('collectionPrefix', () => {
  it('prefixes the booking collections, inside transactions too', async () => {
    // Only the prefixed collections exist: any unprefixed name would fail as missing.
    const { emulator, bookings } = setup('contract_');
    await bookings.saveSettings('c1', 'paperwork', {
      slotMinutes: 15,
      seatsPerSlot: 1,
      cutoffHours: 1,
      bring: [],
      weekdays: [],
    });
    expect(await bookings.getSettings('c1', 'paperwork')).toMatchObject({ seatsPerSlot: 1 });
    const a = (await bookings.book(by(1, { seats: 1 }))).booking;
    const b = (await bookings.book(by(2, { seats: 1 }))).booking;
    expect((await bookings.cancel(a.id, ['confirmed'], NOW))?.promoted?.id).toBe(b.id);
    expect(await bookings.slotCounts('c1', 'paperwork', DATE)).toHaveLength(1);
    expect(await bookings.getBooking(a.id)).toMatchObject({ status: 'cancelled' });
    const used = new Set(emulator.log().map((op) => op.collection));
    expect([...used].sort()).toEqual([
      'contract_booking_codes',
      'contract_booking_settings',
      'contract_booking_slots',
      'contract_bookings',
      'contract_community_dates',
    ]);
  });
});
