import { useCallback, useState } from 'react';
import { useRemote, type Remote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import type { BookingList } from '@/types/contract';
import { listBookings } from '../api/list-bookings';

export interface BookingDeskState {
  /** The evening shown: the one picked, else the first bookable one. */
  date: string | null;
  setDate: (date: string) => void;
  /** The service filter; null: all services. */
  service: string | null;
  setService: (service: string | null) => void;
  list: Remote<BookingList>;
  /** An action is on its way: the row buttons are off meanwhile. */
  busy: boolean;
  /**
   * Runs a staff action, then loads the list again (the figures change with it). Resolves to the
   * Chinese error message, or null on success.
   */
  run: (action: () => Promise<unknown>) => Promise<string | null>;
}

/** The bookings desk of one community: which evening and service, the list, and the moves. */
export function useBookingDesk(community: string | null, dates: string[] | null): BookingDeskState {
  const [picked, setPicked] = useState<string | null>(null);
  const [service, setService] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const date = picked !== null && dates?.includes(picked) ? picked : (dates?.[0] ?? null);

  // useRemote loads per string key: the three fields, in a fixed order.
  const key = community && date ? JSON.stringify([community, date, service ?? '']) : null;
  const load = useCallback((k: string) => {
    const [c, d, s] = JSON.parse(k) as [string, string, string];
    return listBookings(s ? { community: c, date: d, service: s } : { community: c, date: d });
  }, []);
  const list = useRemote(key, load);
  const { reload } = list;

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true);
      let message: string | null = null;
      try {
        await action();
      } catch (e: unknown) {
        message = errorMessage(e);
      }
      // Also after a refusal (e.g. another desk handled the booking): show what it is now.
      await reload();
      setBusy(false);
      return message;
    },
    [reload],
  );

  return { date, setDate: setPicked, service, setService, list, busy, run };
}
