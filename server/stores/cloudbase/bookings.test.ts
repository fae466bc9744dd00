/**
 * The CloudBase BookingRepo against wx-server-sdk mocked at its edge: every document read is
 * canned, every call recorded. What is checked is what the adapter asks the database to do (and
 * how many operations that costs), not a database's behaviour; the shared contract suite checks
 * behaviour against a real environment.
 */
import type { BookingRecord, BookRequest } from '../../core/ports';
import {
  BOOK_MAX_OPERATIONS,
  BOOK_OPERATIONS,
  CANCEL_OPERATIONS,
  createCloudBaseStore,
  PAGE_SIZE,
  RESCHEDULE_OPERATIONS,
  UPDATE_OPERATIONS,
} from './index';
import { notFoundError } from './mock-sdk';
import type { DocData } from './sdk';
import { instantRetries, mock, noWrites, patched, useMockDb, written } from './test-support';

const DATE = '2026-12-02';
const NOW = new Date('2026-12-02T06:00:00.000Z');
const NOW_ISO = '2026-12-02T06:00:00.000Z';
const EARLIER = '2026-12-01T02:00:00.000Z';
const SLOT = 'c1_paperwork_20261202_1730';
const SLOT2 = 'c1_paperwork_20261202_1800';

useMockDb();
const bookings = () => createCloudBaseStore(mock.db).bookings;

const request = (fields: Partial<BookRequest> = {}): BookRequest => ({
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
  now: NOW,
  ...fields,
});

const slotDoc = (fields: DocData = {}): DocData => ({
  community: 'c1',
  service: 'paperwork',
  date: DATE,
  startsAt: '17:30',
  taken: 0,
  waitlist: [],
  requests: {},
  holders: {},
  ...fields,
});

const slot2Doc = (fields: DocData = {}): DocData => slotDoc({ startsAt: '18:00', ...fields });

const record = (fields: Partial<BookingRecord> = {}): BookingRecord => ({
  id: 'b1',
  community: 'c1',
  service: 'paperwork',
  date: DATE,
  startsAt: '17:30',
  slotId: SLOT,
  status: 'confirmed',
  userId: 'wx:o-1',
  name: '',
  phone: null,
  requestId: 'req-aaaaaaaa',
  createdAt: EARLIER,
  waitlistedAt: null,
  promotedAt: null,
  checkedInAt: null,
  closedAt: null,
  remindedAt: null,
  ...fields,
});

const bookingDoc = (fields: Partial<BookingRecord> = {}): DocData => {
  const { id: _id, ...doc } = record(fields);
  return doc;
};

const cannedSlot = (id: string, doc: DocData) =>
  mock.txDoc('booking_slots', id).get.mockResolvedValueOnce({ data: doc });
const cannedBooking = (id: string, fields: Partial<BookingRecord> = {}) =>
  mock.txDoc('bookings', id).get.mockResolvedValueOnce({ data: bookingDoc({ id, ...fields }) });

