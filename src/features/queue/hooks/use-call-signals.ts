import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { vibrateCall, vibrateShort } from '@/lib/vibrate';
import type { LineAlert, Ticket } from '@/types/contract';
import { NEAR_AHEAD } from '../model/ticket-text';

export interface CallSignals {
  /** A called ticket of mine not yet dismissed: the page shows the full-screen call. */
  called: Ticket | null;
  dismiss: () => void;
  /** A waiting ticket of mine close to the desk: the page shows the banner. */
  near: Ticket | null;
}

// A recall sets a new calledAt, so a recalled ticket shows (and vibrates) again.
const callKey = (t: Ticket) => `${t.id}@${t.calledAt ?? ''}`;

/**
 * Turns my tickets into what the resident must notice, on screen first and by vibration as well
 * (never sound only, never vibration only): the call, and "almost your turn".
 */
export function useCallSignals(
  tickets: Ticket[] | null,
  alerts: Record<string, LineAlert>,
): CallSignals {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const buzzedCalls = useRef(new Set<string>());
  const buzzedNear = useRef(new Set<string>());
  const lastAhead = useRef(new Map<string, number>());
  // The call's vibration pattern under way: a new call restarts it, 我知道了 stops it.
  const stopBuzz = useRef<(() => void) | null>(null);
  const buzzCall = useCallback(() => {
    stopBuzz.current?.();
    stopBuzz.current = vibrateCall();
  }, []);
  useEffect(() => () => stopBuzz.current?.(), []);

  const called = useMemo(
    () => (tickets ?? []).find((t) => t.status === 'called' && !dismissed.has(callKey(t))) ?? null,
    [tickets, dismissed],
  );

  const near = useMemo(
    () =>
      (tickets ?? []).find(
        (t) =>
          t.status === 'waiting' && (t.ahead < NEAR_AHEAD || alerts[t.id]?.kind === 'three-ahead'),
      ) ?? null,
    [tickets, alerts],
  );

  // Each new "your turn" alert calls again, even when the ticket's calledAt did not change (a
  // recall within the same second, or a call the resident had dismissed).
  const handledAlerts = useRef(new WeakSet<LineAlert>());
  useEffect(() => {
    const fresh = Object.values(alerts).filter(
      (a) => a.kind === 'your-turn' && !handledAlerts.current.has(a),
    );
    if (fresh.length === 0) return;
    for (const a of fresh) {
      handledAlerts.current.add(a);
      buzzedCalls.current.add(callKey(a.ticket));
    }
    buzzCall();
    setDismissed((d) => {
      const next = new Set(d);
      for (const a of fresh) next.delete(callKey(a.ticket));
      return next.size === d.size ? d : next;
    });
  }, [alerts, buzzCall]);

  const calledKey = called ? callKey(called) : null;
  useEffect(() => {
    if (calledKey === null || buzzedCalls.current.has(calledKey)) return;
    buzzedCalls.current.add(calledKey);
    buzzCall();
  }, [calledKey, buzzCall]);

  // One short buzz when a ticket comes close: on the alert, or when the line moves it there
  // while the page is open (not for a ticket that was already close when the page opened).
  useEffect(() => {
    for (const t of tickets ?? []) {
      const before = lastAhead.current.get(t.id);
      lastAhead.current.set(t.id, t.ahead);
      if (t.status !== 'waiting' || buzzedNear.current.has(t.id)) continue;
      const alerted = alerts[t.id]?.kind === 'three-ahead';
      const moved = before !== undefined && before >= NEAR_AHEAD && t.ahead < NEAR_AHEAD;
      if (alerted || moved) {
        buzzedNear.current.add(t.id);
        vibrateShort();
      }
    }
  }, [tickets, alerts]);

  const dismiss = useCallback(() => {
    if (calledKey === null) return;
    stopBuzz.current?.();
    stopBuzz.current = null;
    setDismissed((d) => new Set(d).add(calledKey));
  }, [calledKey]);

  return { called, dismiss, near };
}
