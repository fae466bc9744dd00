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
