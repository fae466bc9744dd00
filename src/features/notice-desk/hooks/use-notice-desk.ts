import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { NoticeList } from '@/types/contract';
import { manageNotices } from '../api/manage-notices';
import { useDeskRun, type DeskRun } from '@/hooks/use-desk-run';

export interface NoticeDeskState extends DeskRun {
  list: Remote<NoticeList>;
}

/** A community's notices for staff; loaded again when the page comes back from the editor. */
export function useNoticeDesk(community: string | null): NoticeDeskState {
  const list = useRemote(community, manageNotices);
  const desk = useDeskRun(list.reload);
  const shown = useRef(false);
  useDidShow(() => {
    // The first show is the first load; later ones follow an edit or a look at the sign-ups.
    if (shown.current) void list.reload();
    shown.current = true;
  });
  return { list, ...desk };
}
