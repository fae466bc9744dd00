import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/gateway';
import { isNewerLine, useLineFeed } from '@/lib/live';
import type { LineState, QueueDesk } from '@/types/contract';
import { getQueueDesk } from '../api/get-queue-desk';

export interface QueueDeskState {
  data: QueueDesk | null;
  /** The last load's error (page-level: shown inline with retry). */
  error: unknown;
  reload: () => Promise<void>;
  /**
   * Runs a staff action that answers with the fresh desk and shows that answer. Resolves to
   * the Chinese error message, or null on success. One action at a time: a tap while one is on
   * its way is refused with a message, not by switching every button off and on again (each
   * switch is a setData of every button: issue #15's 2 KB per update).
   */
  run: (action: () => Promise<QueueDesk>) => Promise<string | null>;
}

const BUSY = '上一步还在处理，请稍候再点';

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
  const busy = useRef(false);
  const seq = useRef(0);
  const dataRef = useRef<QueueDesk | null>(null);
  dataRef.current = state.data;
  // The newest state of this line the feed delivered, and how many answers are on their way: a
  // push that lands while an answer is coming is checked against that answer, not fetched again
  // (the desk's own call, and the page's first load, would otherwise cost a second queue.desk).
  const newest = useRef<LineState | null>(null);
  const pending = useRef(0);

  const fetchDesk = useRef<() => Promise<void>>(async () => undefined);
  // The pushed line last fetched for: once per push, whatever the answer says.
  const chased = useRef<LineState | null>(null);
  /** Shows an answer; fetches once more when the feed has seen a newer line than it carries. */
  const show = useCallback((data: QueueDesk) => {
    setState({ data, error: null });
    const seen = newest.current;
    if (seen && seen !== chased.current && isNewerLine(seen, data.line)) {
      chased.current = seen;
      void fetchDesk.current();
    }
  }, []);

  const reload = useCallback(async () => {
    if (community === null || queue === null) return;
    const id = ++seq.current;
    pending.current += 1;
    try {
      const data = await getQueueDesk({ community, queue });
      if (id === seq.current) show(data);
    } catch (error: unknown) {
      if (id === seq.current) setState((s) => ({ data: s.data, error }));
    } finally {
      pending.current -= 1;
    }
  }, [community, queue, show]);
  fetchDesk.current = reload;

  useEffect(() => {
    setState({ data: null, error: null });
    newest.current = null;
    void reload();
    return () => {
      seq.current += 1;
    };
  }, [reload]);

  const run = useCallback(
    async (action: () => Promise<QueueDesk>) => {
      if (busy.current) return BUSY;
      busy.current = true;
      const id = ++seq.current;
      pending.current += 1;
      try {
        const data = await action();
        if (id === seq.current) show(data);
        return null;
      } catch (error: unknown) {
        // E.g. "already handled" by another desk: show what the line looks like now.
        void reload();
        return errorMessage(error);
      } finally {
        busy.current = false;
        pending.current -= 1;
      }
    },
    [reload, show],
  );

  useLineFeed(community, {
    onLine: (line) => {
      if (line.queue !== queue) return;
      if (!newest.current || isNewerLine(line, newest.current)) newest.current = line;
      if (pending.current > 0) return;
      const current = dataRef.current?.line;
      if (current && !isNewerLine(line, current)) return;
      chased.current = line;
      void reload();
    },
  });

  return { data: state.data, error: state.error, reload, run };
}
