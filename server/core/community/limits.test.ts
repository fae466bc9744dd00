/**
 * Fair limits per resident as plain decisions, without a store: bookings per evening, open
 * bookings at a time, numbers per evening across lines, open activity sign-ups; retries answered
 * first; staff never capped.
 */
import type { BookingStatus } from '../../../contract/booking';
import { decideBook, decideReschedule, newBooking } from '../booking/decisions';
import type { SignUpStatus } from '../../../contract/notice';
import type { BookingRecord, BookRequest, EveningRecord, LineSetup } from '../ports';
import { decideJoin, openEvening } from '../queue/evening';
import { decideSignUp } from '../notice/decisions';
import {
  bookingCapsOf,
  bookingLimit,
  bookingLimitMessage,
  DEFAULT_LIMITS,
  type HeldBooking,
  type HeldSignUp,
  limitsOf,
  numberLimit,
  numberLimitMessage,
  SELF_CHECK_IN,
  signUpCapsOf,
  signUpLimit,
  signUpLimitMessage,
} from './limits';

/** Wednesday 2 December 2026, 14:00 in Suzhou. */
const NOW = new Date('2026-12-02T06:00:00.000Z');
const CAPS = bookingCapsOf(DEFAULT_LIMITS, '2026-12-02');
const none = { retried: null, held: null };

const held = (
  id: string,
  date: string,
  startsAt = '19:00',
  status: BookingStatus = 'confirmed',
): HeldBooking => ({ id, date, startsAt, status });

const request = (fields: Partial<BookRequest> = {}): BookRequest => ({
  slotId: 'c1_paperwork_20261202_1900',
  community: 'c1',
  service: 'paperwork',
  date: '2026-12-02',
  startsAt: '19:00',
  userId: 'wx:o-1',
  name: '',
  phone: null,
  requestId: 'req-9',
  seats: 30,
  waitlist: true,
  codes: ['AAAA'],
  caps: CAPS,
  now: NOW,
  ...fields,
});

describe('limitsOf', () => {
  it('gives the defaults until staff set limits: 2 a night, 4 open, 3 numbers, 3 sign-ups', () => {
    expect(limitsOf(null)).toEqual({
      bookingsPerEvening: 2,
      openBookings: 4,
      numbersPerEvening: 3,
      openSignUps: 3,
    });
    const set = { bookingsPerEvening: 1, openBookings: 2, numbersPerEvening: 5, openSignUps: 7 };
    expect(limitsOf(set)).toEqual(set);
  });

  it('gives limits stored before the sign-up limit its default, keeping the rest', () => {
    const before = { bookingsPerEvening: 1, openBookings: 2, numbersPerEvening: 5 };
    expect(limitsOf(before)).toEqual({ ...before, openSignUps: 3 });
  });
});

describe('bookingLimit', () => {
  it('stops a third booking on one evening, not one on another evening', () => {
    const two = [held('a', '2026-12-02', '18:00'), held('b', '2026-12-02', '18:30')];
    expect(bookingLimit(two, CAPS, '2026-12-02', NOW)).toEqual({ limit: 'evening', max: 2 });
    expect(bookingLimit(two, CAPS, '2026-12-09', NOW)).toBeNull();
    expect(bookingLimit(two.slice(0, 1), CAPS, '2026-12-02', NOW)).toBeNull();
  });

  it('counts waitlist places, not cancelled bookings', () => {
    const list = [
      held('a', '2026-12-02', '18:00', 'waitlisted'),
      held('b', '2026-12-02', '18:30', 'cancelled'),
    ];
    expect(bookingLimit(list, CAPS, '2026-12-02', NOW)).toBeNull();
    list.push(held('c', '2026-12-02', '19:30', 'confirmed'));
    expect(bookingLimit(list, CAPS, '2026-12-02', NOW)).toEqual({ limit: 'evening', max: 2 });
  });

  it('stops a fifth open booking; a slot already started is not open', () => {
    const four = ['09', '16', '23', '30'].map((d) => held(d, `2026-12-${d}`));
    expect(bookingLimit(four, CAPS, '2027-01-06', NOW)).toEqual({ limit: 'open', max: 4 });
    // 2 December 19:00 has started by 20:00 Suzhou time: three left open, a fourth may be made.
    const started = [held('x', '2026-12-02', '19:00'), ...four.slice(0, 3)];
    const evening = new Date('2026-12-02T12:00:00.000Z');
    expect(bookingLimit(started, CAPS, '2027-01-06', evening)).toBeNull();
    expect(bookingLimit(started, CAPS, '2027-01-06', NOW)).toEqual({ limit: 'open', max: 4 });
  });

  it('leaves out the booking being moved', () => {
    const two = [held('a', '2026-12-02', '18:00'), held('b', '2026-12-02', '18:30')];
    expect(bookingLimit(two, CAPS, '2026-12-02', NOW, 'b')).toBeNull();
  });

  it('names the limit and what to do, in Chinese', () => {
    expect(bookingLimitMessage({ limit: 'evening', max: 2 })).toMatch(
      /每人每晚最多预约 2 个时段.*其他日期.*取消/,
    );
    expect(bookingLimitMessage({ limit: 'open', max: 4 })).toMatch(
      /每人同时最多保留 4 个.*我的预约.*取消/,
    );
  });
});

