/**
 * The part of the booking feature the tonight page uses. It is the only part in the weapp main
 * package (which residents download first, and WeChat caps): importing index.ts there instead
 * would pull every booking screen out of the package-booking subpackage.
 */
export { BookingLink } from './components/booking-link';
export type { BookingLinkProps } from './components/booking-link';
export { MyBookingsEntry } from './components/my-bookings-entry';
export type { MyBookingsEntryProps } from './components/my-bookings-entry';
export { bookUrl, myBookingsUrl, BOOK_PAGE, MY_BOOKINGS_PAGE } from './model/urls';
