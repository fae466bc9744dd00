/**
 * The rules a limited place and its waitlist share, for booking seats and activity places alike:
 * who a request already has, whether it takes a place, the line or nothing, and who on the line
 * gets a place that came free. Plain functions of state the store loaded in its transaction; the
 * store writes what they answer.
 */

/** The minimum a waiting record carries: its status, its place in line and when it got a place. */
export interface Waiting {
  id: string;
  status: string;
  waitlistedAt: string | null;
  promotedAt: string | null;
}

/** Places still free; null capacity is unlimited. */
export const placesLeft = (capacity: number | null, taken: number): number =>
  capacity === null ? Infinity : Math.max(0, capacity - taken);

export const hasRoom = (capacity: number | null, taken: number): boolean =>
  placesLeft(capacity, taken) > 0;

/** What the store found for a request, by id: the record this request made, the user's live one. */
export interface Known {
  /** The record the same request id made before (any status): a retry gets it back. */
  retried: string | null;
  /** The user's live record here: a second request does not make a second one. */
  held: string | null;
}

export type Claim =
  | { kind: 'existing'; id: string }
  | { kind: 'seat' }
  | { kind: 'waitlist' }
  /** No place and the request takes no line: nothing is made. */
  | { kind: 'full' };

/**
 * A request for a place: the record it already has (the same request first, then the user's live
 * one), else a place while one is free, else the line when the request takes it, else 'full'.
 */
export function claimPlace(
  known: Known,
  taken: number,
  capacity: number | null,
  takesWaitlist: boolean,
): Claim {
  const id = known.retried ?? known.held;
  if (id !== null) return { kind: 'existing', id };
  if (hasRoom(capacity, taken)) return { kind: 'seat' };
  return takesWaitlist ? { kind: 'waitlist' } : { kind: 'full' };
}

/** Who gets the free places: the first `free` of the line, in line order (the line's own order). */
export const nextInLine = <T>(line: readonly T[], free: number): T[] =>
  free <= 0 ? [] : line.slice(0, Math.min(free, line.length));

/** A waitlisted record given a place at `at`: off the line, with when it got the place. */
export function promote<R extends Waiting>(record: R, placed: R['status'], at: string): R {
  if (record.status !== 'waitlisted') throw new Error(`Not on the waitlist: ${record.id}`);
  return { ...record, status: placed, waitlistedAt: null, promotedAt: at };
}

/**
 * The waitlist promotion: the first `free` of the line (waitlisted records in line order) get a
 * place at `at`. Bookings give a freed seat this way, activities every place that came free.
 */
export const promoteNext = <R extends Waiting>(
  line: readonly R[],
  free: number,
  placed: R['status'],
  at: string,
): R[] => nextInLine(line, free).map((r) => promote(r, placed, at));
