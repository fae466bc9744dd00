/**
 * What a sign-up, a cancellation or a check-in does to an activity's places, as plain functions
 * of what the store loaded and the request. Each NoticeRepo method that changes sign-ups loads
 * the few records named here in its transaction, asks one of these, and writes the answer: both
 * stores apply the same rules. The waitlist itself follows core/waitlist.ts, as bookings do. Also
 * what a save keeps of the notice it overwrites.
 */
import type { CheckInVia, NoticeRecord, SignUpRecord, SignUpRequest } from '../ports';
import { claimPlace, hasRoom, type Known, placesLeft, promote } from '../waitlist';
import { type HeldSignUp, type SignUpLimit, signUpLimit } from '../community/limits';
import type { DateClosed } from '../booking/decisions';

export type CheckInRequest = SignUpRequest & { by: 'self' | 'staff'; via?: CheckInVia | null };

/** How someone came: when, checked in by themselves or by staff, and how a self check-in did. */
export interface Attendance {
  at: string;
  by: 'self' | 'staff';
  via: CheckInVia | null;
}

export const isLive = (s: Pick<SignUpRecord, 'status'>) => s.status !== 'cancelled';

/** Holds one of the activity's places (its capacity). */
export const holdsPlace = (s: Pick<SignUpRecord, 'status'>) => s.status === 'signed';

/** Counted in ActivityCount.attended: attended and not cancelled. */
export const countsAttended = (s: SignUpRecord | null) =>
  s !== null && isLive(s) && s.attendedAt !== null;

/** How `after` replacing `before` (null: a new sign-up) moves the attended count: -1, 0 or 1. */
export const attendedChange = (before: SignUpRecord | null, after: SignUpRecord) =>
  Number(countsAttended(after)) - Number(countsAttended(before));

/** signUpOf(): of a user's sign-ups for an activity, newest first, the live one, else the latest. */
export const currentSignUp = (mine: readonly SignUpRecord[]): SignUpRecord | null =>
  mine.find(isLive) ?? mine[0] ?? null;

/** The sign-up a request makes, with the id the store chose. */
export function newSignUp(
  req: SignUpRequest,
  id: string,
  status: 'signed' | 'waitlisted',
  attended: Attendance | null,
): SignUpRecord {
  const at = req.now.toISOString();
  return {
    id,
    activityId: req.activityId,
    community: req.community,
    userId: req.userId,
    name: req.name,
    status,
    requestId: req.requestId,
    createdAt: at,
    waitlistedAt: status === 'waitlisted' ? at : null,
    promotedAt: null,
    attendedAt: attended?.at ?? null,
    checkIn: attended?.by ?? null,
    checkInVia: attended?.via ?? null,
    cancelledReason: null,
  };
}

export type SignUpDecision =
  | { kind: 'existing'; id: string }
  | { kind: 'create'; status: 'signed' | 'waitlisted' }
  | ({ kind: 'limited' } & SignUpLimit)
  | ({ kind: 'closed' } & DateClosed);

/**
 * signUp(): the sign-up the request already has (the same request, then the user's live one),
 * whatever the limit or the calendar; else 'closed' when the activity's date is cancelled
 * (`closed`: the store's read of the calendar in the same transaction, closedBy); else, for a
 * request with caps, 'limited' when the resident's open sign-ups
 * (`held`, loaded by the store: signUpLimit) are at the limit; else a place while one is free;
 * else the waitlist. Sign-up always takes the waitlist.
 */
export function decideSignUp(
  known: Known,
  signed: number,
  req: Pick<SignUpRequest, 'capacity' | 'caps' | 'now'>,
  held: readonly HeldSignUp[] | null = null,
  closed: DateClosed | null = null,
): SignUpDecision {
  const claim = claimPlace(known, signed, req.capacity, true);
  if (claim.kind === 'existing') return claim;
  if (closed) return { kind: 'closed', ...closed };
  if (req.caps && held) {
    const limited = signUpLimit(held, req.caps, req.now);
    if (limited) return { kind: 'limited', ...limited };
  }
  return { kind: 'create', status: claim.kind === 'seat' ? 'signed' : 'waitlisted' };
}

