import { call } from '@/lib/gateway';
import type { Invite } from '@/types/contract';

/** Admin only: a one-time code that makes its redeemer staff of `community`. */
export function createInvite(community: string): Promise<Invite> {
  return call('staff.invite', { community });
}
