import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Identity } from '@/types/contract';
import { getMe } from '../api/me';

const ME = 'me';

/** The signed-in staff member (null key: not needed, nothing loaded). */
export function useMe(enabled: boolean): Remote<Identity> {
  return useRemote(enabled ? ME : null, getMe);
}
