import { call, getSession } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Identity, StaffTeam } from '@/types/contract';

/** A community's workers and, for admins, its open invites. */
export function getTeam(community: string): Promise<StaffTeam> {
  return call('staff.list', { community });
}

export function useTeam(community: string | null): Remote<StaffTeam> {
  // The key is the community itself: useRemote hands the key to the fetcher.
  return useRemote(community, getTeam);
}

/** Admin: ends a worker's membership of the community, from their next request on. */
export function revokeWorker(community: string, userId: string) {
  return call('staff.revoke', { community, userId });
}

/** Admin: an unused invite code can no longer be redeemed. */
export function cancelInvite(code: string) {
  return call('staff.cancelInvite', { code });
}

/**
 * Signs this identity out of every browser (H5), then asks who this browser is now: a new
 * resident, whose cookie the session request sets.
 */
export async function signOut(): Promise<Identity> {
  await call('staff.signOut', {});
  return getSession();
}

/**
 * Whether this platform has a session to end: in the mini-program the WeChat account is the
 * identity, so there is nothing to sign out of (an admin revokes a departed worker instead).
 */
export const canSignOut = () => process.env.TARO_ENV !== 'weapp';
