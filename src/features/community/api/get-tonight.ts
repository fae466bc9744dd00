import { call } from '@/lib/gateway';
import { useRemote, type Remote, type RemoteOptions } from '@/hooks/use-remote';
import type { Tonight } from '@/types/contract';

/** Everything the tonight page and the board show, in one call. */
export function getTonight(community: string): Promise<Tonight> {
  return call('community.tonight', { community });
}

export function useTonight(community: string | null, options?: RemoteOptions): Remote<Tonight> {
  return useRemote(community, getTonight, options);
}
