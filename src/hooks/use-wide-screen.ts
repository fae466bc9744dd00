import { useEffect, useState } from 'react';

/** The service-desk PC and wider: staff pages lay out for the width (tables, side by side). */
export const WIDE_QUERY = '(min-width: 1024px)';

const wideNow = () =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia(WIDE_QUERY).matches
    : false;

/**
 * Is the window at least 1024 px wide (H5)? Follows resizes. use-wide-screen.weapp.ts is the
 * mini-program twin: a phone, so never.
 */
export function useWideScreen(): boolean {
  const [wide, setWide] = useState(wideNow);
  useEffect(() => {
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(WIDE_QUERY);
    const follow = () => setWide(query.matches);
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return wide;
}