describe('bookings.book', () => {
  it(`books in one transaction of ${BOOK_MAX_OPERATIONS} operations, creating the slot`, async () => {
    const outcome = await bookings().book(request());
    expect(outcome.kind).toBe('created');
    const { booking } = outcome;
    expect(booking).toEqual(record({ id: booking.id, createdAt: NOW_ISO }));
    expect(booking.id).toMatch(/^[A-Za-z0-9_-]{12}$/);

    expect(mock.runTransaction).toHaveBeenCalledTimes(1);
    expect(mock.txOps()).toEqual([
      `get booking_slots/${SLOT}`,
      `set booking_slots/${SLOT}`,
      `set bookings/${booking.id}`,
    ]);
    expect(mock.txOps()).toHaveLength(BOOK_MAX_OPERATIONS);
    expect(BOOK_OPERATIONS.created).toBe(3);
    // Nothing outside the transaction.
    expect(mock.collections).toEqual([]);

    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({
        taken: 1,
        requests: { 'wx:o-1|req-aaaaaaaa': booking.id },
        holders: { 'wx:o-1': booking.id },
      }),
    );
    // Every record field but the id, which is the _id.
    expect(written('bookings', booking.id)).toEqual(bookingDoc({ createdAt: NOW_ISO }));
  });

  it('takes the last seat, keeping the other holders and requests', async () => {
    cannedSlot(
      SLOT,
      slotDoc({ taken: 1, requests: { 'wx:o-2|req-bbbbbbbb': 'b2' }, holders: { 'wx:o-2': 'b2' } }),
    );
    const { kind, booking } = await bookings().book(request({ phone: '13812345678' }));
    expect(kind).toBe('created');
    expect(booking).toMatchObject({
      status: 'confirmed',
      waitlistedAt: null,
      phone: '13812345678',
    });
    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({
        taken: 2,
        requests: { 'wx:o-2|req-bbbbbbbb': 'b2', 'wx:o-1|req-aaaaaaaa': booking.id },
        holders: { 'wx:o-2': 'b2', 'wx:o-1': booking.id },
      }),
    );
    expect(mock.txOps()).toHaveLength(BOOK_OPERATIONS.created);
  });

  it(`waitlists when every seat is taken, in the same ${BOOK_OPERATIONS.created} operations`, async () => {
    cannedSlot(SLOT, slotDoc({ taken: 2, waitlist: ['b3'] }));
    const { kind, booking } = await bookings().book(request());
    expect(kind).toBe('created');
    expect(booking).toEqual(
      record({ id: booking.id, status: 'waitlisted', createdAt: NOW_ISO, waitlistedAt: NOW_ISO }),
    );
    // Seats stay at 2: the new booking is second in line.
    expect(written('booking_slots', SLOT)).toMatchObject({
      taken: 2,
      waitlist: ['b3', booking.id],
      holders: { 'wx:o-1': booking.id },
    });
    expect(written('bookings', booking.id)).toMatchObject({
      status: 'waitlisted',
      waitlistedAt: NOW_ISO,
    });
    expect(mock.txOps()).toHaveLength(BOOK_OPERATIONS.created);
  });

  it('never confirms more than the seats, even after the seat count was lowered', async () => {
    cannedSlot(SLOT, slotDoc({ taken: 3 }));
    const { booking } = await bookings().book(request({ seats: 2 }));
    expect(booking.status).toBe('waitlisted');
    expect(written('booking_slots', SLOT)).toMatchObject({ taken: 3, waitlist: [booking.id] });
  });

  it('creates the slot also when the SDK throws not-found for it', async () => {
    mock
      .txDoc('booking_slots', SLOT)
      .get.mockRejectedValueOnce(notFoundError('booking_slots', SLOT));
    expect((await bookings().book(request())).kind).toBe('created');
    expect(written('booking_slots', SLOT)).toMatchObject({ taken: 1 });
  });

  it(`returns a retried request's booking in ${BOOK_OPERATIONS.existing} operations, whatever its status`, async () => {
    cannedSlot(SLOT, slotDoc({ taken: 2, requests: { 'wx:o-1|req-aaaaaaaa': 'b1' } }));
    cannedBooking('b1', { status: 'cancelled', closedAt: NOW_ISO });
    expect(await bookings().book(request())).toEqual({
      kind: 'existing',
      booking: record({ status: 'cancelled', closedAt: NOW_ISO }),
    });
    expect(mock.txOps()).toEqual([`get booking_slots/${SLOT}`, 'get bookings/b1']);
    expect(BOOK_OPERATIONS.existing).toBe(2);
  });

  it("returns the resident's live booking in the slot for a new request id", async () => {
    cannedSlot(SLOT, slotDoc({ taken: 2, holders: { 'wx:o-1': 'b1' } }));
    cannedBooking('b1', { status: 'waitlisted', waitlistedAt: EARLIER });
    expect(await bookings().book(request({ requestId: 'req-other-123' }))).toEqual({
      kind: 'existing',
      booking: record({ status: 'waitlisted', waitlistedAt: EARLIER }),
    });
    expect(mock.txOps()).toHaveLength(BOOK_OPERATIONS.existing);
    noWrites();
  });

  it('a booking staff make for someone has no holder entry, and an empty user part', async () => {
    cannedSlot(SLOT, slotDoc({ taken: 1, requests: { '|wx:o-staff:req-1': 'b0' } }));
    const staffMade = request({ userId: null, name: '王阿姨', requestId: 'wx:o-staff:req-2' });
    const { kind, booking } = await bookings().book(staffMade);
    expect(kind).toBe('created');
    expect(booking).toMatchObject({ userId: null, name: '王阿姨', status: 'confirmed' });
    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({
        taken: 2,
        requests: { '|wx:o-staff:req-1': 'b0', '|wx:o-staff:req-2': booking.id },
        holders: {},
      }),
    );
  });

  it('encodes ids CloudBase field names cannot hold', async () => {
    const { booking } = await bookings().book(request({ userId: 'u.1', requestId: 'r$1' }));
    expect(written('booking_slots', SLOT)).toMatchObject({
      requests: { 'u%2E1|r%241': booking.id },
      holders: { 'u%2E1': booking.id },
    });
  });

  it('runs the whole transaction again after a conflict', async () => {
    instantRetries();
    mock.runTransaction.mockRejectedValueOnce(new Error('database transaction conflict'));
    cannedSlot(SLOT, slotDoc({ taken: 1 }));
    expect(await bookings().book(request())).toMatchObject({
      kind: 'created',
      booking: { status: 'confirmed' },
    });
    expect(mock.runTransaction).toHaveBeenCalledTimes(2);
  });

  it(`a retry after a lost commit reply finds its own booking in ${BOOK_OPERATIONS.existing} operations`, async () => {
    instantRetries();
    let firstId = '';
    mock.runTransaction.mockImplementationOnce(async (run) => {
      const first = (await run({
        collection: (name) => ({ doc: (id) => mock.txDoc(name, id) }),
      })) as { booking: BookingRecord };
      firstId = first.booking.id;
      // The commit happened, the reply was lost: the rerun reads what was committed.
      cannedSlot(SLOT, written('booking_slots', SLOT));
      mock.txDoc('bookings', firstId).get.mockResolvedValueOnce({
        data: written('bookings', firstId),
      });
      throw new Error('ESOCKETTIMEDOUT');
    });
    const outcome = await bookings().book(request());
    expect(outcome).toEqual({
      kind: 'existing',
      booking: expect.objectContaining({ id: firstId }),
    });
    expect(mock.txOps().slice(BOOK_OPERATIONS.created)).toEqual([
      `get booking_slots/${SLOT}`,
      `get bookings/${firstId}`,
    ]);
  });

  it('does not retry a malformed slot document, and names the field', async () => {
    cannedSlot(SLOT, slotDoc({ taken: 'two' }));
    await expect(bookings().book(request())).rejects.toThrow(
      `booking_slots/${SLOT}: bad or missing "taken"`,
    );
    cannedSlot(SLOT, slotDoc({ waitlist: [1] }));
    await expect(bookings().book(request())).rejects.toThrow('"waitlist"');
    expect(mock.runTransaction).toHaveBeenCalledTimes(2);
    noWrites();
  });

  it('fails loudly when a map entry points at a missing booking', async () => {
    cannedSlot(SLOT, slotDoc({ requests: { 'wx:o-1|req-aaaaaaaa': 'gone' } }));
    await expect(bookings().book(request())).rejects.toThrow('booking gone');
    noWrites();
  });
});

