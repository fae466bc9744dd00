/**
 * The one runner of staff actions on every desk (bookings, notices, follow-up, suggestion, survey,
 * report, roster): the busy flag, the line at the top that says what came of it (a refusal as an
 * alert, a success as a status: the desk's toast, which screen readers hear), and the reload.
 */
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { errorMessage, GatewayError } from '@/lib/gateway';

export type RunResult<T> = { ok: true; value: T } | { ok: false; error: unknown; message: string };

/** What the last action came to, shown by desk-parts' FeedbackLine. */
export type Feedback = { kind: 'error' | 'success'; text: string } | null;

export interface RunOptions<T> {
  /** What to say once done; null or omitted: say nothing (the page shows it). */
  done?: string | ((value: T) => string | null);
  /**
   * A refusal about one of the form's fields: the form shows it next to the field (from the
   * result), so the line at the top stays empty.
   */
  isField?: (field: string | undefined) => boolean;
  /** The form says every outcome itself, by its fields: the line at the top stays empty. */
  inForm?: boolean;
  /** false: the action changes nothing shown (an export), so the page is not loaded again. */
  reload?: boolean;
  /** Go to the top, where the line is (desk-wide lines); never for a field's refusal. */
  scrollTop?: boolean | ((result: RunResult<T>) => boolean);
}

export interface DeskRun {
  /** An action is on its way: the buttons are off meanwhile. */
  busy: boolean;
  /** The line that says what the last action came to. */
  feedback: Feedback;
  setFeedback: (feedback: Feedback) => void;
  /**
   * Runs a staff action, then loads the page's data again when the desk has a reload (also after
   * a refusal: someone else may have changed it), and says what came of it. Resolves to the
   * answer, or the error with its Chinese message.
   */
  run: <T>(action: () => Promise<T>, options?: RunOptions<T>) => Promise<RunResult<T>>;
}

/** A refusal the form shows next to its field. */
export function isFieldRefusal(
  result: RunResult<unknown>,
  isField: ((field: string | undefined) => boolean) | undefined,
): boolean {
  return (
    !result.ok && !!isField && result.error instanceof GatewayError && isField(result.error.field)
  );
}

/** The field a refusal names ('' when none): the key of the form's error next to it. */
export function fieldOf(result: RunResult<unknown>): string {
  return !result.ok && result.error instanceof GatewayError ? (result.error.field ?? '') : '';
}

function feedbackOf<T>(result: RunResult<T>, options: RunOptions<T>): Feedback {
  if (options.inForm) return null;
  if (!result.ok) {
    return isFieldRefusal(result, options.isField) ? null : { kind: 'error', text: result.message };
  }
  const text = typeof options.done === 'function' ? options.done(result.value) : options.done;
  return text ? { kind: 'success', text } : null;
}

function wantsTop<T>(result: RunResult<T>, options: RunOptions<T>): boolean {
  if (isFieldRefusal(result, options.isField)) return false;
  const { scrollTop = false } = options;
  return typeof scrollTop === 'function' ? scrollTop(result) : scrollTop;
}

export function useDeskRun(reload?: () => Promise<unknown>): DeskRun {
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const run = useCallback(
    async <T>(action: () => Promise<T>, options: RunOptions<T> = {}): Promise<RunResult<T>> => {
      setFeedback(null);
      setBusy(true);
      let result: RunResult<T>;
      try {
        result = { ok: true, value: await action() };
      } catch (error: unknown) {
        result = { ok: false, error, message: errorMessage(error) };
      }
      if (reload && options.reload !== false) await reload();
      setBusy(false);
      setFeedback(feedbackOf(result, options));
      if (wantsTop(result, options)) {
        Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
      }
      return result;
    },
    [reload],
  );
  return { busy, feedback, setFeedback, run };
}
