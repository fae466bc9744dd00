import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '@/lib/gateway';
import type { Solved, Suggestion } from '@/types/contract';
import { answerSolved, reopenSuggestion } from '../api/suggestions';

export type SuggestionAction = 'solved' | 'reopen';

export interface SuggestionActions {
  busy: SuggestionAction | null;
  /** The last refusal, in the server's words. */
  error: string | null;
  clearError: () => void;
  /** Each resolves to true when it went through (the answer was handed to `onChanged`). */
  answerSolved: (solved: Solved) => Promise<boolean>;
  reopen: () => Promise<boolean>;
}

/** 是否解决了 and 重新打开 on one of my suggestions; after a refusal the page loads again. */
export function useSuggestionActions(
  id: string,
  onChanged: (suggestion: Suggestion) => void,
  onFailed: () => void,
): SuggestionActions {
  const [busy, setBusy] = useState<SuggestionAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const handlers = useRef({ onChanged, onFailed });
  handlers.current = { onChanged, onFailed };

  const run = useCallback(
    async (action: SuggestionAction, send: () => Promise<Suggestion>): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(action);
      setError(null);
      try {
        handlers.current.onChanged(await send());
        return true;
      } catch (e: unknown) {
        setError(errorMessage(e));
        handlers.current.onFailed();
        return false;
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [],
  );

  const doAnswerSolved = useCallback(
    (solved: Solved) => run('solved', () => answerSolved(id, solved)),
    [id, run],
  );
  const reopen = useCallback(() => run('reopen', () => reopenSuggestion(id)), [id, run]);
  const clearError = useCallback(() => setError(null), []);

  return { busy, error, clearError, answerSolved: doAnswerSolved, reopen };
}