describe('decideBook with limits', () => {
  const two = [held('a', '2026-12-02', '18:00'), held('b', '2026-12-02', '18:30')];

  it('refuses a third booking on one evening, with seats left', () => {
    expect(decideBook({ known: none, taken: 0 }, request(), two)).toEqual({
      kind: 'limited',
      limit: 'evening',
      max: 2,
    });
  });

  it('still answers a retried request or a held slot with that booking', () => {
    const retried = { known: { retried: 'b', held: null }, taken: 30 };
    expect(decideBook(retried, request(), two)).toEqual({ kind: 'existing', id: 'b' });
    const holding = { known: { retried: null, held: 'a' }, taken: 0 };
    expect(decideBook(holding, request(), two)).toEqual({ kind: 'existing', id: 'a' });
  });

  it('never limits a request without caps (staff booking for someone)', () => {
    const staff = request({ userId: null, caps: null });
    expect(decideBook({ known: none, taken: 0 }, staff, two)).toEqual({
      kind: 'create',
      status: 'confirmed',
    });
  });
});

describe('decideReschedule with limits', () => {
  const old: BookingRecord = {
    ...newBooking(
      request({ date: '2026-12-09', slotId: 'c1_paperwork_20261209_1900' }),
      'c',
      'confirmed',
      'CCCC',
    ),
  };

  it('refuses a move into an evening already at its limit, and allows one within it', () => {
    const mine = [held('a', '2026-12-02', '18:00'), held('b', '2026-12-02', '18:30'), old];
    expect(decideReschedule(old, { known: none, taken: 0 }, request(), mine)).toEqual({
      kind: 'limited',
      limit: 'evening',
      max: 2,
    });
    const within = [held('a', '2026-12-02', '18:00'), old];
    expect(decideReschedule(old, { known: none, taken: 0 }, request(), within).kind).toBe('move');
  });
});

describe('numbers per evening', () => {
  const setup: LineSetup = {
    name: '图书阅览',
    prefix: 'A',
    capacity: 100,
    lastJoin: '19:30',
    graceMinutes: 10,
    defaultServiceMinutes: 5,
    opensAt: '17:00',
    closesAt: '20:00',
    numbersPerResident: 3,
  };
  const AT = new Date('2026-12-02T10:30:00.000Z');
  const join = (userId: string | null, byStaff = false, requestId = 'r-new') => ({
    userId,
    requestId,
    note: '',
    byStaff,
  });
  const fresh = (): EveningRecord =>
    openEvening({ community: 'c1', queue: 'library', date: '2026-12-02', key: 'K', setup });

  it('counts the numbers of every line and every status, once each', () => {
    expect(numberLimit(['x-1', 'y-2'], ['x-1'], 3)).toBeNull();
    expect(numberLimit(['x-1', 'y-2'], ['z-3'], 3)).toEqual({ limit: 'numbers', max: 3 });
    expect(numberLimitMessage(3)).toMatch(/每人每晚最多取 3 个号.*服务台/);
  });

  it('refuses a resident’s fourth number tonight, on a line they have none on', () => {
    const outcome = decideJoin(fresh(), setup, join('wx:o-1'), AT, [
      'other-1',
      'other-2',
      'other-3',
    ]);
    expect(outcome).toEqual({ next: null, result: { kind: 'limited', max: 3 } });
    expect(decideJoin(fresh(), setup, join('wx:o-2'), AT, ['z-1', 'z-2']).result.kind).toBe(
      'created',
    );
  });

  it('keeps one live ticket per line: a second tap returns it, whatever the count', () => {
    const first = decideJoin(fresh(), setup, join('wx:o-1', false, 'r-1'), AT, ['o-1', 'o-2']);
    expect(first.result.kind).toBe('created');
    const again = decideJoin(first.next!, setup, join('wx:o-1', false, 'r-2'), AT, ['o-1', 'o-2']);
    expect(again.result).toMatchObject({ kind: 'existing' });
  });

  it('returns a retried request’s ticket even past the limit', () => {
    const first = decideJoin(fresh(), setup, join('wx:o-1', false, 'r-1'), AT, []);
    const ticket = (first.result as { ticket: { id: string } }).ticket;
    const done = {
      ...first.next!,
      tickets: first.next!.tickets.map((t) => ({ ...t, status: 'done' as const })),
    };
    const retried = decideJoin(done, setup, join('wx:o-1', false, 'r-1'), AT, [
      ticket.id,
      'o-2',
      'o-3',
    ]);
    expect(retried.result).toMatchObject({ kind: 'existing', ticket: { id: ticket.id } });
  });

  it('never limits staff adding walk-ins', () => {
    let evening = fresh();
    for (let i = 0; i < 5; i += 1) {
      const added = decideJoin(evening, setup, join(null, true, `w-${i}`), AT, null);
      expect(added.result.kind).toBe('created');
      evening = added.next!;
    }
  });
});

