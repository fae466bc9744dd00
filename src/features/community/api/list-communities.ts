import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { CommunitySummary } from '@/types/contract';

export function listCommunities(): Promise<CommunitySummary[]> {
  return call('community.list', {});
}

// useRemote loads per key; the list has a single constant key.
const ALL = 'all';

/** The community list, loaded only while `enabled`. */
export function useCommunities(enabled = true): Remote<CommunitySummary[]> {
  return useRemote(enabled ? ALL : null, listCommunities);
}
