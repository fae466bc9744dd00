/**
 * What a booking request does to a slot, as plain functions of what the store loaded and the
 * request. Each BookingRepo method that changes bookings loads the few records named here in its
 * transaction, asks one of these, and writes the answer: both stores apply the same rules.
 */
import type { BookingStatus } from '../../../contract/booking';
import type { CalendarDate } from '../../../contract/calendar';
import type { BookingPatch, BookingRecord, BookRequest } from '../ports';
import { claimPlace, type Known } from '../waitlist';
import { bookingLimit, type BookingLimit, type HeldBooking } from '../community/limits';

/** Statuses that use one of the slot's seats (SlotCount.taken). */
export const SEATED: readonly BookingStatus[] = ['confirmed', 'checked-in', 'completed', 'no-show'];
/** Statuses for which a booking is its user's one booking of the slot. */
export const HOLDING: readonly BookingStatus[] = ['confirmed', 'waitlisted', 'checked-in'];

export const holdsSeat = (status: BookingStatus) => SEATED.includes(status);
export const holdsSlot = (status: BookingStatus) => HOLDING.includes(status);

/**
 * Whether a status move changes what a slot keeps of its bookings: the seats taken, the
 * waitlist or who holds the slot. Check-in (confirmed to checked-in) changes none of them.
 */
export const movesSlot = (before: BookingStatus, after: BookingStatus) =>
  holdsSeat(before) !== holdsSeat(after) ||
  holdsSlot(before) !== holdsSlot(after) ||
  (before === 'waitlisted') !== (after === 'waitlisted');

/** A date cancelled on the community's calendar, as a booking or sign-up decision sees it. */
export interface DateClosed {
  reason: string;
}

/**
 * What the store's read of the community's calendar entry for the date (null: none) says about
 * booking it: closed, with the reason residents read, when the date is cancelled.
 */
export const closedBy = (entry: Pick<CalendarDate, 'kind' | 'reason'> | null): DateClosed | null =>
  entry?.kind === 'cancelled' ? { reason: entry.reason } : null;

/**
 * A slot as a booking decision sees it: the bookings the request already has, seats taken, and
 * the slot's date as the store read the calendar in the same transaction (closedBy). The service
 * checks the calendar before, but a date's cancellation can commit between that read and the
 * booking's transaction: this read is the one that counts.
 */
export interface SlotState {
  known: Known;
  taken: number;
  closed?: DateClosed | null;
}

export type BookDecision =
  | { kind: 'existing'; id: string }
  | { kind: 'create'; status: 'confirmed' | 'waitlisted' }
  | { kind: 'full' }
  | ({ kind: 'limited' } & BookingLimit)
  | ({ kind: 'closed' } & DateClosed);

/**
 * book(): the booking the request already has (the same request, then the user's live one in the
 * slot), whatever the limits or the calendar (a retry of a booking made before the date was
 * cancelled finds it cancelled by the close); else 'closed' when the date is cancelled; else, for a request with caps, 'limited' when one more booking
 * would pass the resident's limits (`held`: their bookings the store loaded, bookingLimit); else
 * a seat while `seats` are left; else the waitlist, when the request takes one.
 */
export function decideBook(
  slot: SlotState,
  req: Pick<BookRequest, 'seats' | 'waitlist' | 'caps' | 'date' | 'now'>,
  held: readonly HeldBooking[] | null = null,
): BookDecision {
  const claim = claimPlace(slot.known, slot.taken, req.seats, req.waitlist);
  if (claim.kind === 'existing') return claim;
  if (slot.closed) return { kind: 'closed', ...slot.closed };
  if (req.caps && held) {
    const limited = bookingLimit(held, req.caps, req.date, req.now);
    if (limited) return { kind: 'limited', ...limited };
  }
  switch (claim.kind) {
    case 'seat':
      return { kind: 'create', status: 'confirmed' };
    case 'waitlist':
      return { kind: 'create', status: 'waitlisted' };
    default:
      return claim;
  }
}

/**
 * The booking's code: the first candidate no booking of the community's evening has (`taken`
 * holds those of the candidates, tried in order, the store found in use).
 */
export function pickCode(candidates: readonly string[], taken: ReadonlySet<string>): string {
  const code = candidates.find((c) => !taken.has(c));
  if (code === undefined) throw new Error(`No free booking code among ${candidates.length}`);
  return code;
}

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * The code of a booking stored before codes existed: 5 characters of the codes' alphabet from a
 * hash (FNV-1a) of its id, so it reads the same every time and never equals a 4-character code.
 */
export function legacyCode(id: string): string {
  let hash = 0x811c9dc5;
  for (const ch of id) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  let code = '';
  for (let i = 0; i < 5; i += 1) {
    code += CODE_ALPHABET[hash % CODE_ALPHABET.length];
    hash = Math.floor(hash / CODE_ALPHABET.length);
  }
  return code;
}

