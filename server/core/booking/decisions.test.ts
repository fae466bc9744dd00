/** The booking decisions the stores apply, on plain records: no store. */
import type { BookingStatus } from '../../../contract/booking';
import type { BookingRecord, BookRequest } from '../ports';
import {
  closedBy,
  decideBook,
  decideCancel,
  decideRemind,
  decideReschedule,
  decideUpdate,
  holdsSeat,
  holdsSlot,
  legacyCode,
  movesSlot,
  newBooking,
  pickCode,
} from './decisions';

const NOW = new Date('2026-12-02T06:00:00.000Z');
const NOW_ISO = NOW.toISOString();
const none = { retried: null, held: null };

const request = (fields: Partial<BookRequest> = {}): BookRequest => ({
  slotId: 'c1_paperwork_20261202_1900',
  community: 'c1',
  service: 'paperwork',
  date: '2026-12-02',
  startsAt: '19:00',
  userId: 'wx:o-1',
  name: '王阿姨',
  phone: null,
  requestId: 'req-1',
  seats: 2,
  waitlist: true,
  codes: ['AAAA', 'BBBB', 'CCCC'],
  now: NOW,
  ...fields,
});

const booking = (status: BookingStatus, fields: Partial<BookingRecord> = {}): BookingRecord => ({
  ...newBooking(request(), 'b1', 'confirmed', 'AAAA'),
  status,
  ...fields,
});

describe('decideBook', () => {
  it('answers a retried request or a held slot with that booking, seats or not', () => {
    expect(decideBook({ known: { retried: 'b1', held: 'b2' }, taken: 9 }, request())).toEqual({
      kind: 'existing',
      id: 'b1',
    });
    expect(decideBook({ known: { retried: null, held: 'b2' }, taken: 0 }, request())).toEqual({
      kind: 'existing',
      id: 'b2',
    });
  });

  it('confirms while seats are left, then waitlists, or is full without a waitlist', () => {
    expect(decideBook({ known: none, taken: 1 }, request())).toEqual({
      kind: 'create',
      status: 'confirmed',
    });
    expect(decideBook({ known: none, taken: 2 }, request())).toEqual({
      kind: 'create',
      status: 'waitlisted',
    });
    expect(decideBook({ known: none, taken: 2 }, request({ waitlist: false }))).toEqual({
      kind: 'full',
    });
  });

  it('refuses a cancelled date, seats or not, but answers a retry with what it made', () => {
    const closed = { reason: '台风停课' };
    expect(decideBook({ known: none, taken: 0, closed }, request())).toEqual({
      kind: 'closed',
      reason: '台风停课',
    });
    // Before the limits: a resident at their limit hears the date is cancelled.
    const held = [
      { id: 'b9', date: '2026-12-02', startsAt: '18:00', status: 'confirmed' as const },
    ];
    const caps = { perEvening: 1, open: 1, from: '2026-11-28' };
    expect(decideBook({ known: none, taken: 0, closed }, request({ caps }), held).kind).toBe(
      'closed',
    );
    const retried = { known: { retried: 'b1', held: null }, taken: 0, closed };
    expect(decideBook(retried, request())).toEqual({ kind: 'existing', id: 'b1' });
  });

  it('reads a cancelled calendar entry as closed, an extra one or none as open', () => {
    expect(closedBy({ kind: 'cancelled', reason: '台风停课' })).toEqual({ reason: '台风停课' });
    expect(closedBy({ kind: 'extra', reason: '' })).toBeNull();
    expect(closedBy(null)).toBeNull();
  });
});

describe('pickCode', () => {
  it('keeps the first candidate not taken on the evening', () => {
    expect(pickCode(['AAAA', 'BBBB', 'CCCC'], new Set())).toBe('AAAA');
    expect(pickCode(['AAAA', 'BBBB', 'CCCC'], new Set(['AAAA', 'CCCC']))).toBe('BBBB');
  });

  it('fails when every candidate is taken', () => {
    expect(() => pickCode(['AAAA', 'BBBB'], new Set(['AAAA', 'BBBB']))).toThrow(
      'No free booking code among 2',
    );
  });
});

describe('newBooking', () => {
  it('stamps a waitlisted booking with its place in line, a confirmed one without', () => {
    const waiting = newBooking(request(), 'b9', 'waitlisted', 'CCCC');
    expect(waiting).toMatchObject({
      id: 'b9',
      code: 'CCCC',
      status: 'waitlisted',
      createdAt: NOW_ISO,
      waitlistedAt: NOW_ISO,
      promotedAt: null,
      remindedAt: null,
    });
    expect(newBooking(request(), 'b9', 'confirmed', 'CCCC').waitlistedAt).toBeNull();
  });
});

describe('seats and holders', () => {
  it('counts a seat for every status but waitlisted and cancelled', () => {
    const seated = (['confirmed', 'checked-in', 'completed', 'no-show'] as const).map(holdsSeat);
    expect(seated).toEqual([true, true, true, true]);
    expect(holdsSeat('waitlisted')).toBe(false);
    expect(holdsSeat('cancelled')).toBe(false);
  });

  it('makes a live booking (confirmed, waitlisted, checked in) its user’s one of the slot', () => {
    expect(holdsSlot('waitlisted')).toBe(true);
    expect(holdsSlot('checked-in')).toBe(true);
    expect(holdsSlot('completed')).toBe(false);
    expect(holdsSlot('cancelled')).toBe(false);
  });

  it('moves the slot when a seat, the waitlist or the holder changes; check-in moves none', () => {
    expect(movesSlot('confirmed', 'checked-in')).toBe(false);
    expect(movesSlot('completed', 'no-show')).toBe(false);
    expect(movesSlot('checked-in', 'completed')).toBe(true);
    expect(movesSlot('confirmed', 'cancelled')).toBe(true);
    expect(movesSlot('waitlisted', 'confirmed')).toBe(true);
    expect(movesSlot('no-show', 'confirmed')).toBe(true);
  });
});