describe('bookings.cancel', () => {
  it('returns null for a missing booking or one whose status moved on, after one read', async () => {
    expect(await bookings().cancel('none', ['confirmed'], NOW)).toBeNull();
    cannedBooking('b1', { status: 'checked-in' });
    expect(await bookings().cancel('b1', ['confirmed', 'waitlisted'], NOW)).toBeNull();
    expect(mock.txOps()).toEqual(['get bookings/none', 'get bookings/b1']);
    expect(CANCEL_OPERATIONS.stale).toBe(1);
  });

  it(`cancels and frees the seat in ${CANCEL_OPERATIONS.cancelled} operations`, async () => {
    cannedBooking('b1');
    const requests = { 'wx:o-1|req-aaaaaaaa': 'b1', 'wx:o-2|req-bbbbbbbb': 'b2' };
    cannedSlot(SLOT, slotDoc({ taken: 2, requests, holders: { 'wx:o-1': 'b1', 'wx:o-2': 'b2' } }));
    expect(await bookings().cancel('b1', ['confirmed', 'waitlisted'], NOW)).toEqual({
      cancelled: record({ status: 'cancelled', closedAt: NOW_ISO }),
      promoted: null,
    });
    expect(mock.txOps()).toEqual([
      'get bookings/b1',
      `get booking_slots/${SLOT}`,
      'update bookings/b1',
      `set booking_slots/${SLOT}`,
    ]);
    expect(patched('bookings', 'b1')).toEqual({ status: 'cancelled', closedAt: NOW_ISO });
    // A retried request still finds its (cancelled) booking; the user can book the slot again.
    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({ taken: 1, requests, holders: { 'wx:o-2': 'b2' } }),
    );
  });

  it(`gives the freed seat to the first on the waitlist in ${CANCEL_OPERATIONS.promoted} operations`, async () => {
    cannedBooking('b1');
    cannedSlot(
      SLOT,
      slotDoc({
        taken: 2,
        waitlist: ['b3', 'b4'],
        holders: { 'wx:o-1': 'b1', 'wx:o-3': 'b3', 'wx:o-4': 'b4' },
      }),
    );
    cannedBooking('b3', { userId: 'wx:o-3', status: 'waitlisted', waitlistedAt: EARLIER });
    const result = await bookings().cancel('b1', ['confirmed'], NOW);
    expect(result).toEqual({
      cancelled: record({ status: 'cancelled', closedAt: NOW_ISO }),
      promoted: record({
        id: 'b3',
        userId: 'wx:o-3',
        status: 'confirmed',
        waitlistedAt: null,
        promotedAt: NOW_ISO,
      }),
    });
    expect(mock.txOps()).toEqual([
      'get bookings/b1',
      `get booking_slots/${SLOT}`,
      'update bookings/b1',
      'get bookings/b3',
      'update bookings/b3',
      `set booking_slots/${SLOT}`,
    ]);
    expect(patched('bookings', 'b3')).toEqual({
      status: 'confirmed',
      waitlistedAt: null,
      promotedAt: NOW_ISO,
    });
    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({ taken: 2, waitlist: ['b4'], holders: { 'wx:o-3': 'b3', 'wx:o-4': 'b4' } }),
    );
  });

  it('a checked-in booking holds a seat too', async () => {
    cannedBooking('b1', { status: 'checked-in', checkedInAt: EARLIER });
    cannedSlot(SLOT, slotDoc({ taken: 1, waitlist: ['b3'], holders: { 'wx:o-1': 'b1' } }));
    cannedBooking('b3', { userId: null, status: 'waitlisted', waitlistedAt: EARLIER });
    const result = await bookings().cancel('b1', ['checked-in'], NOW);
    expect(result?.promoted).toMatchObject({ id: 'b3', status: 'confirmed' });
    expect(written('booking_slots', SLOT)).toMatchObject({ taken: 1, waitlist: [], holders: {} });
  });

  it('withdrawing from the waitlist leaves the seats and promotes nobody', async () => {
    cannedBooking('b4', { userId: 'wx:o-4', status: 'waitlisted', waitlistedAt: EARLIER });
    cannedSlot(
      SLOT,
      slotDoc({ taken: 2, waitlist: ['b3', 'b4', 'b5'], holders: { 'wx:o-4': 'b4' } }),
    );
    const result = await bookings().cancel('b4', ['waitlisted'], NOW);
    expect(result).toMatchObject({ cancelled: { status: 'cancelled' }, promoted: null });
    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({ taken: 2, waitlist: ['b3', 'b5'], holders: {} }),
    );
    expect(mock.txOps()).toHaveLength(CANCEL_OPERATIONS.cancelled);
  });

  it('cancelling a booking whose slot is over (completed) promotes nobody', async () => {
    cannedBooking('b1', { status: 'completed', closedAt: EARLIER });
    cannedSlot(SLOT, slotDoc({ taken: 2, waitlist: ['b3'] }));
    const result = await bookings().cancel('b1', ['completed'], NOW);
    expect(result).toMatchObject({ cancelled: { status: 'cancelled' }, promoted: null });
    expect(written('booking_slots', SLOT)).toEqual(slotDoc({ taken: 1, waitlist: ['b3'] }));
    expect(mock.txOps()).toHaveLength(CANCEL_OPERATIONS.cancelled);
  });

  it("leaves another booking's holder entry alone", async () => {
    cannedBooking('b1');
    cannedSlot(SLOT, slotDoc({ taken: 1, holders: { 'wx:o-1': 'b9' } }));
    await bookings().cancel('b1', ['confirmed'], NOW);
    expect(written('booking_slots', SLOT)).toMatchObject({ holders: { 'wx:o-1': 'b9' } });
  });

  it('fails loudly, writing nothing, when the slot or a waitlisted booking is not as written', async () => {
    cannedBooking('b1');
    await expect(bookings().cancel('b1', ['confirmed'], NOW)).rejects.toThrow(
      `bookings/b1: bad or missing "slot ${SLOT}"`,
    );
    expect(mock.txDoc('bookings', 'b1').update).not.toHaveBeenCalled();

    cannedBooking('b1');
    cannedSlot(SLOT, slotDoc({ taken: 1, waitlist: ['b3'] }));
    cannedBooking('b3', { status: 'cancelled' });
    await expect(bookings().cancel('b1', ['confirmed'], NOW)).rejects.toThrow('waitlist b3');
    // The transaction throws before committing, so the update of b1 is rolled back.
    expect(mock.txDoc('booking_slots', SLOT).set).not.toHaveBeenCalled();
  });
});

