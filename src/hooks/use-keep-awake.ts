import { useEffect } from 'react';
import { holdScreenOn } from '@/lib/keep-awake';

/** Keeps the screen on while `active` (see lib/keep-awake). */
export function useKeepAwake(active: boolean): void {
  useEffect(() => (active ? holdScreenOn() : undefined), [active]);
}
