/** The mini-program runs on phones: staff pages keep their one-column cards (see use-wide-screen.ts). */
export const WIDE_QUERY = '(min-width: 1024px)';

export function useWideScreen(): boolean {
  return false;
}
