import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useRemote, type Remote } from '@/hooks/use-remote';
import { isNewerLine, lineKey, useLineFeed } from '@/lib/live';
import type { LineAlert, LineState, Ticket } from '@/types/contract';
import { getMyTickets } from '../api/my-tickets';
import { followLine } from '../model/follow-line';
import { mostRelevant } from '../model/ticket-text';

export interface LiveTickets {
  remote: Remote<Ticket[]>;
  /** My tickets tonight with the newest known state of each (line states, answers and alerts). */
  tickets: Ticket[] | null;
  /** The last alert per ticket id (H5 live feed). */
  alerts: Record<string, LineAlert>;
  /** Puts a ticket an action answered with in place until the next load. */
  apply: (ticket: Ticket) => void;
  /** The newest state of each followed line, by lineKey ("jinse:library"). */
  lines: Record<string, LineState>;
}

type Overrides = Record<string, Ticket>;

const MINE = 'mine';

/** The answer with what is known since: newer states of its tickets, and tickets it lacks. */
function merge(data: Ticket[], overrides: Overrides): Ticket[] {
  const known = new Set(data.map((t) => t.id));
  const extra = Object.values(overrides).filter((t) => !known.has(t.id));
  return [...data.map((t) => overrides[t.id] ?? t), ...extra];
}

/**
 * My tickets, kept live while `live` (the page is on screen). A line state moves my tickets
 * itself (followLine): no call, unless the line cannot tell what became of my own ticket, and
 * then `queue.mine` is asked once. Alerts (H5) carry my ticket and apply at once.
 * `community` (the page's `?c=`) narrows `queue.mine` to one read; once a ticket is shown, its
 * community does.
 */
export function useLiveTickets(live = true, community: string | null = null): LiveTickets {
  // Read at each load: a community learnt from the first answer narrows the next ones.
  const scope = useRef(community);
  const remote = useRemote(MINE, () => getMyTickets(scope.current));
  const { data, reload } = remote;
  const [overrides, setOverrides] = useState<Overrides>({});
  const [alerts, setAlerts] = useState<Record<string, LineAlert>>({});
  const [lines, setLines] = useState<Record<string, LineState>>({});

  // A fresh answer is newer than anything applied before it.
  useEffect(() => setOverrides({}), [data]);

  const tickets = useMemo(() => (data ? merge(data, overrides) : null), [data, overrides]);
  const ticketsRef = useRef(tickets);
  ticketsRef.current = tickets;
  // The last state applied per line, for followLine's version check.
  const seen = useRef(new Map<string, LineState>());

  const apply = useCallback((ticket: Ticket) => {
    setOverrides((o) => ({ ...o, [ticket.id]: ticket }));
  }, []);

  // Follow the community of the ticket that matters most, once the first answer is in (so the
  // H5 identity cookie exists before the stream opens).
  const following = live && tickets ? (mostRelevant(tickets)?.community ?? null) : null;
  scope.current = community ?? following ?? scope.current;
  useLineFeed(following, {
    onLine: (line) => {
      const current = ticketsRef.current;
      const key = lineKey(line);
      const before = seen.current.get(key);
      if (isNewerLine(line, before)) {
        seen.current.set(key, line);
        setLines((all) => ({ ...all, [key]: line }));
      }
      if (!current) return;
      const next = followLine(current, line, before);
      if (next.tickets !== current) {
        const changed = next.tickets.filter((t, i) => t !== current[i]);
        setOverrides((o) => ({ ...o, ...Object.fromEntries(changed.map((t) => [t.id, t])) }));
      }
      if (next.refetch) void reload();
    },
    onAlert: (alert) => {
      apply(alert.ticket);
      setAlerts((a) => ({ ...a, [alert.ticket.id]: alert }));
    },
  });

  return { remote, tickets, alerts, apply, lines };
}
