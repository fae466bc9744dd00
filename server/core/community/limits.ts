/**
 * Fair limits per resident (issue #13: one resident booked 30 of 30 slots on one evening). Each
 * community's staff set four numbers (community.setLimits); until they do, the defaults hold.
 * The decisions here are plain functions of what a store loaded inside the transaction that
 * books, takes a number or signs up, so two racing requests cannot both pass a limit. A request
 * the resident already made (a retry, a second tap) is answered before any limit is asked.
 * Staff booking for someone (代客预约), adding a walk-in (现场号) or checking someone in at an
 * activity (现场登记) are never counted or stopped.
 */
import type { ResidentLimits } from '../../../contract/community';
import type { BookingRecord, SignUpRecord } from '../ports';
import { atLocal } from '../kernel/time';

export const DEFAULT_LIMITS: ResidentLimits = {
  bookingsPerEvening: 2,
  openBookings: 4,
  numbersPerEvening: 3,
  openSignUps: 3,
};

/** The bounds staff may set (each limit at least 1: a limit of 0 would close the service). */
export const LIMIT_BOUNDS: Record<keyof ResidentLimits, { min: number; max: number }> = {
  bookingsPerEvening: { min: 1, max: 20 },
  openBookings: { min: 1, max: 50 },
  numbersPerEvening: { min: 1, max: 20 },
  openSignUps: { min: 1, max: 20 },
};

/**
 * A community's limits: what its staff set, else the defaults. Limits stored before a limit
 * existed (the sign-up limit) take its default; the stores read them the same way.
 */
export const limitsOf = (stored: Partial<ResidentLimits> | null | undefined): ResidentLimits =>
  stored ? { ...DEFAULT_LIMITS, ...definedIn(stored) } : DEFAULT_LIMITS;

const definedIn = (stored: Partial<ResidentLimits>): Partial<ResidentLimits> =>
  Object.fromEntries(Object.entries(stored).filter(([, v]) => typeof v === 'number'));

// ── bookings ───────────────────────────────────────────────────────────────

/** What a booking request is limited by: the community's numbers and the day it is made. */
export interface BookingCaps {
  perEvening: number;
  open: number;
  /** Today in Asia/Shanghai ("YYYY-MM-DD"): the store loads the resident's bookings from it on. */
  from: string;
}

export const bookingCapsOf = (limits: ResidentLimits, today: string): BookingCaps => ({
  perEvening: limits.bookingsPerEvening,
  open: limits.openBookings,
  from: today,
});

/** A resident's booking as the limits see it. */
export type HeldBooking = Pick<BookingRecord, 'id' | 'date' | 'startsAt' | 'status'>;

export type BookingLimit = { limit: 'evening' | 'open'; max: number };

/**
 * Whether one more booking on `date` would pass a limit, given the resident's bookings in the
 * community from today on (`held`; those of other ids than `except`, a booking being moved).
 * Cancelled bookings count for nothing; a waitlist place counts like a seat (it holds a place
 * in line). Open: not cancelled and not started at `now`.
 */
export function bookingLimit(
  held: readonly HeldBooking[],
  caps: BookingCaps,
  date: string,
  now: Date,
  except: string | null = null,
): BookingLimit | null {
  const live = held.filter((b) => b.status !== 'cancelled' && b.id !== except);
  if (live.filter((b) => b.date === date).length >= caps.perEvening) {
    return { limit: 'evening', max: caps.perEvening };
  }
  const open = live.filter((b) => atLocal(b.date, b.startsAt).valueOf() > now.getTime());
  if (open.length >= caps.open) return { limit: 'open', max: caps.open };
  return null;
}

/** The refusal a resident reads: which limit, and what to do. */
export function bookingLimitMessage(limit: BookingLimit): string {
  return limit.limit === 'evening'
    ? `每人每晚最多预约 ${limit.max} 个时段，这一晚您已约满。可以选择其他日期，或先取消一个再约`
    : `每人同时最多保留 ${limit.max} 个未到期的预约，您已达到上限。请先到“我的预约”取消一个，或等已约的时段结束后再约`;
}

// ── queue numbers ──────────────────────────────────────────────────────────

/**
 * Whether the resident may take one more number tonight: `taken` are the ids of the numbers
 * they took on this evening in this community, every line and status (a cancelled number still
 * used up one of its line's capacity); the ids of `tonight`'s own tickets are added, so a store
 * that lists only the other lines' numbers counts right too.
 */
export function numberLimit(taken: readonly string[], tonight: readonly string[], max: number) {
  const count = new Set([...taken, ...tonight]).size;
  return count >= max ? { limit: 'numbers' as const, max } : null;
}

export const numberLimitMessage = (max: number) =>
  `每人每晚最多取 ${max} 个号（各项服务合计），您今晚已取满。如需帮助，请到服务台找社工`;

// ── activity sign-ups ──────────────────────────────────────────────────────

/** What a resident's sign-up is limited by: the community's number and the day it is made. */
export interface SignUpCaps {
  open: number;
  /** Today in Asia/Shanghai ("YYYY-MM-DD"): the store loads sign-ups for activities from it on. */
  from: string;
}

export const signUpCapsOf = (limits: ResidentLimits, today: string): SignUpCaps => ({
  open: limits.openSignUps,
  from: today,
});

/**
 * The request id of a self check-in (签到) at an activity: a sign-up it makes was made at the
 * door, on the day, and is not one the resident signed up for ahead.
 */
export const SELF_CHECK_IN = 'check-in:';

/** A resident's sign-up as the limit sees it, with when its activity starts. */
export type HeldSignUp = Pick<SignUpRecord, 'activityId' | 'status' | 'requestId'> & {
  date: string;
  startsAt: string;
};

export type SignUpLimit = { limit: 'signUps'; max: number };

/**
 * Whether one more sign-up would pass the limit, given the resident's sign-ups in the community
 * for activities from today on (`held`). Open: not cancelled (a waitlist place counts like a
 * place: it holds a place in line) and its activity not started at `now`. A sign-up made by a
 * self check-in at the door does not count: the resident is there, it was never held ahead.
 */
export function signUpLimit(
  held: readonly HeldSignUp[],
  caps: SignUpCaps,
  now: Date,
): SignUpLimit | null {
  const open = held.filter(
    (s) =>
      s.status !== 'cancelled' &&
      !s.requestId.startsWith(SELF_CHECK_IN) &&
      atLocal(s.date, s.startsAt).valueOf() > now.getTime(),
  );
  const activities = new Set(open.map((s) => s.activityId));
  return activities.size >= caps.open ? { limit: 'signUps', max: caps.open } : null;
}

/** The refusal a resident reads: the limit, and what to do. */
export const signUpLimitMessage = (max: number) =>
  `每人同时最多报名 ${max} 个还没开始的活动（候补也算），您已报满。请先到“我的报名”取消一个，或等已报名的活动开始后再报`;
