import { useCallback, useRef, useState } from 'react';
import { useAttemptId } from '@/hooks/use-attempt-id';
import { errorMessage } from '@/lib/gateway';
import type { CompanionRequest } from '@/types/contract';
import { requestCompanion } from '../api/request-companion';

export interface CompanionRequestState {
  note: string;
  setNote: (note: string) => void;
  busy: boolean;
  /** The server's refusal, or the network's, in Chinese: shown in an alert. */
  error: string | null;
  /** The request staff now see; null until it went through. */
  sent: CompanionRequest | null;
  send: () => Promise<void>;
}

/**
 * "需要社工陪同" for one ticket or booking. One requestId per `about`, reused when the tap is
 * retried after a failure that may have reached the server, so staff get the request once.
 */
export function useCompanionRequest(
  community: string,
  about: string,
  date?: string,
): CompanionRequestState {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<CompanionRequest | null>(null);
  const attempt = useAttemptId();
  const running = useRef(false);

  const send = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const trimmed = note.trim();
      const request = await requestCompanion({
        community,
        about,
        ...(date ? { date } : {}),
        ...(trimmed ? { note: trimmed } : {}),
        requestId: attempt.take(`${community}|${about}`),
      });
      attempt.settle();
      setSent(request);
    } catch (e: unknown) {
      attempt.settle(e);
      setError(errorMessage(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [about, attempt, community, date, note]);

  return { note, setNote, busy, error, sent, send };
}
