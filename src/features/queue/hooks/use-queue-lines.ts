import { useEffect, useState } from 'react';
import { useLineFeed } from '@/lib/live';
import type { LineState } from '@/types/contract';

export interface QueueLines {
  /** The live state of each queue line of the community, by queue id. */
  lines: Record<string, LineState>;
  /** The feed delivered every line that has a state (see LineFeedHandlers.onSettled). */
  settled: boolean;
}

/** The live state of each queue line of `community` (null: not followed). */
export function useQueueLines(community: string | null): QueueLines {
  const [lines, setLines] = useState<Record<string, LineState>>({});
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    setLines({});
    setSettled(false);
  }, [community]);
  useLineFeed(community, {
    onLine: (line) => setLines((all) => ({ ...all, [line.queue]: line })),
    onSettled: () => setSettled(true),
  });
  return { lines, settled };
}
