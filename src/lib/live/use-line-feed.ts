import { useEffect, useRef } from 'react';
import type { LineState } from '@/types/contract';
import { followLines } from './shared-feed';
import { isNewerLine, lineKey, type LineFeedHandlers } from './types';

/**
 * Follows the live state of every queue line of `community` (null: nothing) while mounted.
 * `onLine` only sees states newer than the last one it saw for that line (see isNewerLine): a
 * reconnect's replay and out-of-order deliveries are dropped here, once for every page. Hooks
 * following the same community share one connection (shared-feed.ts).
 */
export function useLineFeed(community: string | null, handlers: LineFeedHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    if (community === null) return undefined;
    const seen = new Map<string, LineState>();
    return followLines(community, {
      onLine: (line) => {
        const key = lineKey(line);
        if (!isNewerLine(line, seen.get(key))) return;
        seen.set(key, line);
        ref.current.onLine(line);
      },
      onAlert: (alert) => ref.current.onAlert?.(alert),
      onSettled: () => ref.current.onSettled?.(),
    });
  }, [community]);
}
