import { call } from '@/lib/gateway';
import { useRemote, type Remote, type RemoteOptions } from '@/hooks/use-remote';
import { noteServerTime } from '@/lib/server-clock';
import type { Tonight } from '@/types/contract';

/** Everything the tonight page and the board show, in one call; it also sets the server clock. */
export async function getTonight(community: string): Promise<Tonight> {
  const tonight = await call('community.tonight', { community });
  noteServerTime(tonight.now);
  return tonight;
}

export function useTonight(community: string | null, options?: RemoteOptions): Remote<Tonight> {
  return useRemote(community, getTonight, options);
}
