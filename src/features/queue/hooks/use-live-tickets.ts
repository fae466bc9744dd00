import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Remote } from '@/hooks/use-remote';
import { lineKey, useLineFeed } from '@/lib/live';
import type { LineAlert, Ticket } from '@/types/contract';
import { useMyTickets } from '../api/my-tickets';
import { isActive, mostRelevant } from '../model/ticket-text';

export interface LiveTickets {
  remote: Remote<Ticket[]>;
  /** My tickets tonight with the newest known state of each (answers and alerts applied). */
  tickets: Ticket[] | null;
  /** The last alert per ticket id (H5 live feed). */
  alerts: Record<string, LineAlert>;
  /** Puts a ticket an action answered with in place until the next load. */
  apply: (ticket: Ticket) => void;
}

/**
 * My tickets, kept live while `live` (the page is on screen): a version change on a line where I
 * hold a ticket re-fetches `queue.mine` (one call; older versions are dropped by the feed), and
 * alerts apply at once.
 */
export function useLiveTickets(live = true): LiveTickets {
  const remote = useMyTickets();
  const { data, reload } = remote;
  const [overrides, setOverrides] = useState<Record<string, Ticket>>({});
  const [alerts, setAlerts] = useState<Record<string, LineAlert>>({});

  // A fresh answer is newer than anything applied before it.
  useEffect(() => setOverrides({}), [data]);

  const tickets = useMemo(() => {
    if (!data) return null;
    const known = new Set(data.map((t) => t.id));
    const extra = Object.values(overrides).filter((t) => !known.has(t.id));
    return [...data.map((t) => overrides[t.id] ?? t), ...extra];
  }, [data, overrides]);

  const held = useMemo(
    () => new Set((tickets ?? []).filter(isActive).map((t) => lineKey(t))),
    [tickets],
  );
  const heldRef = useRef(held);
  heldRef.current = held;

  const apply = useCallback((ticket: Ticket) => {
    setOverrides((o) => ({ ...o, [ticket.id]: ticket }));
  }, []);

  // Follow the community of the ticket that matters most, once the first answer is in (so the
  // H5 identity cookie exists before the stream opens).
  const community = live && tickets ? (mostRelevant(tickets)?.community ?? null) : null;
  useLineFeed(community, {
    onLine: (line) => {
      if (heldRef.current.has(lineKey(line))) void reload();
    },
    onAlert: (alert) => {
      apply(alert.ticket);
      setAlerts((a) => ({ ...a, [alert.ticket.id]: alert }));
      void reload();
    },
  });

  return { remote, tickets, alerts, apply };
}
