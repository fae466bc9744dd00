/**
 * The part of the booking feature the staff desk reuses (a public entry, like index.ts): slots,
 * dates, the contact fields and the words. Kept apart from index.ts so the residents' booking
 * screens stay out of the staff subpackage (a module used by two subpackages is copied into both).
 */
export { getBookingServices, useBookingServices } from './api/get-services';
export { getSlots, useSlots } from './api/get-slots';
export { ContactFields } from './components/contact-fields';
export type { ContactFieldsProps } from './components/contact-fields';
export { DateTabs } from './components/date-tabs';
export type { DateTabsProps } from './components/date-tabs';
export { SlotList } from './components/slot-list';
export type { SlotListProps } from './components/slot-list';
export { ContactLine } from './components/contact-line';
export type { ContactLineProps } from './components/contact-line';
export {
  bringText,
  codeText,
  cutoffText,
  isChangeable,
  liveBookings,
  slotView,
  splitByDate,
  statusText,
  STATUS_WORDS,
  timeRange,
  whenText,
} from './model/booking-text';
export type { SlotKind, SlotView } from './model/booking-text';
export { contactInput, EMPTY_CONTACT, isContactField } from './model/contact';
export type { ContactDraft } from './model/contact';
