import { call } from '@/lib/gateway';
import type { Booking, BookInput } from '@/types/contract';

/**
 * Books a slot: a seat while one is left, else a place on its waitlist. A retry with the same
 * requestId answers the booking the first attempt made.
 */
export function bookSlot(input: BookInput): Promise<Booking> {
  return call('booking.book', input);
}
