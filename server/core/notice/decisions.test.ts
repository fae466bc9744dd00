/** The sign-up and check-in decisions the stores apply, on plain records: no store. */
import type { ActivityRecord, NoticeRecord, SignUpRecord } from '../ports';
import {
  attendedChange,
  type CheckInRequest,
  countsAttended,
  currentSignUp,
  decideCancelSignUp,
  decideCheckIn,
  decideSetAttended,
  decideSignUp,
  holdsPlace,
  newSignUp,
  savedNotice,
} from './decisions';

const NOW = new Date('2026-12-02T11:00:00.000Z');
const AT = NOW.toISOString();
const EARLIER = '2026-12-02T10:00:00.000Z';
const none = { retried: null, held: null };

const request = (fields: Partial<CheckInRequest> = {}): CheckInRequest => ({
  activityId: 'a1',
  community: 'c1',
  userId: 'wx:o-1',
  name: '李阿姨',
  requestId: 'req-1',
  capacity: 2,
  now: NOW,
  by: 'self',
  via: 'scan',
  ...fields,
});

const signUp = (fields: Partial<SignUpRecord> = {}): SignUpRecord => ({
  ...newSignUp(request(), 's1', 'signed', null),
  createdAt: EARLIER,
  ...fields,
});
const waitlisted = signUp({ status: 'waitlisted', waitlistedAt: EARLIER });

describe('decideSignUp on a cancelled date', () => {
  const closed = { reason: '台风停课' };
  it('refuses a new sign-up, places or not, and answers a retry or a held sign-up as before', () => {
    expect(decideSignUp(none, 0, request({ capacity: null }), null, closed)).toEqual({
      kind: 'closed',
      reason: '台风停课',
    });
    expect(decideSignUp({ retried: 's1', held: null }, 0, request(), null, closed)).toEqual({
      kind: 'existing',
      id: 's1',
    });
    expect(decideSignUp({ retried: null, held: 's2' }, 0, request(), null, closed).kind).toBe(
      'existing',
    );
  });
});

describe('decideSignUp', () => {
  const of = (capacity: number | null) => ({ capacity, now: NOW });

  it('gives a retried request its sign-up, then the user’s live one', () => {
    expect(decideSignUp({ retried: 's1', held: 's2' }, 0, of(2))).toEqual({
      kind: 'existing',
      id: 's1',
    });
    expect(decideSignUp({ retried: null, held: 's2' }, 2, of(2))).toEqual({
      kind: 'existing',
      id: 's2',
    });
  });

  it('signs up while places are left, then always waitlists; no capacity never fills', () => {
    expect(decideSignUp(none, 1, of(2))).toEqual({ kind: 'create', status: 'signed' });
    expect(decideSignUp(none, 2, of(2))).toEqual({ kind: 'create', status: 'waitlisted' });
    expect(decideSignUp(none, 400, of(null))).toEqual({ kind: 'create', status: 'signed' });
  });
});

describe('decideCancelSignUp', () => {
  it('frees the place and every other place free, for the waitlist', () => {
    expect(decideCancelSignUp(signUp(), 2, 2)).toEqual({
      cancelled: signUp({ status: 'cancelled' }),
      placesFreed: 1,
    });
    // Capacity grew from 2 to 4 meanwhile: three places are free once this one goes.
    expect(decideCancelSignUp(signUp(), 2, 4)?.placesFreed).toBe(3);
  });

  it('frees nothing when leaving the waitlist, or when over capacity after a cut', () => {
    expect(decideCancelSignUp(waitlisted, 2, 2)?.placesFreed).toBe(0);
    expect(decideCancelSignUp(signUp(), 4, 2)?.placesFreed).toBe(0);
  });

  it('has nothing to cancel without a live sign-up', () => {
    expect(decideCancelSignUp(null, 0, 2)).toBeNull();
    expect(decideCancelSignUp(signUp({ status: 'cancelled' }), 0, 2)).toBeNull();
  });
});

describe('decideCheckIn', () => {
  it('marks the user’s sign-up attended, as they said they came', () => {
    const held = signUp();
    expect(decideCheckIn({ retried: null, held, signed: 2 }, request(), 'new')).toEqual({
      kind: 'checked-in',
      signUp: { ...held, attendedAt: AT, checkIn: 'self', checkInVia: 'scan' },
      before: held,
    });
  });

  it('leaves someone already attended as they were', () => {
    const attended = signUp({ attendedAt: EARLIER, checkIn: 'staff' });
    expect(decideCheckIn({ retried: attended, held: attended, signed: 1 }, request(), 'n')).toEqual(
      { kind: 'already', signUp: attended },
    );
    expect(decideCheckIn({ retried: null, held: attended, signed: 1 }, request(), 'n')).toEqual({
      kind: 'already',
      signUp: attended,
    });
  });

  it('gives a waitlisted resident who comes a free place, or answers full', () => {
    const promoted = decideCheckIn({ retried: null, held: waitlisted, signed: 1 }, request(), 'n');
    expect(promoted).toMatchObject({
      kind: 'checked-in',
      signUp: { status: 'signed', waitlistedAt: null, promotedAt: AT, attendedAt: AT },
    });
    expect(decideCheckIn({ retried: null, held: waitlisted, signed: 2 }, request(), 'n')).toEqual({
      kind: 'full',
    });
  });

  it('signs up someone who comes without a sign-up while a place is free', () => {
    const decision = decideCheckIn({ ...none, signed: 1 }, request({ via: 'code' }), 'new');
    expect(decision).toMatchObject({
      kind: 'checked-in',
      before: null,
      signUp: {
        id: 'new',
        status: 'signed',
        requestId: 'req-1',
        attendedAt: AT,
        checkInVia: 'code',
      },
    });
    expect(decideCheckIn({ ...none, signed: 2 }, request(), 'new')).toEqual({ kind: 'full' });
  });

  it('lets staff at the door (no capacity, no user) check anyone in', () => {
    const door = request({ userId: null, capacity: null, by: 'staff', via: null });
    expect(decideCheckIn({ ...none, signed: 50 }, door, 'walk-in')).toMatchObject({
      kind: 'checked-in',
      signUp: { id: 'walk-in', userId: null, checkIn: 'staff', checkInVia: null },
    });
  });

  it('gives a check-in after a cancelled sign-up a fresh request id', () => {
    const cancelled = signUp({ status: 'cancelled', attendedAt: EARLIER });
    const decision = decideCheckIn({ retried: cancelled, held: null, signed: 0 }, request(), 'n');
    expect(decision).toMatchObject({
      kind: 'checked-in',
      signUp: { id: 'n', requestId: `req-1:${AT}` },
    });
  });
});

