import { call } from '@/lib/gateway';
import type { Booking } from '@/types/contract';

/** Gives up a booking or a waitlist place; the seat goes to the first one waiting. */
export function cancelBooking(bookingId: string): Promise<Booking> {
  return call('booking.cancel', { bookingId });
}
