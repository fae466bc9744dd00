import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Round } from '@/types/contract';
import { listRounds } from '../api/survey';
import { useDeskRun, type DeskRun } from '@/hooks/use-desk-run';
import { useReloadOnShow } from '@/hooks/use-reload-on-show';

export interface SurveyDeskState extends DeskRun {
  rounds: Remote<Round[]>;
}

/** A community's rounds; loaded again after each action and when coming back to the page. */
export function useSurveyDesk(community: string | null): SurveyDeskState {
  const rounds = useRemote(community, listRounds);
  useReloadOnShow(rounds.reload);
  return { rounds, ...useDeskRun(rounds.reload) };
}
