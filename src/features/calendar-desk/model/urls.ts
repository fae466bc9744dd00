/** The staff 开放日历 page (package-staff subpackage). */
export const CALENDAR_PAGE = '/package-staff/pages/calendar/index';

/** A community's calendar: `?c=<community>`. */
export const calendarUrl = (community: string) =>
  `${CALENDAR_PAGE}?c=${encodeURIComponent(community)}`;
