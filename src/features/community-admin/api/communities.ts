import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { CommunityFields, CreateCommunityInput, ManagedCommunity } from '@/types/contract';

/** Admin: every community with every field, archived ones last. */
export function manageCommunities(): Promise<ManagedCommunity[]> {
  return call('community.manage', {});
}

export function useManagedCommunities(): Remote<ManagedCommunity[]> {
  return useRemote('all', manageCommunities);
}

export function createCommunity(input: CreateCommunityInput): Promise<ManagedCommunity> {
  return call('community.create', input);
}

export function updateCommunity(
  community: string,
  fields: CommunityFields,
): Promise<ManagedCommunity> {
  return call('community.update', { community, ...fields });
}

/** Archives (停用) or restores (恢复) a community. */
export function archiveCommunity(community: string, archived: boolean): Promise<ManagedCommunity> {
  return call('community.archive', { community, archived });
}