describe('open activity sign-ups', () => {
  const SIGN_UP_CAPS = signUpCapsOf(DEFAULT_LIMITS, '2026-12-02');
  const mine = (
    activityId: string,
    date: string,
    startsAt = '19:00',
    status: SignUpStatus = 'signed',
    requestId = `req-${activityId}`,
  ): HeldSignUp => ({ activityId, date, startsAt, status, requestId });
  const three = [
    mine('a', '2026-12-02'),
    mine('b', '2026-12-04', '15:00', 'waitlisted'),
    mine('c', '2026-12-09'),
  ];

  it('refuses a fourth open sign-up, a waitlist place counting like a place', () => {
    expect(signUpLimit(three, SIGN_UP_CAPS, NOW)).toEqual({ limit: 'signUps', max: 3 });
    expect(signUpLimit(three.slice(0, 2), SIGN_UP_CAPS, NOW)).toBeNull();
    expect(signUpLimit(three, { ...SIGN_UP_CAPS, open: 4 }, NOW)).toBeNull();
  });

  it('counts neither cancelled sign-ups nor activities already started', () => {
    const cancelled = [...three.slice(0, 2), mine('c', '2026-12-09', '19:00', 'cancelled')];
    expect(signUpLimit(cancelled, SIGN_UP_CAPS, NOW)).toBeNull();
    // At 19:00 tonight activity a starts: from then on it no longer holds a place ahead.
    const at19 = new Date('2026-12-02T11:00:00.000Z');
    expect(signUpLimit(three, SIGN_UP_CAPS, new Date(at19.getTime() - 1))).not.toBeNull();
    expect(signUpLimit(three, SIGN_UP_CAPS, at19)).toBeNull();
  });

  it('does not count a sign-up made by checking in at the door', () => {
    const door = mine('a', '2026-12-02', '19:00', 'signed', `${SELF_CHECK_IN}a`);
    expect(signUpLimit([door, ...three.slice(1)], SIGN_UP_CAPS, NOW)).toBeNull();
  });

  it('says the limit and what to do, in Chinese', () => {
    expect(signUpLimitMessage(3)).toMatch(/每人同时最多报名 3 个.*候补也算.*我的报名.*取消/);
  });

  describe('decideSignUp with the limit', () => {
    const req = { capacity: 10, caps: SIGN_UP_CAPS, now: NOW };

    it('refuses a new sign-up at the limit, even with places left', () => {
      expect(decideSignUp(none, 0, req, three)).toEqual({
        kind: 'limited',
        limit: 'signUps',
        max: 3,
      });
      expect(decideSignUp(none, 10, req, three.slice(1))).toEqual({
        kind: 'create',
        status: 'waitlisted',
      });
    });

    it('answers a retry or a second tap with the sign-up before asking the limit', () => {
      expect(decideSignUp({ retried: 's9', held: null }, 0, req, three)).toEqual({
        kind: 'existing',
        id: 's9',
      });
      expect(decideSignUp({ retried: null, held: 's3' }, 0, req, three)).toEqual({
        kind: 'existing',
        id: 's3',
      });
    });

    it('never limits a request without caps', () => {
      expect(decideSignUp(none, 0, { ...req, caps: null }, three)).toEqual({
        kind: 'create',
        status: 'signed',
      });
    });
  });
});
