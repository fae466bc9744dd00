import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { isNewerLine, lineKey, useLineFeed } from '@/lib/live';
import type { LineAlert, LineState, Ticket } from '@/types/contract';
import { getMyTickets } from '../api/my-tickets';
import {
  attachWatch,
  knownTickets,
  recallTicketsOnce,
  rememberTickets,
  subscribeCallMemory,
} from '../model/call-memory';
import { followLine } from '../model/follow-line';
import { isActive, mostRelevant } from '../model/ticket-text';

export interface CallWatchState {
  /** My tickets as the live lines move them, without those that left their line. */
  tickets: Ticket[] | null;
  /** The last alert per ticket id (H5 live feed). */
  alerts: Record<string, LineAlert>;
}

/** Lines written before the order was published cannot tell whether a ticket left. */
const carriesOrder = (line: LineState) =>
  Array.isArray(line.waitingNumbers) &&
  Array.isArray(line.calledNumbers) &&
  Array.isArray(line.missed);

/**
 * My active ticket is no longer in its line at all: served, cancelled or past its requeue time.
 * The page that owns the tickets asks the server which; the call stops at once.
 */
function leftLine(ticket: Ticket, line: LineState): boolean {
  if (!isActive(ticket) || lineKey(ticket) !== lineKey(line) || ticket.date !== line.date) {
    return false;
  }
  if (!carriesOrder(line)) return false;
  return (
    !line.waitingNumbers.includes(ticket.number) &&
    !line.calledNumbers.includes(ticket.number) &&
    !line.missed.some((m) => m.number === ticket.number)
  );
}

/**
 * My tickets for the call watch on any resident page. `given`: the tickets the page itself holds
 * (tonight, ticket), which the watch also remembers for the pages that load none; undefined: the
 * tickets remembered from those pages, or, when the app opened on a page that loads none, asked
 * once per app run (queue.mine). While
 * `live`, the line of my most relevant ticket is followed over the shared feed (one connection per
 * community, whoever else on the page follows it), and H5 alerts for my tickets are kept.
 */
export function useCallWatch(given: Ticket[] | null | undefined, live: boolean): CallWatchState {
  useEffect(() => attachWatch(), []);
  const remembered = useSyncExternalStore(subscribeCallMemory, knownTickets, knownTickets);
  useEffect(() => {
    if (given) rememberTickets(given);
    else if (given === undefined) recallTicketsOnce(() => getMyTickets());
  }, [given]);
  const base = given === undefined ? remembered : given;

  const [lines, setLines] = useState<Record<string, LineState>>({});
  const [alerts, setAlerts] = useState<Record<string, LineAlert>>({});
  const active = base?.filter(isActive) ?? [];
  const following = live ? (mostRelevant(active)?.community ?? null) : null;
  useLineFeed(following, {
    onLine: (line) =>
      setLines((all) => {
        const key = lineKey(line);
        return isNewerLine(line, all[key]) ? { ...all, [key]: line } : all;
      }),
    onAlert: (alert) => setAlerts((a) => ({ ...a, [alert.ticket.id]: alert })),
  });

  const tickets = useMemo(() => {
    if (!base) return null;
    // An alert carries my ticket as the server saw it at that moment.
    const alerted = base.map((t) => alerts[t.id]?.ticket ?? t);
    const moved = Object.values(lines).reduce(
      (all, line) => followLine(all, line).tickets,
      alerted,
    );
    return moved.filter((t) => !Object.values(lines).some((line) => leftLine(t, line)));
  }, [base, lines, alerts]);

  return { tickets, alerts };
}
