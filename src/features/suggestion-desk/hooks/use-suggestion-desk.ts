import { useRemote, type Remote } from '@/hooks/use-remote';
import type { StaffSuggestion } from '@/types/contract';
import { listSuggestions } from '../api/suggestions';
import { useDeskRun, type DeskRun } from '@/hooks/use-desk-run';
import { useReloadOnShow } from '@/hooks/use-reload-on-show';

export interface SuggestionDeskState extends DeskRun {
  list: Remote<StaffSuggestion[]>;
}

/** A community's suggestions; loaded again after each answer and when coming back to the page. */
export function useSuggestionDesk(community: string | null): SuggestionDeskState {
  const list = useRemote(community, listSuggestions);
  useReloadOnShow(list.reload);
  return { list, ...useDeskRun(list.reload) };
}
