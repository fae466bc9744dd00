import { useCallback, useRef, useState } from 'react';
import { useAttemptId } from '@/hooks/use-attempt-id';
import { errorMessage } from '@/lib/gateway';
import type { Suggestion } from '@/types/contract';
import { submitSuggestion } from '../api/suggestions';
import {
  checkDraft,
  draftSubject,
  EMPTY_DRAFT,
  hasErrors,
  suggestionInput,
  type SuggestionDraft,
  type SuggestionErrors,
} from '../model/suggestion-form';

export interface SubmitSuggestionState {
  draft: SuggestionDraft;
  setDraft: (draft: SuggestionDraft) => void;
  /** What is missing, next to its field. */
  errors: SuggestionErrors;
  /** The server's refusal in its own words (daily limit, content check…), shown in an alert. */
  error: string | null;
  busy: boolean;
  /** The suggestion just filed, with its receipt number. */
  result: Suggestion | null;
  submit: () => Promise<void>;
  /** Back to an empty form for another suggestion. */
  again: () => void;
}

/**
 * The 提交建议 tap. One requestId per draft, reused when an unchanged draft is sent again after a
 * failure that may have reached the server, so the suggestion is not filed twice.
 */
export function useSubmitSuggestion(
  community: string,
  followupId: string | null,
): SubmitSuggestionState {
  const [draft, setDraftState] = useState<SuggestionDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<SuggestionErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Suggestion | null>(null);
  const attempt = useAttemptId();
  const running = useRef(false);

  const setDraft = useCallback((next: SuggestionDraft) => {
    setDraftState(next);
    // A field's message stays only while that field is still wrong (and says what is wrong now);
    // the server's refusal was about the draft as it was.
    const now = checkDraft(next);
    setErrors((e) => ({
      ...(e.category && now.category ? { category: now.category } : {}),
      ...(e.text && now.text ? { text: now.text } : {}),
    }));
    setError(null);
  }, []);

  const submit = useCallback(async () => {
    if (running.current) return;
    const problems = checkDraft(draft);
    setErrors(problems);
    setError(null);
    if (hasErrors(problems)) return;
    running.current = true;
    setBusy(true);
    try {
      const requestId = attempt.take(draftSubject(community, followupId, draft));
      const filed = await submitSuggestion(
        suggestionInput(community, followupId, draft, requestId),
      );
      attempt.settle();
      setResult(filed);
      setDraftState(EMPTY_DRAFT);
    } catch (e: unknown) {
      attempt.settle(e);
      setError(errorMessage(e));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [attempt, community, draft, followupId]);

  const again = useCallback(() => {
    setResult(null);
    setErrors({});
    setError(null);
  }, []);

  return { draft, setDraft, errors, error, busy, result, submit, again };
}
