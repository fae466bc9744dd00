import { useCallback, useRef, useState } from 'react';
import { errorMessage, GatewayError } from '@/lib/gateway';
import type { Round } from '@/types/contract';
import { voteInSurvey } from '../api/survey';
import { toggleChoice } from '../model/ballot';
import { NONE_CHOSEN_MESSAGE, overMaxMessage } from '../model/survey-text';

export interface BallotState {
  /** Candidate ids, in the order they were chosen. */
  selected: string[];
  toggle: (id: string) => void;
  busy: boolean;
  /** Too many or none chosen, or the server's refusal in its own words: shown in an alert. */
  error: string | null;
  /** "已提交…" / "已修改…" after the vote went through. */
  done: string | null;
  submit: () => Promise<void>;
}

export const VOTED_MESSAGE = '已提交，谢谢您参与点单！截止前还可以修改';
export const CHANGED_MESSAGE = '已修改您的选择，截止前还可以再改';

/**
 * Choosing and sending a ballot. Starts from my earlier choices; `onVoted` gets the server's view
 * of the round after the vote, `onClosed` runs when the server says voting has ended.
 */
export function useBallot(
  round: Round,
  onVoted: (round: Round) => void,
  onClosed: () => void,
): BallotState {
  const [selected, setSelected] = useState<string[]>(round.mine ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const running = useRef(false);
  const handlers = useRef({ onVoted, onClosed });
  handlers.current = { onVoted, onClosed };
  const { id: roundId, maxChoices } = round;
  const hadBallot = round.mine !== null;

  const toggle = useCallback(
    (id: string) => {
      if (running.current) return;
      const next = toggleChoice(selected, id, maxChoices);
      setSelected(next.selected);
      setError(next.overMax ? overMaxMessage(maxChoices) : null);
      setDone(null);
    },
    [maxChoices, selected],
  );

  const submit = useCallback(async () => {
    if (running.current) return;
    setDone(null);
    if (selected.length === 0) {
      setError(NONE_CHOSEN_MESSAGE);
      return;
    }
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      const answered = await voteInSurvey({ roundId, choices: selected });
      setDone(hadBallot ? CHANGED_MESSAGE : VOTED_MESSAGE);
      handlers.current.onVoted(answered);
    } catch (e: unknown) {
      setError(errorMessage(e));
      if (e instanceof GatewayError && e.code === 'CLOSED') handlers.current.onClosed();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [hadBallot, roundId, selected]);

  return { selected, toggle, busy, error, done, submit };
}
