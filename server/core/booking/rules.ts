/**
 * Booking rules as plain functions of a booking or slot, its service's settings and the time:
 * what a resident may still change, whether a slot takes a waitlist, which desk moves succeed.
 * Actions ask these and only these, and the views hand their answers to the client, so a button
 * is offered exactly when the action behind it would succeed.
 */
import type { BookingSettings, DeskMove, SlotPhase } from '../../../contract/booking';
import { newCode } from '../identity';
import type { BookingRecord } from '../ports';
import { atLocalMs, localDate } from '../kernel/time';

const HOUR_MS = 60 * 60 * 1000;

/** The slot's start as an instant. */
export const startOf = (date: string, startsAt: string): Date =>
  new Date(atLocalMs(date, startsAt));

/**
 * cutoffHours before the start: from then on a seat stays as it is booked. Shanghai keeps no
 * daylight saving, so an hour is always 3,600,000 ms (no dayjs object: every booking asks).
 */
export const cutoffOf = (date: string, startsAt: string, settings: BookingSettings): Date =>
  new Date(atLocalMs(date, startsAt) - settings.cutoffHours * HOUR_MS);

export function slotPhase(date: string, startsAt: string, endsAt: string, now: Date): SlotPhase {
  if (now.getTime() < atLocalMs(date, startsAt)) return 'ahead';
  return now.getTime() < atLocalMs(date, endsAt) ? 'running' : 'over';
}

/** Past the cut-off: a booking made now cannot be cancelled or moved by the resident. */
export const isLate = (date: string, startsAt: string, settings: BookingSettings, now: Date) =>
  now.getTime() >= cutoffOf(date, startsAt, settings).getTime();

/**
 * Whether a booking made now may join the slot's waitlist when it is full.
 *
 * Slots past the cut-off are still offered, with the rule said before confirming: the cut-off
 * is there so a seat is not given up too late for someone else to use it, not to turn away a
 * resident who walks in at 18:37 wanting 19:00 with a seat free. But past the cut-off nobody can
 * cancel or move out of the slot any more, so its waitlist could never move: a full late slot
 * takes no waitlist, rather than a waitlist place that only looks like a chance.
 */
export const takesWaitlist = (late: boolean) => !late;

/** Until when the resident may cancel or move: a waitlist place holds no seat, so until the start. */
export const changeLimit = (b: BookingRecord, settings: BookingSettings): Date =>
  b.status === 'waitlisted' ? startOf(b.date, b.startsAt) : cutoffOf(b.date, b.startsAt, settings);

export const isLive = (b: Pick<BookingRecord, 'status'>) =>
  b.status === 'confirmed' || b.status === 'waitlisted';

/** What the resident may still do to their booking: cancel or reschedule, until the limit. */
export const canChange = (b: BookingRecord, settings: BookingSettings, now: Date) =>
  isLive(b) && now.getTime() < changeLimit(b, settings).getTime();

/**
 * The desk moves that succeed now:
 * - 签到 and 完成 from the booking's evening on, on a seat (完成 also after 签到);
 * - 未到 only once the slot has started: a resident due at 19:00 is not missing at 18:40;
 * - undoing 未到 on that same evening, for the resident who turns up after all (back to
 *   confirmed: the seat was kept, so 签到 works again).
 * A waitlisted booking has no seat: nothing to do at the desk.
 */
export function deskMoves(b: BookingRecord, now: Date): DeskMove[] {
  const today = localDate(now);
  const moves: DeskMove[] = [];
  const evening = b.date <= today;
  if (b.status === 'confirmed' && evening) moves.push('checkIn');
  if ((b.status === 'confirmed' || b.status === 'checked-in') && evening) moves.push('complete');
  if (b.status === 'confirmed' && now.getTime() >= startOf(b.date, b.startsAt).getTime()) {
    moves.push('noShow');
  }
  if (b.status === 'no-show' && b.date === today) moves.push('undoNoShow');
  return moves;
}

/** How many fresh codes each booking request carries (see BookRequest.codes). */
export const CODE_CANDIDATES = 8;
/** 4 characters of the invite alphabet (no 0/O, 1/I/L): 923,521 codes per community evening. */
export const CODE_LENGTH = 4;

/**
 * Candidate booking codes: the store keeps the first one still free on that evening. Cut from one
 * code of all their characters (one draw of random bytes, not one per code): each character is
 * uniform and independent of the others either way.
 */
export const bookingCodes = (): string[] => {
  const characters = newCode(CODE_CANDIDATES * CODE_LENGTH);
  return Array.from({ length: CODE_CANDIDATES }, (_, i) =>
    characters.slice(i * CODE_LENGTH, (i + 1) * CODE_LENGTH),
  );
};
