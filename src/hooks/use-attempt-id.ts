import { useMemo, useRef } from 'react';
import { mayHaveReachedServer } from '@/lib/gateway';
import { newRequestId } from '@/lib/request-id';

export interface AttemptId {
  /**
   * The requestId for an attempt at `subject` (e.g. a slot): the pending one when this retries
   * the same subject, a fresh one otherwise.
   */
  take: (subject: string) => string;
  /**
   * The attempt is over: after a success (no error) or a refusal the next tap starts a new one;
   * after a failure that may have reached the server the id is kept for the retry.
   */
  settle: (error?: unknown) => void;
}

/**
 * One requestId per user action, reused while that action is retried, so a booking that reached
 * the server before the network failed is answered again instead of made twice.
 */
export function useAttemptId(): AttemptId {
  const pending = useRef<{ subject: string; id: string } | null>(null);
  return useMemo(
    () => ({
      take: (subject: string) => {
        if (pending.current?.subject !== subject) {
          pending.current = { subject, id: newRequestId() };
        }
        return pending.current.id;
      },
      settle: (error?: unknown) => {
        if (error === undefined || !mayHaveReachedServer(error)) pending.current = null;
      },
    }),
    [],
  );
}
