import { call } from '@/lib/gateway';
import type { BookingList, BookingListInput } from '@/types/contract';

/** One evening's bookings at a community (optionally one service), with the evening's figures. */
export function listBookings(input: BookingListInput): Promise<BookingList> {
  return call('booking.list', input);
}