describe('bookings.reschedule', () => {
  const move = (fields: Partial<BookRequest> = {}) =>
    bookings().reschedule(
      'b1',
      request({ slotId: SLOT2, startsAt: '18:00', requestId: 'move-req-0001', ...fields }),
    );

  it(`refuses a full slot after ${RESCHEDULE_OPERATIONS.full} reads, leaving everything`, async () => {
    cannedBooking('b1');
    cannedSlot(SLOT2, slot2Doc({ taken: 2, waitlist: ['b7'] }));
    expect(await move()).toEqual({ kind: 'full' });
    expect(mock.txOps()).toEqual(['get bookings/b1', `get booking_slots/${SLOT2}`]);
  });

  it(`moves to a free seat in ${RESCHEDULE_OPERATIONS.moved} operations: new seat first, then the old one cancelled`, async () => {
    cannedBooking('b1');
    cannedSlot(SLOT2, slot2Doc({ taken: 1, holders: { 'wx:o-2': 'b2' } }));
    cannedSlot(
      SLOT,
      slotDoc({ taken: 2, requests: { 'wx:o-1|req-aaaaaaaa': 'b1' }, holders: { 'wx:o-1': 'b1' } }),
    );
    const result = await move();
    if (result.kind !== 'moved') throw new Error(result.kind);
    const id = result.booking.id;
    expect(result).toEqual({
      kind: 'moved',
      booking: record({
        id,
        slotId: SLOT2,
        startsAt: '18:00',
        requestId: 'move-req-0001',
        createdAt: NOW_ISO,
      }),
      promoted: null,
    });
    expect(mock.txOps()).toEqual([
      'get bookings/b1',
      `get booking_slots/${SLOT2}`,
      `get booking_slots/${SLOT}`,
      `set bookings/${id}`,
      'update bookings/b1',
      `set booking_slots/${SLOT2}`,
      `set booking_slots/${SLOT}`,
    ]);
    expect(mock.txOps()).toHaveLength(RESCHEDULE_OPERATIONS.moved);
    expect(written('bookings', id)).toMatchObject({ status: 'confirmed', slotId: SLOT2 });
    expect(patched('bookings', 'b1')).toEqual({ status: 'cancelled', closedAt: NOW_ISO });
    expect(written('booking_slots', SLOT2)).toEqual(
      slot2Doc({
        taken: 2,
        requests: { 'wx:o-1|move-req-0001': id },
        holders: { 'wx:o-2': 'b2', 'wx:o-1': id },
      }),
    );
    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({ taken: 1, requests: { 'wx:o-1|req-aaaaaaaa': 'b1' }, holders: {} }),
    );
  });

  it(`gives the old seat to that slot's waitlist in ${RESCHEDULE_OPERATIONS.promoted} operations`, async () => {
    cannedBooking('b1');
    cannedSlot(SLOT2, slot2Doc());
    cannedSlot(
      SLOT,
      slotDoc({ taken: 2, waitlist: ['b3'], holders: { 'wx:o-1': 'b1', 'wx:o-3': 'b3' } }),
    );
    cannedBooking('b3', { userId: 'wx:o-3', status: 'waitlisted', waitlistedAt: EARLIER });
    const result = await move();
    if (result.kind !== 'moved') throw new Error(result.kind);
    expect(result.promoted).toEqual(
      record({ id: 'b3', userId: 'wx:o-3', status: 'confirmed', promotedAt: NOW_ISO }),
    );
    expect(mock.txOps()).toHaveLength(RESCHEDULE_OPERATIONS.promoted);
    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({ taken: 2, waitlist: [], holders: { 'wx:o-3': 'b3' } }),
    );
    expect(written('booking_slots', SLOT2)).toMatchObject({ taken: 1 });
  });

  it('moves a waitlisted booking to a seat, leaving its old slot’s seats', async () => {
    cannedBooking('b1', { status: 'waitlisted', waitlistedAt: EARLIER });
    cannedSlot(SLOT2, slot2Doc({ taken: 1 }));
    cannedSlot(SLOT, slotDoc({ taken: 2, waitlist: ['b1', 'b5'], holders: { 'wx:o-1': 'b1' } }));
    const result = await move();
    expect(result).toMatchObject({
      kind: 'moved',
      booking: { status: 'confirmed' },
      promoted: null,
    });
    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({ taken: 2, waitlist: ['b5'], holders: {} }),
    );
    expect(mock.txOps()).toHaveLength(RESCHEDULE_OPERATIONS.moved);
  });

  it.each(['checked-in', 'completed', 'cancelled'] as const)(
    'is stale when the booking is %s, writing nothing',
    async (status) => {
      cannedBooking('b1', { status });
      cannedSlot(SLOT2, slot2Doc());
      expect(await move()).toEqual({ kind: 'stale' });
      noWrites();
    },
  );

  it('is stale for a missing booking', async () => {
    expect(await move()).toEqual({ kind: 'stale' });
    noWrites();
  });

  it('a retried move finds the booking it made, though the old one is cancelled by then', async () => {
    cannedBooking('b1', { status: 'cancelled', closedAt: NOW_ISO });
    cannedSlot(SLOT2, slot2Doc({ taken: 2, requests: { 'wx:o-1|move-req-0001': 'b8' } }));
    cannedBooking('b8', { slotId: SLOT2, startsAt: '18:00', requestId: 'move-req-0001' });
    expect(await move()).toEqual({
      kind: 'existing',
      booking: record({ id: 'b8', slotId: SLOT2, startsAt: '18:00', requestId: 'move-req-0001' }),
      promoted: null,
    });
    noWrites();
  });

  it('returns the booking the resident already holds in the new slot, changing nothing', async () => {
    cannedBooking('b1');
    cannedSlot(SLOT2, slot2Doc({ taken: 1, holders: { 'wx:o-1': 'b6' } }));
    cannedBooking('b6', { slotId: SLOT2, startsAt: '18:00' });
    expect(await move()).toEqual({
      kind: 'existing',
      booking: record({ id: 'b6', slotId: SLOT2, startsAt: '18:00' }),
      promoted: null,
    });
    // Also when the old booking has moved on meanwhile, as SQLite checks it first too.
    cannedBooking('b1', { status: 'completed' });
    cannedSlot(SLOT2, slot2Doc({ taken: 1, holders: { 'wx:o-1': 'b6' } }));
    cannedBooking('b6', { slotId: SLOT2, startsAt: '18:00' });
    expect(await move()).toMatchObject({ kind: 'existing', booking: { id: 'b6' } });
    noWrites();
  });

  it('a move within its own slot counts its own seat: full when that fills the slot', async () => {
    cannedBooking('b1');
    cannedSlot(SLOT, slotDoc({ taken: 2, holders: { 'wx:o-1': 'b1' } }));
    expect(await move({ slotId: SLOT, startsAt: '17:30' })).toEqual({ kind: 'full' });
    noWrites();
  });

  it('a move within its own slot writes the one slot document once', async () => {
    cannedBooking('b1');
    const requests = { 'wx:o-1|req-aaaaaaaa': 'b1' };
    cannedSlot(SLOT, slotDoc({ taken: 1, requests, holders: { 'wx:o-1': 'b1' } }));
    const result = await move({ slotId: SLOT, startsAt: '17:30' });
    if (result.kind !== 'moved') throw new Error(result.kind);
    const id = result.booking.id;
    expect(mock.txOps()).toEqual([
      'get bookings/b1',
      `get booking_slots/${SLOT}`,
      `set bookings/${id}`,
      'update bookings/b1',
      `set booking_slots/${SLOT}`,
    ]);
    // One seat taken, now by the new booking, which is also the resident's holder entry.
    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({
        taken: 1,
        requests: { ...requests, 'wx:o-1|move-req-0001': id },
        holders: { 'wx:o-1': id },
      }),
    );
  });

  it('a booking staff made (no holder entry) moves within its slot the same way', async () => {
    cannedBooking('b1', { userId: null, name: '王阿姨' });
    cannedSlot(SLOT, slotDoc({ taken: 1, waitlist: [], requests: { '|s:req-1': 'b1' } }));
    const result = await move({ slotId: SLOT, startsAt: '17:30', userId: null, name: '王阿姨' });
    if (result.kind !== 'moved') throw new Error(result.kind);
    expect(result.booking).toMatchObject({ userId: null, name: '王阿姨', status: 'confirmed' });
    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({
        taken: 1,
        requests: { '|s:req-1': 'b1', '|move-req-0001': result.booking.id },
        holders: {},
      }),
    );
  });
});

