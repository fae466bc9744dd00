import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Identity } from '@/types/contract';

export function getMe(): Promise<Identity> {
  return call('staff.me', {});
}

const ME = 'me';

export function useMe(): Remote<Identity> {
  return useRemote(ME, getMe);
}
