/** Contract of a community's calendar (#16): dates cancelled and extra evenings. */

/**
 * An exception to the weekly evenings on one date: a cancelled evening (with the reason residents
 * see), or an extra one with its hours. A cancelled date keeps the hours it would have had.
 */
export interface CalendarDate {
  /** Asia/Shanghai date, "YYYY-MM-DD". */
  date: string;
  kind: 'cancelled' | 'extra';
  /** Why it is cancelled (≤ 60 characters); '' for an extra evening. */
  reason: string;
  /** "HH:mm". */
  opensAt: string;
  closesAt: string;
  /** True for a date that is not one of the weekly evenings (an extra one, even once cancelled). */
  added: boolean;
}

/** One coming evening as the staff calendar lists it. */
export interface CalendarEvening {
  date: string;
  weekday: number;
  opensAt: string;
  closesAt: string;
  /** weekly: one of the weekly evenings; extra: added by staff. */
  source: 'weekly' | 'extra';
  cancelled: boolean;
  reason: string;
}

export interface CalendarView {
  community: string;
  /** Today, Asia/Shanghai. */
  today: string;
  /** The weekly and extra evenings of the coming weeks (cancelled ones included), by date. */
  evenings: CalendarEvening[];
}

export interface CalendarInput {
  community: string;
}

export interface CancelDateInput {
  community: string;
  date: string;
  reason: string;
}

export interface CalendarDateInput {
  community: string;
  date: string;
}

export interface AddEveningInput {
  community: string;
  date: string;
  opensAt: string;
  closesAt: string;
}

/** What cancelling a date did: the bookings it cancelled and the residents told. */
export interface CancelDateResult extends CalendarView {
  cancelledBookings: number;
  /** Activity sign-ups of that date it cancelled. */
  cancelledSignUps: number;
  told: number;
}
