import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { MyActivity } from '@/types/contract';

/** All my activity sign-ups, every community and week. */
export function getMySignUps(): Promise<MyActivity[]> {
  return call('notice.mine', {});
}

const MINE = 'mine';

/** My sign-ups, loaded only while `enabled`. */
export function useMySignUps(enabled = true): Remote<MyActivity[]> {
  return useRemote(enabled ? MINE : null, getMySignUps);
}
