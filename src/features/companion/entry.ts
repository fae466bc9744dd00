/**
 * What pages may import (the ticket page is in the weapp main package: keep this small): the
 * "需要社工陪同" button and the words it sends for a ticket or a booking.
 */
export { COMPANION_SENT, NeedCompanion } from './components/need-companion';
export type { NeedCompanionProps } from './components/need-companion';
export { bookingCompanion, ticketCompanion } from './model/about';
export type { CompanionSubject } from './model/about';
