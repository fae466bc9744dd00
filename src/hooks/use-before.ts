import { useEffect, useState } from 'react';

// setTimeout holds at most ~24.8 days; longer waits are taken in steps.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * Is it still before `deadline` (ISO instant; null: no deadline → false)? Flips to false by
 * itself when the deadline passes, with one timer at a time, no polling.
 */
export function useBefore(deadline: string | null): boolean {
  const end = deadline === null ? NaN : Date.parse(deadline);
  const [before, setBefore] = useState(() => end > Date.now());

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      const left = end - Date.now();
      setBefore(left > 0);
      if (left > 0) timer = setTimeout(check, Math.min(left, MAX_TIMEOUT_MS));
    };
    check();
    return () => clearTimeout(timer);
  }, [end]);

  return before;
}
