import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Timeline } from '@/types/contract';
import { getTimeline } from '../api/follow-ups';

const SEP = '\n';

/** One resident's thread in one community (null while either is unknown). */
export function useTimeline(community: string | null, resident: string | null): Remote<Timeline> {
  const key = community && resident ? `${community}${SEP}${resident}` : null;
  return useRemote(key, (k) => {
    const at = k.indexOf(SEP);
    return getTimeline(k.slice(0, at), k.slice(at + 1));
  });
}
