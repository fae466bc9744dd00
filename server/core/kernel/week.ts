import { AppError } from '../errors';
import { dayjs, local } from './time';

const day = (date: string) => dayjs.utc(`${date}T00:00:00Z`);

/** Is "YYYY-MM-DD" a real calendar date (not 2026-02-30)? */
export const isCalendarDate = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) &&
  day(date).isValid() &&
  day(date).format('YYYY-MM-DD') === date;

export const addDays = (date: string, days: number) =>
  day(date).add(days, 'day').format('YYYY-MM-DD');

/** Monday of the week holding `date`: notices run Monday to Sunday, as Chinese calendars print weeks. */
export const mondayOf = (date: string) => addDays(date, -((day(date).day() + 6) % 7));

/** Today in Asia/Shanghai. */
export const todayOf = (now: Date) => local(now).format('YYYY-MM-DD');

export const thisMonday = (now: Date) => mondayOf(todayOf(now));

export const inWeek = (monday: string, date: string) =>
  date >= monday && date <= addDays(monday, 6);

/** How far from today a date staff type may lie, in days each way. */
export interface DateWindow {
  past: number;
  future: number;
}

/** A shift, a leave day or a notice's week: from a month back (late entries) to a year ahead. */
export const PLANNING_WINDOW: DateWindow = { past: 31, future: 366 };

/**
 * Refuses, in Chinese, a date outside today − past … today + future (Asia/Shanghai): the shape
 * check (ids.date) lets 2020–2099 through, and a shift typed as 2062 or 2002 is a typo that
 * would count toward comp time or reports.
 */
export function assertNearToday(
  date: string,
  now: Date,
  window: DateWindow,
  field: string,
  what: string,
): void {
  const today = todayOf(now);
  const from = addDays(today, -window.past);
  const to = addDays(today, window.future);
  if (date < from || date > to) {
    throw new AppError('BAD_INPUT', `${what}要在 ${from} 到 ${to} 之间`, field);
  }
}
