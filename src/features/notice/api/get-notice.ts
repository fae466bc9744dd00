import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Notice } from '@/types/contract';

/** One notice with its body and activities, each with my own sign-up. */
export function getNotice(id: string): Promise<Notice> {
  return call('notice.get', { id });
}

export function useNotice(id: string | null): Remote<Notice> {
  return useRemote(id, getNotice);
}
