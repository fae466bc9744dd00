import { useEffect, useMemo, useState } from 'react';
import type { LineState, Ticket, Tonight } from '@/types/contract';
import { getLineStates } from '../api/untouched-lines';
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

const ofDate = (lines: Record<string, LineState>, date: string | undefined) =>
  Object.fromEntries(Object.entries(lines).filter(([, line]) => line.date === date));

/**
 * What the tonight page needs about the walk-in lines of the community it shows. Lines are
 * followed live only while `live`: the evening is open (by the server's clock) and the page is on
 * screen.
 */
export function useTonightQueue(tonight: Tonight | null, live = true): TonightQueue {
  const queues = useMemo(
    () => tonight?.services.filter((s) => s.kind === 'queue').map((s) => s.id) ?? [],
    [tonight],
  );
  const community = live && tonight && queues.length > 0 ? tonight.community.id : null;
  const { lines: followed, settled } = useQueueLines(community);
  const date = tonight?.date;
  // A watched line document stays from its last evening until tonight's first change: an earlier
  // evening's state (its waiting count, its "accepting") says nothing about tonight.
  const current = useMemo(() => ofDate(followed, date), [followed, date]);

  // A line nobody touched tonight has no state of tonight in the watched collection: asked once,
  // so its 取号 still turns at the last-join time (a touched line's state replaces it).
  const [untouched, setUntouched] = useState<Record<string, LineState>>({});
  const missing = settled && community !== null && queues.some((q) => !current[q]);
  useEffect(() => setUntouched({}), [community, date]);
  useEffect(() => {
    if (!missing || community === null) return undefined;
    let alive = true;
    getLineStates(community)
      .then((states) => {
        if (alive) setUntouched(Object.fromEntries(states.map((l) => [l.queue, l])));
      })
      // Without it the page is as before: the server still refuses a late join, calmly.
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [missing, community]);

  const lines = useMemo(
    () => ({ ...ofDate(untouched, date), ...current }),
    [untouched, current, date],
  );
  const mine = tonight?.mine?.tickets ?? NONE;
  const tickets = useMemo(
    () => Object.values(lines).reduce((all, line) => followLine(all, line).tickets, mine),
    [lines, mine],
  );
  return { lines, tickets };
}
