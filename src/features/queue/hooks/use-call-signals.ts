import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { vibrateCall, vibrateNear } from '@/lib/vibrate';
import type { LineAlert, Ticket } from '@/types/contract';
import {
  acknowledge,
  callAgain,
  callKey,
  callMemoryVersion,
  feelOnce,
  isAcknowledged,
  subscribeCallMemory,
} from '../model/call-memory';
import { NEAR_AHEAD } from '../model/ticket-text';

export interface CallSignals {
  /** A called ticket of mine not yet acknowledged: the page shows the full-screen call. */
  called: Ticket | null;
  /** 我知道了: the call stops (screen and vibration) on every page. */
  dismiss: () => void;
  /** A waiting ticket of mine close to the desk. */
  near: Ticket | null;
}

/** A waiting ticket of mine close to the desk (by the line, or by a "3 ahead" alert), if any. */
export function nearTicket(
  tickets: Ticket[] | null,
  alerts: Record<string, LineAlert>,
): Ticket | null {
  return (
    (tickets ?? []).find(
      (t) =>
        t.status === 'waiting' && (t.ahead < NEAR_AHEAD || alerts[t.id]?.kind === 'three-ahead'),
    ) ?? null
  );
}

/**
 * Turns my tickets into what the resident must notice, on screen first and by vibration as well
 * (never sound only, never vibration only): the call, and "almost your turn". While `active`
 * (the page is on screen) the call vibrates in a repeating pattern until 我知道了, or until the
 * ticket is no longer called (served, missed or cancelled). Acknowledged calls are shared by
 * every page (call-memory.ts).
 */
export function useCallSignals(
  tickets: Ticket[] | null,
  alerts: Record<string, LineAlert>,
  active = true,
): CallSignals {
  // Re-render when a call is acknowledged (or called again) on any page.
  const memory = useSyncExternalStore(subscribeCallMemory, callMemoryVersion, callMemoryVersion);
  const lastAhead = useRef(new Map<string, number>());

  const called = useMemo(
    () => (tickets ?? []).find((t) => t.status === 'called' && !isAcknowledged(callKey(t))) ?? null,
    // `memory` stands for the acknowledged calls read above.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tickets, memory],
  );
  const near = useMemo(() => nearTicket(tickets, alerts), [tickets, alerts]);

  // Each new "your turn" alert calls again, even when the ticket's calledAt did not change (a
  // recall within the same second, or a call the resident had acknowledged). A call already
  // ringing starts its pattern again (`rings`); an acknowledged one comes back on screen.
  const [rings, setRings] = useState(0);
  const ringing = useRef<string | null>(null);
  const handledAlerts = useRef(new WeakSet<LineAlert>());
  useEffect(() => {
    const fresh = Object.values(alerts).filter(
      (a) => a.kind === 'your-turn' && !handledAlerts.current.has(a),
    );
    let again = false;
    for (const a of fresh) {
      handledAlerts.current.add(a);
      const key = callKey(a.ticket);
      again ||= ringing.current === key;
      callAgain(key);
    }
    if (again) setRings((r) => r + 1);
  }, [alerts]);

  // The pattern runs while the call is on screen: a new call (or ring) restarts it; 我知道了,
  // the end of the call or the page leaving the screen stops it.
  const calledKey = called ? callKey(called) : null;
  useEffect(() => {
    if (!active || calledKey === null) return undefined;
    ringing.current = calledKey;
    const stop = vibrateCall();
    return () => {
      ringing.current = null;
      stop();
    };
  }, [active, calledKey, rings]);

  // "Almost your turn" is felt once per ticket: on the alert, or when the line moves it there
  // while a page is open (not for a ticket that was already close when the page opened).
  useEffect(() => {
    for (const t of tickets ?? []) {
      const before = lastAhead.current.get(t.id);
      lastAhead.current.set(t.id, t.ahead);
      if (!active || t.status !== 'waiting') continue;
      const alerted = alerts[t.id]?.kind === 'three-ahead';
      const moved = before !== undefined && before >= NEAR_AHEAD && t.ahead < NEAR_AHEAD;
      if ((alerted || moved) && feelOnce(t.id)) vibrateNear();
    }
  }, [tickets, alerts, active]);

  const dismiss = useCallback(() => {
    if (calledKey !== null) acknowledge(calledKey);
  }, [calledKey]);

  return { called, dismiss, near };
}