describe('bookings.update', () => {
  it(`sets remindedAt in ${UPDATE_OPERATIONS.booking} operations, as UTC`, async () => {
    cannedBooking('b1');
    const reminded = await bookings().update('b1', ['confirmed'], {
      remindedAt: '2026-12-02T14:00:00+08:00',
    });
    expect(reminded).toEqual(record({ remindedAt: NOW_ISO }));
    expect(mock.txOps()).toEqual(['get bookings/b1', 'update bookings/b1']);
    expect(patched('bookings', 'b1')).toEqual({ remindedAt: NOW_ISO });
  });

  it('checks in without touching the slot: the seat stays taken', async () => {
    cannedBooking('b1');
    const checked = await bookings().update('b1', ['confirmed'], {
      status: 'checked-in',
      checkedInAt: NOW_ISO,
    });
    expect(checked).toEqual(record({ status: 'checked-in', checkedInAt: NOW_ISO }));
    expect(mock.txOps()).toHaveLength(UPDATE_OPERATIONS.booking);
  });

  it.each(['completed', 'no-show'] as const)(
    `%s keeps the seat but ends the holder entry, in ${UPDATE_OPERATIONS.slot} operations`,
    async (status) => {
      cannedBooking('b1', { status: 'checked-in' });
      cannedSlot(SLOT, slotDoc({ taken: 2, holders: { 'wx:o-1': 'b1', 'wx:o-2': 'b2' } }));
      await bookings().update('b1', ['confirmed', 'checked-in'], { status, closedAt: NOW_ISO });
      expect(mock.txOps()).toEqual([
        'get bookings/b1',
        `get booking_slots/${SLOT}`,
        'update bookings/b1',
        `set booking_slots/${SLOT}`,
      ]);
      expect(written('booking_slots', SLOT)).toEqual(
        slotDoc({ taken: 2, holders: { 'wx:o-2': 'b2' } }),
      );
    },
  );

  it('a cancellation through update gives the seat back but promotes nobody', async () => {
    cannedBooking('b1');
    cannedSlot(SLOT, slotDoc({ taken: 2, waitlist: ['b3'], holders: { 'wx:o-1': 'b1' } }));
    await bookings().update('b1', ['confirmed'], { status: 'cancelled', closedAt: NOW_ISO });
    expect(written('booking_slots', SLOT)).toEqual(
      slotDoc({ taken: 1, waitlist: ['b3'], holders: {} }),
    );
    expect(mock.txDoc('bookings', 'b3').get).not.toHaveBeenCalled();
  });

  it('returns null when missing or moved on, and writes nothing for an empty patch', async () => {
    expect(await bookings().update('none', ['confirmed'], { remindedAt: NOW_ISO })).toBeNull();
    cannedBooking('b1', { status: 'cancelled' });
    expect(await bookings().update('b1', ['confirmed'], { remindedAt: NOW_ISO })).toBeNull();
    cannedBooking('b1');
    expect(await bookings().update('b1', ['confirmed'], {})).toEqual(record());
    noWrites();
  });
});

