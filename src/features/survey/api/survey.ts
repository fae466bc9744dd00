import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Round, VoteInput } from '@/types/contract';

/** The community's latest demand round (open, closed or published), or null when there is none. */
export function getCurrentRound(community: string): Promise<Round | null> {
  return call('survey.current', { community });
}

/** My ballot: replaces the one I cast before, until the round closes. */
export function voteInSurvey(input: VoteInput): Promise<Round> {
  return call('survey.vote', input);
}

/** Wrapped so that "no round" (null) is told apart from "not loaded yet". */
export interface CurrentRound {
  round: Round | null;
}

const loadCurrent = (community: string): Promise<CurrentRound> =>
  getCurrentRound(community).then((round) => ({ round }));

/** The current round of `community` (null: nothing to load). */
export function useCurrentRound(community: string | null): Remote<CurrentRound> {
  return useRemote(community, loadCurrent);
}
