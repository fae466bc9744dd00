import { call } from '@/lib/gateway';
import type { Booking, RescheduleInput } from '@/types/contract';

/**
 * Moves a booking to another slot of the same service. The old seat is released only once the
 * new one is taken; a full new slot answers CONFLICT and the booking stays as it was.
 */
export function rescheduleBooking(input: RescheduleInput): Promise<Booking> {
  return call('booking.reschedule', input);
}