describe('bookings settings and single reads', () => {
  const settings = {
    slotMinutes: 15,
    seatsPerSlot: 3,
    cutoffHours: 2,
    bring: ['身份证'],
    weekdays: [3],
  };

  it('sets settings under <community>:<service> and reads back only the settings', async () => {
    await bookings().saveSettings('c1', 'paperwork', settings);
    expect(mock.doc('booking_settings', 'c1:paperwork').set).toHaveBeenCalledWith({
      data: { community: 'c1', service: 'paperwork', ...settings },
    });
    mock.doc('booking_settings', 'c1:paperwork').get.mockResolvedValueOnce({
      data: { _id: 'c1:paperwork', community: 'c1', service: 'paperwork', ...settings },
    });
    expect(await bookings().getSettings('c1', 'paperwork')).toEqual(settings);
    expect(await bookings().getSettings('c1', 'repair')).toBeNull();
    mock.doc('booking_settings', 'c1:x').get.mockResolvedValueOnce({
      data: { ...settings, bring: '身份证' },
    });
    await expect(bookings().getSettings('c1', 'x')).rejects.toThrow('"bring"');
  });

  it('getBooking maps the document by _id, or null; an unknown status fails loudly', async () => {
    mock.doc('bookings', 'b1').get.mockResolvedValueOnce({ data: { _id: 'b1', ...bookingDoc() } });
    expect(await bookings().getBooking('b1')).toEqual(record());
    mock.doc('bookings', 'gone').get.mockRejectedValueOnce(notFoundError('bookings', 'gone'));
    expect(await bookings().getBooking('gone')).toBeNull();
    mock.doc('bookings', 'b2').get.mockResolvedValueOnce({
      data: bookingDoc({ status: 'lost' as 'confirmed' }),
    });
    await expect(bookings().getBooking('b2')).rejects.toThrow(
      'bookings/b2: bad or missing "status"',
    );
    expect(mock.runTransaction).not.toHaveBeenCalled();
  });

  it('waitlistPosition is the 1-based place on the slot document, 0 when not on it', async () => {
    const slot = mock.doc('booking_slots', SLOT);
    slot.get.mockResolvedValueOnce({ data: slotDoc({ taken: 2, waitlist: ['b3', 'b1'] }) });
    expect(await bookings().waitlistPosition(record({ status: 'waitlisted' }))).toBe(2);
    slot.get.mockResolvedValueOnce({ data: slotDoc({ taken: 2, waitlist: ['b3'] }) });
    expect(await bookings().waitlistPosition(record())).toBe(0);
    expect(await bookings().waitlistPosition(record())).toBe(0);
    expect(mock.dbOps()).toEqual(Array(3).fill(`get booking_slots/${SLOT}`));
  });
});

