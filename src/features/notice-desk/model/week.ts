/**
 * Notice weeks run Monday to Sunday (as Chinese calendars print them) and are named by their
 * Monday, "YYYY-MM-DD". Plain calendar arithmetic in UTC: these are Shanghai dates already, so no
 * time zone is involved.
 */
import { weekdayName } from '@/lib/shanghai-time';

const parts = (date: string) => date.split('-').map(Number) as [number, number, number];
const utc = (date: string) => {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d));
};
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Is "YYYY-MM-DD" a real calendar date (not 2026-02-30)? */
export function isCalendarDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && iso(utc(date)) === date;
}

export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(date: string): number {
  return utc(date).getUTCDay();
}

/** Monday of the week holding `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

/** The seven dates of the week starting `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function inWeek(monday: string, date: string): boolean {
  return date >= monday && date <= addDays(monday, 6);
}

/** "2026-12-03" → "12月3日". */
export function monthDay(date: string): string {
  const [, m, d] = parts(date);
  return `${m}月${d}日`;
}

/** "2026-11-30" → "11月30日–12月6日": the week a notice is for. */
export function weekRangeText(monday: string): string {
  return `${monthDay(monday)}–${monthDay(addDays(monday, 6))}`;
}

/** "2026-12-02" → "周三 12月2日": an activity's day within its week. */
export function dayText(date: string): string {
  return `${weekdayName(weekdayOf(date))} ${monthDay(date)}`;
}