describe('legacyCode', () => {
  it('spells 5 characters of the code alphabet from the id, the same every time', () => {
    const code = legacyCode('old-booking-1');
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
    expect(legacyCode('old-booking-1')).toBe(code);
    expect(legacyCode('old-booking-2')).not.toBe(code);
  });
});

describe('decideCancel', () => {
  it('frees one seat from a confirmed or checked-in booking', () => {
    for (const status of ['confirmed', 'checked-in'] as const) {
      const decided = decideCancel(booking(status), ['confirmed', 'checked-in'], NOW);
      expect(decided?.seatsFreed).toBe(1);
      expect(decided?.cancelled).toMatchObject({ status: 'cancelled', closedAt: NOW_ISO });
      expect(decided?.booking.status).toBe(status);
    }
  });

  it('frees none when leaving the waitlist or a slot that is over', () => {
    expect(decideCancel(booking('waitlisted'), ['waitlisted'], NOW)?.seatsFreed).toBe(0);
    expect(decideCancel(booking('no-show'), ['no-show'], NOW)?.seatsFreed).toBe(0);
  });

  it('does nothing when the status moved on, or there is no booking', () => {
    expect(decideCancel(booking('completed'), ['confirmed'], NOW)).toBeNull();
    expect(decideCancel(null, ['confirmed'], NOW)).toBeNull();
  });
});

describe('decideReschedule', () => {
  const old = booking('confirmed', { id: 'old' });

  it('gives a retried move the booking it made, even once the old one is cancelled', () => {
    const target = { known: { retried: 'new', held: null }, taken: 2 };
    expect(decideReschedule(booking('cancelled'), target, request())).toEqual({
      kind: 'existing',
      id: 'new',
    });
  });

  it('answers with the user’s other live booking in the target slot', () => {
    const target = { known: { retried: null, held: 'other' }, taken: 0 };
    expect(decideReschedule(old, target, request())).toEqual({ kind: 'existing', id: 'other' });
  });

  it('moves within its own slot: the old booking holding it does not count', () => {
    const target = { known: { retried: null, held: 'old' }, taken: 1 };
    const decision = decideReschedule(old, target, request());
    expect(decision.kind).toBe('move');
  });

  it('is stale once the booking is no longer confirmed or waitlisted', () => {
    const target = { known: none, taken: 0 };
    expect(decideReschedule(booking('checked-in'), target, request())).toEqual({ kind: 'stale' });
    expect(decideReschedule(null, target, request())).toEqual({ kind: 'stale' });
  });

  it('refuses a move to a cancelled date, seats or not, after a retry and a stale booking', () => {
    const closed = { reason: '台风停课' };
    expect(decideReschedule(old, { known: none, taken: 0, closed }, request())).toEqual({
      kind: 'closed',
      reason: '台风停课',
    });
    const retried = { known: { retried: 'new', held: null }, taken: 0, closed };
    expect(decideReschedule(booking('cancelled'), retried, request()).kind).toBe('existing');
    expect(decideReschedule(null, { known: none, taken: 0, closed }, request()).kind).toBe('stale');
  });

  it('is full without a seat, whatever the request says about the waitlist', () => {
    const target = { known: none, taken: 2 };
    expect(decideReschedule(old, target, request({ waitlist: true }))).toEqual({ kind: 'full' });
  });

  it('moves with the old booking cancelled as cancel() would, its seat freed', () => {
    const decision = decideReschedule(old, { known: none, taken: 1 }, request());
    expect(decision).toEqual({
      kind: 'move',
      cancel: {
        booking: old,
        cancelled: { ...old, status: 'cancelled', closedAt: NOW_ISO },
        seatsFreed: 1,
      },
    });
  });
});

describe('decideUpdate', () => {
  it('applies the fields given, leaving undefined ones as they are', () => {
    const b = booking('confirmed', { remindedAt: 'earlier' });
    expect(
      decideUpdate(b, ['confirmed'], {
        status: 'checked-in',
        checkedInAt: NOW_ISO,
        remindedAt: undefined,
      }),
    ).toEqual({ ...b, status: 'checked-in', checkedInAt: NOW_ISO });
  });

  it('is a compare-and-set: null when the status is not one of `from`', () => {
    expect(decideUpdate(booking('cancelled'), ['confirmed'], { status: 'completed' })).toBeNull();
    expect(decideUpdate(null, ['confirmed'], { status: 'completed' })).toBeNull();
  });
});

describe('decideRemind', () => {
  it('marks a confirmed booking not reminded yet, once', () => {
    const marked = decideRemind(booking('confirmed'), NOW_ISO);
    expect(marked?.remindedAt).toBe(NOW_ISO);
    expect(decideRemind(marked, NOW_ISO)).toBeNull();
  });

  it('marks nothing but a confirmed booking', () => {
    expect(decideRemind(booking('waitlisted'), NOW_ISO)).toBeNull();
    expect(decideRemind(null, NOW_ISO)).toBeNull();
  });
});