describe('bookings queries', () => {
  const page = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({ _id: `b${from + i + 1}`, ...bookingDoc() }));

  it('slotCounts reads the slot documents of one service and date, without their maps', async () => {
    mock.pages.push([
      { _id: SLOT, taken: 2, waitlist: ['b3', 'b4'] },
      // Every booking cancelled: still reported, with zeros, as SQLite does.
      { _id: SLOT2, taken: 0, waitlist: [] },
      { _id: 'c1_paperwork_20261202_1830', taken: 1 },
    ]);
    expect(await bookings().slotCounts('c1', 'paperwork', DATE)).toEqual([
      { slotId: SLOT, taken: 2, waitlisted: 2 },
      { slotId: SLOT2, taken: 0, waitlisted: 0 },
      { slotId: 'c1_paperwork_20261202_1830', taken: 1, waitlisted: 0 },
    ]);
    expect(mock.queries).toEqual([
      {
        collection: 'booking_slots',
        steps: [
          ['where', { community: 'c1', service: 'paperwork', date: DATE }],
          ['orderBy', 'startsAt', 'asc'],
          ['field', { _id: true, taken: true, waitlist: true }],
          ['skip', 0],
          ['limit', PAGE_SIZE],
          ['get'],
        ],
      },
    ]);
    expect(mock.runTransaction).not.toHaveBeenCalled();
  });

  it("ofUser queries a resident's bookings, newest evening first, paging past 100", async () => {
    mock.pages.push(page(0, 100), page(100, 100), page(200, 3));
    const list = await bookings().ofUser('wx:o-1');
    expect(list).toHaveLength(203);
    expect(list[0]).toEqual(record());
    expect(list.at(-1)!.id).toBe('b203');
    expect(mock.queries[0]).toEqual({
      collection: 'bookings',
      steps: [
        ['where', { userId: 'wx:o-1' }],
        ['orderBy', 'date', 'desc'],
        ['orderBy', 'startsAt', 'desc'],
        ['orderBy', 'createdAt', 'desc'],
        ['orderBy', '_id', 'asc'],
        ['skip', 0],
        ['limit', PAGE_SIZE],
        ['get'],
      ],
    });
    expect(mock.queries.map((q) => q.steps.find(([s]) => s === 'skip'))).toEqual([
      ['skip', 0],
      ['skip', 100],
      ['skip', 200],
    ]);
  });

  it("erasePhones clears only the resident's bookings that carry a phone, one document each", async () => {
    mock.pages.push([
      { _id: 'b1', ...bookingDoc(), phone: '13812345678' },
      { _id: 'b2', ...bookingDoc() },
      { _id: 'b3', ...bookingDoc(), phone: '13900000000' },
    ]);
    expect(await bookings().erasePhones('wx:o-1')).toBe(2);
    expect(mock.queries[0]!.steps.slice(0, 2)).toEqual([
      ['where', { userId: 'wx:o-1' }],
      ['orderBy', '_id', 'asc'],
    ]);
    expect(mock.doc('bookings', 'b1').update).toHaveBeenCalledWith({ data: { phone: null } });
    expect(mock.doc('bookings', 'b3').update).toHaveBeenCalledWith({ data: { phone: null } });
    expect(mock.doc('bookings', 'b2').update).not.toHaveBeenCalled();
  });

  it('stops after an empty page when the count is a multiple of 100', async () => {
    mock.pages.push(page(0, 100));
    expect(await bookings().ofUser('wx:o-1')).toHaveLength(100);
    expect(mock.queries).toHaveLength(2);
  });

  it('listForDate filters by service only when given, in slot order', async () => {
    mock.pages.push(page(0, 2));
    expect(await bookings().listForDate('c1', DATE)).toHaveLength(2);
    await bookings().listForDate('c1', DATE, 'paperwork');
    const order = [
      ['orderBy', 'startsAt', 'asc'],
      ['orderBy', 'createdAt', 'asc'],
      ['orderBy', '_id', 'asc'],
    ];
    expect(mock.queries.map((q) => q.steps)).toEqual([
      [['where', { community: 'c1', date: DATE }], ...order, ['skip', 0], ['limit', 100], ['get']],
      [
        ['where', { community: 'c1', date: DATE, service: 'paperwork' }],
        ...order,
        ['skip', 0],
        ['limit', 100],
        ['get'],
      ],
    ]);
  });

  it('dueReminders asks for the confirmed bookings of the date not yet reminded, paging', async () => {
    mock.pages.push(page(0, 100), page(100, 1));
    expect(await bookings().dueReminders(DATE)).toHaveLength(101);
    expect(mock.queries[0]!.steps.slice(0, 3)).toEqual([
      ['where', { date: DATE, status: 'confirmed', remindedAt: null }],
      ['orderBy', 'startsAt', 'asc'],
      ['orderBy', '_id', 'asc'],
    ]);
    expect(mock.queries[1]!.steps).toContainEqual(['skip', 100]);
  });

  it('fails loudly on a malformed booking in a page', async () => {
    mock.pages.push([{ _id: 'b1', ...bookingDoc(), createdAt: 5 }]);
    await expect(bookings().listForDate('c1', DATE)).rejects.toThrow(
      'bookings/b1: bad or missing "createdAt"',
    );
  });
});

describe('collectionPrefix', () => {
  it('prefixes the booking collections, inside transactions too', async () => {
    const prefixed = createCloudBaseStore(mock.db, { collectionPrefix: 'contract_' }).bookings;
    await prefixed.getSettings('c1', 'paperwork');
    await prefixed.getBooking('b1');
    await prefixed.slotCounts('c1', 'paperwork', DATE);
    const { booking } = await prefixed.book(request());
    expect(mock.collections).toEqual([
      'contract_booking_settings',
      'contract_bookings',
      'contract_booking_slots',
    ]);
    expect(mock.txOps()).toEqual([
      `get contract_booking_slots/${SLOT}`,
      `set contract_booking_slots/${SLOT}`,
      `set contract_bookings/${booking.id}`,
    ]);
  });
});
