import { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { errorMessage, GatewayError, mayHaveReachedServer } from '@/lib/gateway';
import { newRequestId } from '@/lib/request-id';
import type { Ticket } from '@/types/contract';
import { joinQueue } from '../api/join-queue';
import { requestQueueAlerts } from '../subscribe-alerts';

export interface Join {
  /** Taking the number, or opening its ticket page: the button is off meanwhile. */
  busy: boolean;
  /** The last failure in Chinese, shown next to the button. */
  error: string | null;
  /**
   * The failure was the line being closed (the evening ended while the page was open, taking
   * numbers stopped): information with the next step, not an error.
   */
  closed: boolean;
  join: () => Promise<void>;
}

/**
 * The join tap: ask for notice permission (weapp), take the number, hand over the ticket.
 * A tap makes one requestId; a tap after a network failure reuses it, so the server answers the
 * ticket it may already have made instead of a second one.
 * One join opens one ticket page: after a success the button stays off until this page is on
 * screen again (or opening the ticket failed). On a slow network the ticket page takes a moment
 * to appear, and a second tap meanwhile used to push it twice, leaving Back on a ticket page.
 */
export function useJoin(
  community: string,
  queue: string,
  onJoined: (ticket: Ticket) => void | Promise<unknown>,
): Join {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [closed, setClosed] = useState(false);
  const pending = useRef<string | null>(null);
  const running = useRef(false);
  const onJoinedRef = useRef(onJoined);
  onJoinedRef.current = onJoined;

  const release = useCallback(() => {
    running.current = false;
    setBusy(false);
  }, []);
  // Back on screen (from the ticket page, or the background): the next tap is a new join, and a
  // failure from before no longer describes the line.
  useDidShow(() => {
    release();
    setError(null);
  });

  const join = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    // First and synchronously inside the tap: WeChat only shows the dialog after a user tap.
    const asking = requestQueueAlerts();
    const requestId = pending.current ?? newRequestId();
    pending.current = requestId;
    setBusy(true);
    setError(null);
    let ticket: Ticket;
    try {
      await asking;
      ticket = await joinQueue({ community, queue, requestId });
      pending.current = null;
    } catch (e: unknown) {
      if (!mayHaveReachedServer(e)) pending.current = null;
      setError(errorMessage(e));
      setClosed(e instanceof GatewayError && e.code === 'CLOSED');
      release();
      return;
    }
    try {
      await onJoinedRef.current(ticket);
    } catch {
      // The ticket page did not open: the number is taken, and the next tap opens it.
      release();
    }
  }, [community, queue, release]);

  return { busy, error, closed, join };
}