export interface CancelSignUpDecision {
  cancelled: SignUpRecord;
  /** Places for promoteNext to give the waitlist, once this one is cancelled. */
  placesFreed: number;
}

/**
 * cancelSignUp() of the user's live sign-up (null: nothing to cancel). Cancelling a place frees
 * it, and every place then free goes to the waitlist; leaving the waitlist frees none.
 */
export function decideCancelSignUp(
  held: SignUpRecord | null,
  signed: number,
  capacity: number | null,
): CancelSignUpDecision | null {
  if (!held || !isLive(held)) return null;
  const cancelled: SignUpRecord = { ...held, status: 'cancelled' };
  const placesFreed = holdsPlace(held) ? placesLeft(capacity, signed - 1) : 0;
  return { cancelled, placesFreed };
}

/** What a check-in comes to: `before` is the sign-up it changed, null for a new one. */
export type CheckInDecision =
  | { kind: 'already'; signUp: SignUpRecord }
  | { kind: 'full' }
  | { kind: 'checked-in'; signUp: SignUpRecord; before: SignUpRecord | null };

/**
 * checkIn(): `retried` is the sign-up this request id made (any status), `held` the user's live
 * one. Someone already marked attended stays so. A sign-up held is marked attended; a waitlisted
 * one takes a place only if one is free. Without one, someone who comes takes a free place, with
 * a new sign-up (`id`); none free is 'full'.
 */
export function decideCheckIn(
  state: { retried: SignUpRecord | null; held: SignUpRecord | null; signed: number },
  req: CheckInRequest,
  id: string,
): CheckInDecision {
  const { retried, held, signed } = state;
  if (retried && isLive(retried) && retried.attendedAt) return { kind: 'already', signUp: retried };
  const at = req.now.toISOString();
  const attendance: Attendance = { at, by: req.by, via: req.via ?? null };
  const room = hasRoom(req.capacity, signed);
  if (held) {
    if (held.attendedAt) return { kind: 'already', signUp: held };
    if (held.status === 'waitlisted' && !room) return { kind: 'full' };
    const placed = held.status === 'waitlisted' ? promote(held, 'signed', at) : held;
    const signUp = { ...placed, attendedAt: at, checkIn: req.by, checkInVia: attendance.via };
    return { kind: 'checked-in', signUp, before: held };
  }
  if (!room) return { kind: 'full' };
  // A self check-in after a cancelled sign-up gets a fresh request id: the old one is taken.
  const requestId = retried ? `${req.requestId}:${at}` : req.requestId;
  const signUp = newSignUp({ ...req, requestId }, id, 'signed', attendance);
  return { kind: 'checked-in', signUp, before: null };
}

/**
 * setAttended(): staff confirming attendance keep how the resident checked in (staff when
 * nobody did); clearing it forgets both. Null when there is no such sign-up.
 */
export function decideSetAttended(
  signUp: SignUpRecord | null,
  attendedAt: string | null,
): SignUpRecord | null {
  if (!signUp) return null;
  return attendedAt
    ? { ...signUp, attendedAt, checkIn: signUp.checkIn ?? 'staff' }
    : { ...signUp, attendedAt: null, checkIn: null, checkInVia: null };
}

/**
 * What save() stores over the stored notice (`old`, null for a first save): the community, author
 * and creation time stay those of the first save, each kept activity keeps its check-in code, and
 * every activity belongs to the notice and its community.
 */
export function savedNotice(old: NoticeRecord | null, record: NoticeRecord): NoticeRecord {
  const kept = old
    ? { community: old.community, createdBy: old.createdBy, createdAt: old.createdAt }
    : {};
  const saved = { ...record, ...kept };
  const codes = new Map(old?.activities.map((a) => [a.id, a.code]));
  return {
    ...saved,
    activities: record.activities.map((a) => ({
      ...a,
      noticeId: record.id,
      community: saved.community,
      code: codes.get(a.id) ?? a.code,
    })),
  };
}

/**
 * What erasing a resident leaves of an activity sign-up: no owner, no name; the request id becomes
 * the sign-up's own. Its status and attendance stay, as anonymous counts (报名人数, 签到).
 */
export const erasedSignUp = (s: SignUpRecord): SignUpRecord => ({
  ...s,
  userId: null,
  name: '',
  requestId: `erased:${s.id}`,
});
