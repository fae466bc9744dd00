import { useRemote, type Remote } from '@/hooks/use-remote';
import type { CallList } from '@/types/contract';
import { getCallList } from '../api/follow-ups';
import { useDeskRun, type DeskRun } from '@/hooks/use-desk-run';
import { useReloadOnShow } from '@/hooks/use-reload-on-show';

export interface CallDeskState extends DeskRun {
  list: Remote<CallList>;
}

/** A community's call list; loaded again after each record and when coming back to the page. */
export function useCallDesk(community: string | null): CallDeskState {
  const list = useRemote(community, getCallList);
  useReloadOnShow(list.reload);
  return { list, ...useDeskRun(list.reload) };
}
