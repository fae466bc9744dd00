/**
 * What pages may import (the ticket page is in the weapp main package: keep this small): the
 * "需要社工陪同" button with its state, and which ticket or booking a request travels with.
 */
export { NeedCompanion } from './components/need-companion';
export type { NeedCompanionProps } from './components/need-companion';
export { bookingCompanion, companionStateText, ticketCompanion } from './model/about';
export type { CompanionSubject } from './model/about';
