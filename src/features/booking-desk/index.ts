export { listBookings } from './api/list-bookings';
export * as deskMoves from './api/desk-moves';
export { bookFor } from './api/book-for';
export { configureService } from './api/configure-service';
export { BookingDesk } from './components/booking-desk';
export type { BookingDeskProps } from './components/booking-desk';
export { BookForForm } from './components/book-for-form';
export { ContactPhoneForm } from './components/contact-phone-form';
export type { ContactPhoneFormProps } from './components/contact-phone-form';
export { DeskSettings } from './components/desk-settings';
export type { DeskSettingsProps } from './components/desk-settings';
export { DeskCards, DeskTable } from './components/desk-rows';
export type { DeskRowsProps } from './components/desk-rows';
export { setContactPhone } from './api/set-contact-phone';
export { setLimits } from './api/set-limits';
export { LimitsForm } from './components/limits-form';
export type { LimitsFormProps } from './components/limits-form';
export type { BookForFormProps } from './components/book-for-form';
export { ServiceSettings } from './components/service-settings';
export type { ServiceSettingsProps } from './components/service-settings';
export { BookingDeskLink, bookingDeskUrl, BOOKING_DESK_PAGE } from './components/booking-desk-link';
export { useBookingDesk } from './hooks/use-booking-desk';
export type { BookingDeskState } from './hooks/use-booking-desk';
export { useServiceEvenings } from './hooks/use-service-evenings';
export type { ServiceEvenings } from './hooks/use-service-evenings';
export {
  byTime,
  DESK_MOVES,
  FIGURES,
  matchesQuery,
  noMoveText,
  sourceText,
  whoText,
} from './model/desk-text';
export { contactPhoneError } from './model/contact-phone';
export {
  draftOf,
  parseServiceSettings,
  splitBring,
  SLOT_MINUTES,
  toggleWeekday,
} from './model/settings-form';
