import { useEffect, useState } from 'react';
import { useLineFeed } from '@/lib/live';
import type { LineState } from '@/types/contract';

/** The live state of each queue line of `community` (null: not followed), by queue id. */
export function useQueueLines(community: string | null): Record<string, LineState> {
  const [lines, setLines] = useState<Record<string, LineState>>({});
  useEffect(() => setLines({}), [community]);
  useLineFeed(community, {
    onLine: (line) => setLines((all) => ({ ...all, [line.queue]: line })),
  });
  return lines;
}
