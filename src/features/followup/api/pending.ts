import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { ResidentFollowUp } from '@/types/contract';

/** My follow-ups waiting for me: questions to answer here, or invitations after a call. */
export function getPendingFollowUps(): Promise<ResidentFollowUp[]> {
  return call('followup.pending', {});
}

const PENDING = 'pending';

/** My pending follow-ups, loaded only while `enabled`. */
export function usePendingFollowUps(enabled = true): Remote<ResidentFollowUp[]> {
  return useRemote(enabled ? PENDING : null, getPendingFollowUps);
}
