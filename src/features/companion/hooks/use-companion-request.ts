import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/gateway';
import type { CompanionKind, MyCompanion } from '@/types/contract';
import { getMyCompanion, requestCompanion } from '../api/request-companion';

export interface CompanionRequestState {
  note: string;
  setNote: (note: string) => void;
  busy: boolean;
  /** The server's refusal, or the network's, in Chinese: shown in an alert. */
  error: string | null;
  /** True until the page knows whether a request was already made (no button meanwhile). */
  loading: boolean;
  /** The request made for this ticket or booking (now or before a reload); null before. */
  sent: MyCompanion | null;
  send: () => Promise<void>;
}

/**
 * "需要社工陪同" for one ticket or booking. It first asks whether a request was already made (so a
 * reload shows its state, not the button again); the server keeps one request per ticket or
 * booking, so a retried or repeated tap cannot make a second.
 */
export function useCompanionRequest(kind: CompanionKind, ref: string): CompanionRequestState {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [sent, setSent] = useState<MyCompanion | null>(null);
  const running = useRef(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    getMyCompanion({ kind, ref })
      .then((found) => {
        if (live) setSent(found);
      })
      // Unknown is not "none": the button stays and a tap finds the request if there is one.
      .catch(() => undefined)
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [kind, ref]);

  const send = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const trimmed = note.trim();
      setSent(await requestCompanion({ kind, ref, ...(trimmed ? { note: trimmed } : {}) }));
    } catch (e: unknown) {
      setError(errorMessage(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [kind, note, ref]);

  return { note, setNote, busy, error, loading, sent, send };
}
