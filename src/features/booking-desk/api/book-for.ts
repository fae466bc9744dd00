import { call } from '@/lib/gateway';
import type { BookForInput, StaffBooking } from '@/types/contract';

/** A booking made by staff for a resident (a phone call, a visit); the same seats and waitlist. */
export function bookFor(input: BookForInput): Promise<StaffBooking> {
  return call('booking.bookFor', input);
}
