/**
 * The desk's moves on one booking. Each answers with the booking as it is now; the desk then
 * loads the list again, since the figures (and a promotion from the waitlist) change with it.
 */
import { call } from '@/lib/gateway';
import type { DeskMove, StaffBooking } from '@/types/contract';

/** The resident has arrived. */
export const checkIn = (bookingId: string): Promise<StaffBooking> =>
  call('booking.checkIn', { bookingId });
/** Served (also straight from confirmed, without a check-in). */
export const complete = (bookingId: string): Promise<StaffBooking> =>
  call('booking.complete', { bookingId });
/** The resident did not come (only once the slot has started). */
export const noShow = (bookingId: string): Promise<StaffBooking> =>
  call('booking.noShow', { bookingId });
/** The resident came after all: back to confirmed, that evening only. */
export const undoNoShow = (bookingId: string): Promise<StaffBooking> =>
  call('booking.undoNoShow', { bookingId });

/** Each move by its name in StaffBooking.moves. */
export const MOVE_CALLS: Record<DeskMove, (bookingId: string) => Promise<StaffBooking>> = {
  checkIn,
  complete,
  noShow,
  undoNoShow,
};
