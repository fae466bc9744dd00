import { useCallback, useRef, useState } from 'react';
import { useAttemptId } from '@/hooks/use-attempt-id';
import { errorMessage } from '@/lib/gateway';
import type { Activity, CheckInVia } from '@/types/contract';
import { cancelSignUp, checkIn, signUp } from '../api/sign-up';
import { codeProblem, normalizeCode } from '../model/check-in';

export type ActivityAction = 'signUp' | 'cancel' | 'checkIn';

export interface ActivityActions {
  /** The action on its way, or null. */
  busy: ActivityAction | null;
  /** The last refusal in Chinese (the server's own words), shown in an alert. */
  error: string | null;
  clearError: () => void;
  /** Each resolves to true when it went through (the activity was handed to `onChanged`). */
  signUp: (name: string) => Promise<boolean>;
  cancel: () => Promise<boolean>;
  /** `via`: the QR code's page says 'scan'; the code typed on the notice page is 'code'. */
  checkIn: (code: string, via: CheckInVia) => Promise<boolean>;
}

/**
 * Sign-up, cancelling and self check-in of one activity. A sign-up has one requestId, reused when
 * the tap is retried after a failure that may have reached the server; `onFailed` runs after a
 * failure (places may have changed meanwhile: the page loads the notice again).
 */
export function useActivityActions(
  activityId: string,
  onChanged: (activity: Activity) => void,
  onFailed?: () => void,
): ActivityActions {
  const [busy, setBusy] = useState<ActivityAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const attempt = useAttemptId();
  const running = useRef(false);
  const handlers = useRef({ onChanged, onFailed });
  handlers.current = { onChanged, onFailed };

  const run = useCallback(
    async (action: ActivityAction, send: () => Promise<Activity>): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(action);
      setError(null);
      try {
        const activity = await send();
        if (action === 'signUp') attempt.settle();
        handlers.current.onChanged(activity);
        return true;
      } catch (e: unknown) {
        if (action === 'signUp') attempt.settle(e);
        setError(errorMessage(e));
        handlers.current.onFailed?.();
        return false;
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [attempt],
  );

  const doSignUp = useCallback(
    (name: string) => {
      const trimmed = name.trim();
      return run('signUp', () =>
        signUp({
          activityId,
          requestId: attempt.take(activityId),
          ...(trimmed ? { name: trimmed } : {}),
        }),
      );
    },
    [activityId, attempt, run],
  );

  const cancel = useCallback(
    () => run('cancel', () => cancelSignUp(activityId)),
    [activityId, run],
  );

  const doCheckIn = useCallback(
    async (typed: string, via: CheckInVia) => {
      const code = normalizeCode(typed);
      const problem = codeProblem(code);
      if (problem) {
        setError(problem);
        return false;
      }
      return run('checkIn', () => checkIn({ activityId, code, via }));
    },
    [activityId, run],
  );

  const clearError = useCallback(() => setError(null), []);

  return { busy, error, clearError, signUp: doSignUp, cancel, checkIn: doCheckIn };
}
