/** The TV board's page in the app (package-board subpackage). */
export const BOARD_PAGE = '/package-board/pages/board/index';

/** Where the app navigates to show a community's board (weapp and H5 alike). */
export function boardUrl(community: string): string {
  return `${BOARD_PAGE}?c=${encodeURIComponent(community)}`;
}

/** The short path the local host redirects to the board (server/hosts/local/app.ts). */
export function boardPath(community: string): string {
  return `/board/${encodeURIComponent(community)}`;
}

/**
 * What staff type into the TV's browser. In H5 the page's own origin is the host serving the
 * board, so the full address is known; the mini-program knows no web address, so only the path.
 */
export function boardAddressText(community: string, origin: string | null): string {
  return origin
    ? `电视浏览器地址：${origin}${boardPath(community)}`
    : `电视浏览器地址：网页版地址后加 ${boardPath(community)}`;
}

/** The origin of the H5 page, or null in the mini-program (no web address there). */
export function pageOrigin(): string | null {
  if (process.env.TARO_ENV === 'weapp' || typeof window === 'undefined') return null;
  return window.location.origin || null;
}
