/**
 * The part of the calendar desk other staff screens link with: only addresses, so the desk's
 * screens stay out of those pages' bundles.
 */
export { calendarUrl, CALENDAR_PAGE } from './model/urls';
