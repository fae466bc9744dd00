/** The staff desks' action runner (follow-up, suggestion, survey, report and roster desks). */
import { useCallback, useState } from 'react';
import { errorMessage } from '@/lib/gateway';

export type RunResult<T> = { ok: true; value: T } | { ok: false; error: unknown; message: string };

export interface DeskRun {
  /** An action is on its way: the buttons are off meanwhile. */
  busy: boolean;
  /**
   * Runs a staff action, then loads the page's data again (also after a refusal: someone else may
   * have changed it). Resolves to the answer, or the error with its Chinese message.
   */
  run: <T>(action: () => Promise<T>) => Promise<RunResult<T>>;
}

export function useDeskRun(reload: () => Promise<unknown>): DeskRun {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(action: () => Promise<T>): Promise<RunResult<T>> => {
      setBusy(true);
      let result: RunResult<T>;
      try {
        result = { ok: true, value: await action() };
      } catch (error: unknown) {
        result = { ok: false, error, message: errorMessage(error) };
      }
      await reload();
      setBusy(false);
      return result;
    },
    [reload],
  );
  return { busy, run };
}
