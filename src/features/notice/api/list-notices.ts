import { useCallback } from 'react';
import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { NoticeList, NoticeListInput } from '@/types/contract';

/** Published notices of this week and next, or (past) the archive of earlier weeks. */
export function listNotices(input: NoticeListInput): Promise<NoticeList> {
  return call('notice.list', input);
}

/** The notices of `community` (null: nothing to load), this and next week or the past ones. */
export function useNoticeList(community: string | null, past: boolean): Remote<NoticeList> {
  // useRemote loads per string key: the community and which list.
  const key = community === null ? null : JSON.stringify([community, past]);
  const load = useCallback((k: string) => {
    const [c, p] = JSON.parse(k) as [string, boolean];
    return listNotices(p ? { community: c, past: true } : { community: c });
  }, []);
  return useRemote(key, load);
}
