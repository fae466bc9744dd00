import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Booking } from '@/types/contract';

/** All my bookings, every community and date. */
export function getMyBookings(): Promise<Booking[]> {
  return call('booking.mine', {});
}

const MINE = 'mine';

/** My bookings, loaded only while `enabled`. */
export function useMyBookings(enabled = true): Remote<Booking[]> {
  return useRemote(enabled ? MINE : null, getMyBookings);
}
