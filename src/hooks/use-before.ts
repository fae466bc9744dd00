import { useEffect, useState } from 'react';

/**
 * Is it still before `deadline` (ISO instant; null: no deadline → false)? Flips to false by
 * itself when the deadline passes, with one timer, no polling.
 */
export function useBefore(deadline: string | null): boolean {
  const end = deadline === null ? NaN : Date.parse(deadline);
  const [before, setBefore] = useState(() => end > Date.now());

  useEffect(() => {
    const left = end - Date.now();
    setBefore(left > 0);
    if (!(left > 0)) return undefined;
    // setTimeout holds at most ~24.8 days; a requeue deadline is minutes away.
    const timer = setTimeout(() => setBefore(false), Math.min(left, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [end]);

  return before;
}