describe('decideSetAttended', () => {
  it('keeps how a resident checked in when staff confirm; staff otherwise', () => {
    const self = signUp({ attendedAt: EARLIER, checkIn: 'self', checkInVia: 'code' });
    expect(decideSetAttended(self, AT)).toEqual({ ...self, attendedAt: AT });
    expect(decideSetAttended(signUp(), AT)).toMatchObject({ attendedAt: AT, checkIn: 'staff' });
  });

  it('forgets both when cleared, and finds nothing without a sign-up', () => {
    const self = signUp({ attendedAt: EARLIER, checkIn: 'self', checkInVia: 'scan' });
    expect(decideSetAttended(self, null)).toMatchObject({
      attendedAt: null,
      checkIn: null,
      checkInVia: null,
    });
    expect(decideSetAttended(null, AT)).toBeNull();
  });
});

describe('countsAttended', () => {
  it('counts attended sign-ups that are not cancelled', () => {
    expect(countsAttended(signUp({ attendedAt: AT }))).toBe(true);
    expect(countsAttended(signUp({ attendedAt: AT, status: 'cancelled' }))).toBe(false);
    expect(countsAttended(signUp())).toBe(false);
    expect(countsAttended(null)).toBe(false);
  });
});

describe('holdsPlace', () => {
  it('is a signed sign-up only', () => {
    expect(holdsPlace(signUp())).toBe(true);
    expect(holdsPlace(waitlisted)).toBe(false);
    expect(holdsPlace(signUp({ status: 'cancelled' }))).toBe(false);
  });
});

describe('attendedChange', () => {
  it('moves the attended count as a change starts or stops counting', () => {
    const attended = signUp({ attendedAt: AT });
    expect(attendedChange(null, attended)).toBe(1);
    expect(attendedChange(signUp(), attended)).toBe(1);
    expect(attendedChange(attended, { ...attended, status: 'cancelled' })).toBe(-1);
    expect(attendedChange(attended, { ...attended, attendedAt: NOW.toISOString() })).toBe(0);
    expect(attendedChange(null, signUp())).toBe(0);
  });
});

describe('savedNotice', () => {
  const activity = (fields: Partial<ActivityRecord> = {}): ActivityRecord => ({
    id: 'a1',
    noticeId: 'n1',
    community: 'c1',
    name: '书法体验课',
    date: '2026-12-02',
    startsAt: '18:30',
    endsAt: '19:30',
    place: '二楼活动室',
    capacity: 2,
    signUp: true,
    code: 'K7P2Q9',
    sort: 0,
    ...fields,
  });
  const notice = (fields: Partial<NoticeRecord> = {}): NoticeRecord => ({
    id: 'n1',
    community: 'c1',
    week: '2026-11-30',
    title: '本周活动',
    body: '',
    cover: null,
    status: 'published',
    pinned: false,
    createdBy: 'wx:o-staff',
    createdAt: EARLIER,
    updatedAt: EARLIER,
    publishedAt: EARLIER,
    editedAt: null,
    activities: [activity()],
    ...fields,
  });

  it('stores a first save as given, its activities the notice’s own', () => {
    expect(savedNotice(null, notice())).toEqual(notice());
    const stray = notice({ activities: [activity({ noticeId: 'n9', community: 'c9' })] });
    expect(savedNotice(null, stray)).toEqual(notice());
  });

  it('keeps what the first save set and each kept activity’s check-in code', () => {
    const edit = notice({
      community: 'c9',
      createdBy: 'wx:o-other',
      createdAt: AT,
      title: '改过的标题',
      activities: [activity({ code: 'NEWCODE' }), activity({ id: 'a2', code: 'A2CODE' })],
    });
    expect(savedNotice(notice(), edit)).toEqual(
      notice({
        title: '改过的标题',
        activities: [activity(), activity({ id: 'a2', code: 'A2CODE' })],
      }),
    );
  });
});

describe('currentSignUp', () => {
  it('is the live sign-up, else the latest, else none', () => {
    const old = signUp({ id: 'old', status: 'cancelled' });
    const live = signUp({ id: 'live' });
    const newer = signUp({ id: 'newer', status: 'cancelled' });
    expect(currentSignUp([newer, live, old])).toBe(live);
    expect(currentSignUp([newer, old])).toBe(newer);
    expect(currentSignUp([])).toBeNull();
  });
});
