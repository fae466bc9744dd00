import { useMemo } from 'react';
import type { LineState, Ticket, Tonight } from '@/types/contract';
import { followLine } from '../model/follow-line';
import { useQueueLines } from './use-queue-lines';

export interface TonightQueue {
  /** Live state of each walk-in line tonight while the evening is open, by queue id. */
  lines: Record<string, LineState>;
  /**
   * My tickets tonight, for the 我的号 entry: from the tonight answer (`mine`), moved along by
   * the live lines at no cost. What the lines cannot tell waits for the next tonight answer.
   */
  tickets: Ticket[];
}

const NONE: Ticket[] = [];

/**
 * What the tonight page needs about the walk-in lines of the community it shows. Lines are
 * followed live only while `live`: the evening is open (by the server's clock) and the page is on
 * screen.
 */
export function useTonightQueue(tonight: Tonight | null, live = true): TonightQueue {
  const hasQueue = Boolean(tonight?.services.some((s) => s.kind === 'queue'));
  const followed = useQueueLines(live && tonight && hasQueue ? tonight.community.id : null);
  const date = tonight?.date;
  // A watched line document stays from its last evening until tonight's first change: an earlier
  // evening's state (its waiting count, its "accepting") says nothing about tonight.
  const lines = useMemo(
    () => Object.fromEntries(Object.entries(followed).filter(([, line]) => line.date === date)),
    [followed, date],
  );
  const mine = tonight?.mine?.tickets ?? NONE;
  const tickets = useMemo(
    () => Object.values(lines).reduce((all, line) => followLine(all, line).tickets, mine),
    [lines, mine],
  );
  return { lines, tickets };
}
