import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Identity } from '@/types/contract';

export function getMe(): Promise<Identity> {
  return call('staff.me', {});
}

const ME = 'me';

/** The signed-in staff member (`enabled` false: not needed, nothing loaded). */
export function useMe(enabled = true): Remote<Identity> {
  return useRemote(enabled ? ME : null, getMe);
}
