import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/gateway';
import { isNewerLine, useLineFeed } from '@/lib/live';
import type { QueueDesk } from '@/types/contract';
import { getQueueDesk } from '../api/get-queue-desk';

export interface QueueDeskState {
  data: QueueDesk | null;
  /** The last load's error (page-level: shown inline with retry). */
  error: unknown;
  reload: () => Promise<void>;
  /** An action is on its way: action buttons are off meanwhile. */
  busy: boolean;
  /**
   * Runs a staff action that answers with the fresh desk and shows that answer. Resolves to
   * the Chinese error message, or null on success.
   */
  run: (action: () => Promise<QueueDesk>) => Promise<string | null>;
}

interface State {
  data: QueueDesk | null;
  error: unknown;
}

/**
 * One line's desk, kept live: a newer line version on the feed (another desk, a resident
 * joining or cancelling) re-fetches it. Answers are sequenced: an older request's answer never
 * replaces a newer one.
 */
export function useQueueDesk(community: string | null, queue: string | null): QueueDeskState {
  const [state, setState] = useState<State>({ data: null, error: null });
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const dataRef = useRef<QueueDesk | null>(null);
  dataRef.current = state.data;

  const reload = useCallback(async () => {
    if (community === null || queue === null) return;
    const id = ++seq.current;
    try {
      const data = await getQueueDesk({ community, queue });
      if (id === seq.current) setState({ data, error: null });
    } catch (error: unknown) {
      if (id === seq.current) setState((s) => ({ data: s.data, error }));
    }
  }, [community, queue]);

  useEffect(() => {
    setState({ data: null, error: null });
    void reload();
    return () => {
      seq.current += 1;
    };
  }, [reload]);

  const run = useCallback(
    async (action: () => Promise<QueueDesk>) => {
      const id = ++seq.current;
      setBusy(true);
      try {
        const data = await action();
        if (id === seq.current) setState({ data, error: null });
        return null;
      } catch (error: unknown) {
        // E.g. "already handled" by another desk: show what the line looks like now.
        void reload();
        return errorMessage(error);
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );

  useLineFeed(community, {
    onLine: (line) => {
      const current = dataRef.current?.line;
      if (line.queue !== queue || (current && !isNewerLine(line, current))) return;
      void reload();
    },
  });

  return { data: state.data, error: state.error, reload, busy, run };
}
