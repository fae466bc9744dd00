import { useCallback, useEffect, useState } from 'react';
import type { Remote } from '@/hooks/use-remote';
import type { Round } from '@/types/contract';
import { useCurrentRound, type CurrentRound } from '../api/survey';

export interface SurveyRoundState {
  remote: Remote<CurrentRound>;
  /** The round: the last load, or what my last vote answered (with the fresh ranking). */
  round: Round | null;
  /** After a vote: the server's view of the round. */
  apply: (round: Round) => void;
}

export function useSurveyRound(community: string | null): SurveyRoundState {
  const remote = useCurrentRound(community);
  const { data } = remote;
  const [voted, setVoted] = useState<Round | null>(null);

  // A fresh load is newer than the last vote's answer.
  useEffect(() => setVoted(null), [data]);

  const apply = useCallback((round: Round) => setVoted(round), []);
  return { remote, round: voted ?? data?.round ?? null, apply };
}