/** The booking a request makes, with the id and code the store chose. */
export function newBooking(
  req: BookRequest,
  id: string,
  status: 'confirmed' | 'waitlisted',
  code: string,
): BookingRecord {
  const at = req.now.toISOString();
  return {
    id,
    community: req.community,
    service: req.service,
    date: req.date,
    startsAt: req.startsAt,
    slotId: req.slotId,
    status,
    userId: req.userId,
    code,
    name: req.name,
    phone: req.phone,
    requestId: req.requestId,
    createdAt: at,
    waitlistedAt: status === 'waitlisted' ? at : null,
    promotedAt: null,
    checkedInAt: null,
    closedAt: null,
    remindedAt: null,
    cancelledReason: null,
  };
}

export interface CancelDecision {
  /** The booking as it was, and as it is once cancelled. */
  booking: BookingRecord;
  cancelled: BookingRecord;
  /** Seats for promoteNext to give the slot's waitlist: 1 or 0. */
  seatsFreed: number;
}

/**
 * cancel(): null when the status moved on from `from`. A cancelled booking that held tonight's
 * seat (confirmed or checked in, not one whose slot is over) frees it for the waitlist
 * (promoteNext); leaving the waitlist frees none.
 */
export function decideCancel(
  booking: BookingRecord | null,
  from: readonly BookingStatus[],
  now: Date,
): CancelDecision | null {
  if (!booking || !from.includes(booking.status)) return null;
  const cancelled: BookingRecord = {
    ...booking,
    status: 'cancelled',
    closedAt: now.toISOString(),
  };
  const seatsFreed = booking.status === 'confirmed' || booking.status === 'checked-in' ? 1 : 0;
  return { booking, cancelled, seatsFreed };
}

export type RescheduleDecision =
  | { kind: 'existing'; id: string }
  | { kind: 'stale' }
  | { kind: 'full' }
  | ({ kind: 'limited' } & BookingLimit)
  | ({ kind: 'closed' } & DateClosed)
  /** Book a confirmed seat in the new slot, then cancel the old booking as decided. */
  | { kind: 'move'; cancel: CancelDecision };

/**
 * reschedule() of `old` to the request's slot. First, as in book(), the booking the request
 * already has there: a retry of a move that committed finds the old booking cancelled by then.
 * The old booking itself holding the target (a move within its slot) is no such booking. Then a
 * booking no longer confirmed or waitlisted is stale; a move to a cancelled date is 'closed'; a move is for a seat, never the
 * waitlist: no seat is 'full'. With caps, a move to another evening is 'limited' as a new
 * booking there would be (the booking moved counts for nothing: it is the one that moves).
 */
export function decideReschedule(
  old: BookingRecord | null,
  target: SlotState,
  req: Pick<BookRequest, 'seats' | 'now' | 'caps' | 'date'>,
  mine: readonly HeldBooking[] | null = null,
): RescheduleDecision {
  const held = target.known.held !== old?.id ? target.known.held : null;
  const claim = claimPlace({ retried: target.known.retried, held }, target.taken, req.seats, false);
  if (claim.kind === 'existing') return claim;
  const cancel = decideCancel(old, ['confirmed', 'waitlisted'], req.now);
  if (!cancel) return { kind: 'stale' };
  if (target.closed) return { kind: 'closed', ...target.closed };
  if (req.caps && mine) {
    const limited = bookingLimit(mine, req.caps, req.date, req.now, cancel.booking.id);
    if (limited) return { kind: 'limited', ...limited };
  }
  return claim.kind === 'full' ? claim : { kind: 'move', cancel };
}

/**
 * update(): compare-and-set on status. Null when the status is not one of `from`; otherwise the
 * booking with the patch's fields (undefined leaves a field as it is).
 */
export function decideUpdate(
  booking: BookingRecord | null,
  from: readonly BookingStatus[],
  patch: BookingPatch,
): BookingRecord | null {
  if (!booking || !from.includes(booking.status)) return null;
  const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return { ...booking, ...fields };
}

/** markReminded(): only a confirmed booking not reminded yet; null otherwise. */
export function decideRemind(booking: BookingRecord | null, at: string): BookingRecord | null {
  if (!booking || booking.status !== 'confirmed' || booking.remindedAt !== null) return null;
  return { ...booking, remindedAt: at };
}

/**
 * What erasing a resident leaves of their booking: no owner, no 称呼, no phone; the request id
 * becomes the booking's own (it was scoped by the owner). Slot, code, status and times stay: a
 * seat stays taken or freed as it was, and the evening's figures count it anonymously.
 */
export const erasedBooking = (b: BookingRecord): BookingRecord => ({
  ...b,
  userId: null,
  name: '',
  phone: null,
  requestId: `erased:${b.id}`,
});
