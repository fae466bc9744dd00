import { call } from '@/lib/gateway';
import type { BookableService, ConfigureBookingInput } from '@/types/contract';

/** Changes the given settings of one bookable service only. */
export function configureService(input: ConfigureBookingInput): Promise<BookableService> {
  return call('booking.configure', input);
}
