import { useCallback, useState } from 'react';
import { useDeskRun, type DeskRun } from '@/hooks/use-desk-run';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { BookingList } from '@/types/contract';
import { listBookings } from '../api/list-bookings';

export interface BookingDeskState extends DeskRun {
  /** The evening shown: the one picked, else the first bookable one. */
  date: string | null;
  setDate: (date: string) => void;
  /** The service filter; null: all services. */
  service: string | null;
  setService: (service: string | null) => void;
  /** The list; an action loads it again (the figures change with it), also after a refusal. */
  list: Remote<BookingList>;
}

/** The bookings desk of one community: which evening and service, the list, and the moves. */
export function useBookingDesk(community: string | null, dates: string[] | null): BookingDeskState {
  const [picked, setPicked] = useState<string | null>(null);
  const [service, setService] = useState<string | null>(null);
  const date = picked !== null && dates?.includes(picked) ? picked : (dates?.[0] ?? null);

  // useRemote loads per string key: the three fields, in a fixed order.
  const key = community && date ? JSON.stringify([community, date, service ?? '']) : null;
  const load = useCallback((k: string) => {
    const [c, d, s] = JSON.parse(k) as [string, string, string];
    return listBookings(s ? { community: c, date: d, service: s } : { community: c, date: d });
  }, []);
  const list = useRemote(key, load);

  // Also after a refusal (e.g. another desk handled the booking): show what it is now.
  const desk = useDeskRun(list.reload);

  return { date, setDate: setPicked, service, setService, list, ...desk };
}
