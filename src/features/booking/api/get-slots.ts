import { useCallback } from 'react';
import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Slot, SlotsInput } from '@/types/contract';

/** The slots of one service on one evening, with seats left and how many wait for each. */
export function getSlots(input: SlotsInput): Promise<Slot[]> {
  return call('booking.slots', input);
}

/** The slots for `input`, reloaded whenever it changes (null: nothing to load). */
export function useSlots(input: SlotsInput | null): Remote<Slot[]> {
  // useRemote loads per string key: the three fields, in a fixed order.
  const key = input ? JSON.stringify([input.community, input.service, input.date]) : null;
  const load = useCallback((k: string) => {
    const [community, service, date] = JSON.parse(k) as [string, string, string];
    return getSlots({ community, service, date });
  }, []);
  return useRemote(key, load);
}
