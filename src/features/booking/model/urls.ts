/** The booking pages (package-booking subpackage). */
export const BOOK_PAGE = '/package-booking/pages/book/index';
export const MY_BOOKINGS_PAGE = '/package-booking/pages/mine/index';

/** The booking page of one service: `?c=<community>&s=<service>`. */
export function bookUrl(community: string, service: string): string {
  return `${BOOK_PAGE}?c=${encodeURIComponent(community)}&s=${encodeURIComponent(service)}`;
}

/** My bookings, with one of them marked when `id` is given. */
export function myBookingsUrl(id?: string | null): string {
  return id ? `${MY_BOOKINGS_PAGE}?id=${encodeURIComponent(id)}` : MY_BOOKINGS_PAGE;
}
