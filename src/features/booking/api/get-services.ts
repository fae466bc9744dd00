import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { BookingServices } from '@/types/contract';

/** A community's bookable services with their settings, and the next four service evenings. */
export function getBookingServices(community: string): Promise<BookingServices> {
  return call('booking.services', { community });
}

/** The bookable services of `community` (null: nothing to load). */
export function useBookingServices(community: string | null): Remote<BookingServices> {
  return useRemote(community, getBookingServices);
}
