import { useCallback, useState } from 'react';
import { errorMessage } from '@/lib/gateway';

export interface DeskRun {
  /** An action is on its way: the buttons are off meanwhile. */
  busy: boolean;
  /**
   * Runs a staff action, then loads the page's data again (figures and tags change with it), also
   * after a refusal. Resolves to the Chinese error message, or null on success.
   */
  run: (action: () => Promise<unknown>) => Promise<string | null>;
}

export function useDeskRun(reload: () => Promise<unknown>): DeskRun {
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true);
      let message: string | null = null;
      try {
        await action();
      } catch (e: unknown) {
        message = errorMessage(e);
      }
      await reload();
      setBusy(false);
      return message;
    },
    [reload],
  );
  return { busy, run };
}
