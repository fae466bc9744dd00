import { useCallback, useRef, useState } from 'react';
import { errorMessage, mayHaveReachedServer } from '@/lib/gateway';
import { newRequestId } from '@/lib/request-id';
import type { Ticket } from '@/types/contract';
import { joinQueue } from '../api/join-queue';
import { requestQueueAlerts } from '../subscribe-alerts';

export interface Join {
  busy: boolean;
  /** The last failure in Chinese, shown next to the button. */
  error: string | null;
  join: () => Promise<void>;
}

/**
 * The join tap: ask for notice permission (weapp), take the number, hand over the ticket.
 * A tap makes one requestId; a tap after a network failure reuses it, so the server answers the
 * ticket it may already have made instead of a second one.
 */
export function useJoin(
  community: string,
  queue: string,
  onJoined: (ticket: Ticket) => void,
): Join {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<string | null>(null);
  const running = useRef(false);
  const onJoinedRef = useRef(onJoined);
  onJoinedRef.current = onJoined;

  const join = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    // First and synchronously inside the tap: WeChat only shows the dialog after a user tap.
    const asking = requestQueueAlerts();
    const requestId = pending.current ?? newRequestId();
    pending.current = requestId;
    setBusy(true);
    setError(null);
    try {
      await asking;
      const ticket = await joinQueue({ community, queue, requestId });
      pending.current = null;
      onJoinedRef.current(ticket);
    } catch (e: unknown) {
      if (!mayHaveReachedServer(e)) pending.current = null;
      setError(errorMessage(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [community, queue]);

  return { busy, error, join };
}
