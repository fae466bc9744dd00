/**
 * Fair limits per resident (issue #13: one resident booked 30 of 30 slots on one evening). Each
 * community's staff set three numbers (community.setLimits); until they do, the defaults hold.
 * The decisions here are plain functions of what a store loaded inside the transaction that
 * books or takes a number, so two racing requests cannot both pass a limit. A request the
 * resident already made (a retry, a second tap) is answered before any limit is asked.
 * Staff booking for someone (代客预约) and adding a walk-in (现场号) are never counted or stopped.
 */
import type { ResidentLimits } from '../../../contract/community';
import type { BookingRecord } from '../ports';
import { atLocal } from '../kernel/time';

export const DEFAULT_LIMITS: ResidentLimits = {
  bookingsPerEvening: 2,
  openBookings: 4,
  numbersPerEvening: 3,
};

/** The bounds staff may set (each limit at least 1: a limit of 0 would close the service). */
export const LIMIT_BOUNDS: Record<keyof ResidentLimits, { min: number; max: number }> = {
  bookingsPerEvening: { min: 1, max: 20 },
  openBookings: { min: 1, max: 50 },
  numbersPerEvening: { min: 1, max: 20 },
};

/** A community's limits: what its staff set, else the defaults. */
export const limitsOf = (stored: ResidentLimits | null | undefined): ResidentLimits =>
  stored ?? DEFAULT_LIMITS;

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
