/** The residents' notice pages (package-notice subpackage). */
export const NOTICE_LIST_PAGE = '/package-notice/pages/list/index';
export const NOTICE_DETAIL_PAGE = '/package-notice/pages/detail/index';
export const CHECK_IN_PAGE = '/package-notice/pages/check-in/index';

/** All notices of a community (`?c=`); without one the page uses the remembered community. */
export function noticeListUrl(community?: string | null): string {
  return community ? `${NOTICE_LIST_PAGE}?c=${encodeURIComponent(community)}` : NOTICE_LIST_PAGE;
}

/** One notice with its activities and sign-up. */
export function noticeDetailUrl(id: string): string {
  return `${NOTICE_DETAIL_PAGE}?id=${encodeURIComponent(id)}`;
}
