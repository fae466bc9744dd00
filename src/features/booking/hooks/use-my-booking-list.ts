import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Remote } from '@/hooks/use-remote';
import type { Booking } from '@/types/contract';
import { useMyBookings } from '../api/my-bookings';

export interface MyBookingsState {
  remote: Remote<Booking[]>;
  /** My bookings with what cancel and reschedule answered applied, until the next load. */
  bookings: Booking[] | null;
  /** Puts a booking an action answered with in place (or adds it, e.g. after a move). */
  apply: (booking: Booking) => void;
}

export function useMyBookingList(): MyBookingsState {
  const remote = useMyBookings();
  const { data } = remote;
  const [overrides, setOverrides] = useState<Record<string, Booking>>({});

  // A fresh answer is newer than anything applied before it.
  useEffect(() => setOverrides({}), [data]);

  const bookings = useMemo(() => {
    if (!data) return null;
    const known = new Set(data.map((b) => b.id));
    const extra = Object.values(overrides).filter((b) => !known.has(b.id));
    return [...data.map((b) => overrides[b.id] ?? b), ...extra];
  }, [data, overrides]);

  const apply = useCallback((booking: Booking) => {
    setOverrides((o) => ({ ...o, [booking.id]: booking }));
  }, []);

  return { remote, bookings, apply };
}
