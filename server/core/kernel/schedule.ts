import type { CalendarDate } from '../../../contract/calendar';
import type { ServiceEvening } from '../../../contract/community';
import { atLocalMs, dayDate, dayWeekday, localDate, localDay } from './time';

/**
 * A community's evenings: the weekly ones and the exceptions on its calendar (dates cancelled,
 * extra evenings). A bare list of weekly evenings is a calendar without exceptions.
 */
export interface Calendar {
  evenings: ServiceEvening[];
  /** The exceptions around the dates asked about (the stores load a window of them). */
  dates: CalendarDate[];
}

export type Schedule = Calendar | ServiceEvening[];

const calendarOf = (schedule: Schedule): Calendar =>
  Array.isArray(schedule) ? { evenings: schedule, dates: [] } : schedule;

export interface EveningStatus {
  /** Asia/Shanghai date of `now`, "YYYY-MM-DD". */
  date: string;
  weekday: number;
  /** Is `date` a service evening (weekly or extra, and not cancelled)? */
  serviceEvening: boolean;
  open: boolean;
  /** Tonight's hours, or those of the next evening when tonight has none. */
  opensAt: string;
  closesAt: string;
  /** The next opening instant after `now`; null while open. */
  nextOpening: Date | null;
  /** Why tonight's evening is cancelled; null when it is not. */
  cancelled: string | null;
}

/** What one date is on a calendar. */
export type DateEvening =
  | { kind: 'evening'; opensAt: string; closesAt: string; extra: boolean }
  | { kind: 'cancelled'; opensAt: string; closesAt: string; reason: string; extra: boolean }
  | { kind: 'none' };

/** The weekday (0 Sunday) of a "YYYY-MM-DD" date. */
export const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

/**
 * THE calendar rule: a date is a service evening when it is one of the weekly evenings or an
 * extra one, unless it is cancelled (then it says why). The exception on a date wins.
 */
export function eveningOnDate(schedule: Schedule, date: string): DateEvening {
  const { evenings, dates } = calendarOf(schedule);
  const exception = dates.find((d) => d.date === date);
  const weekly = evenings.find((e) => e.weekday === weekdayOf(date));
  if (exception?.kind === 'cancelled') {
    const { opensAt, closesAt, reason, added } = exception;
    return { kind: 'cancelled', opensAt, closesAt, reason, extra: added };
  }
  if (exception?.kind === 'extra') {
    const { opensAt, closesAt } = exception;
    return { kind: 'evening', opensAt, closesAt, extra: true };
  }
  if (weekly)
    return { kind: 'evening', opensAt: weekly.opensAt, closesAt: weekly.closesAt, extra: false };
  return { kind: 'none' };
}

/** The evening on a date when it is one (cancelled ones are not). */
export const openEveningOn = (schedule: Schedule, date: string) => {
  const evening = eveningOnDate(schedule, date);
  return evening.kind === 'evening' ? evening : null;
};

/**
 * Where `now` falls in a community's evenings, reckoned in Asia/Shanghai. Without evenings it is
 * never open and has no next opening.
 */
export function eveningStatus(schedule: Schedule, now: Date): EveningStatus {
  const date = localDate(now);
  const weekday = weekdayOf(date);
  const onDate = eveningOnDate(schedule, date);
  const tonight = onDate.kind === 'evening' ? onDate : null;
  const nowMs = now.getTime();

  if (tonight) {
    const opens = atLocalMs(date, tonight.opensAt);
    const closes = atLocalMs(date, tonight.closesAt);
    if (nowMs >= opens && nowMs < closes) {
      return {
        date,
        weekday,
        serviceEvening: true,
        open: true,
        opensAt: tonight.opensAt,
        closesAt: tonight.closesAt,
        nextOpening: null,
        cancelled: null,
      };
    }
  }

  const next = nextOpening(schedule, now);
  const shown = tonight ?? (next ? openEveningOn(schedule, localDate(next)) : null);
  return {
    date,
    weekday,
    serviceEvening: Boolean(tonight),
    open: false,
    opensAt: shown?.opensAt ?? '',
    closesAt: shown?.closesAt ?? '',
    nextOpening: next,
    cancelled: onDate.kind === 'cancelled' ? onDate.reason : null,
  };
}

/** How far nextOpening looks: a run of cancelled weeks (a long closure) is still found past. */
export const LOOKAHEAD_DAYS = 7 * 8;

/**
 * The dates of `days` days from `from`'s Shanghai date on that can hold an evening (a weekly
 * evening's weekday, or a date on the calendar), in order. Counted in days, not dayjs objects:
 * the look-ahead walks 56 days on every booking and tonight page, and most hold nothing.
 */
export function candidateDates(schedule: Schedule, from: Date | string, days: number): string[] {
  const { evenings, dates } = calendarOf(schedule);
  const weekdays = new Set(evenings.map((e) => e.weekday));
  const listed = new Set(dates.map((d) => localDay(`${d.date}T12:00:00+08:00`)));
  const first = localDay(from);
  const out: string[] = [];
  for (let day = first; day < first + days; day += 1) {
    if (weekdays.has(dayWeekday(day)) || listed.has(day)) out.push(dayDate(day));
  }
  return out;
}

/** The first opening strictly after `now`, skipping cancelled dates and counting extra ones. */
export function nextOpening(schedule: Schedule, now: Date): Date | null {
  for (const date of candidateDates(schedule, now, LOOKAHEAD_DAYS + 1)) {
    const evening = openEveningOn(schedule, date);
    if (!evening) continue;
    const opens = atLocalMs(date, evening.opensAt);
    if (opens > now.getTime()) return new Date(opens);
  }
  return null;
}

/**
 * The cancelled evenings from `now`'s date up to the next opening (or the look-ahead): what the
 * tonight page and the board say ("本周三暂停开放：国庆假期").
 */
export function cancelledAhead(schedule: Schedule, now: Date) {
  const { dates } = calendarOf(schedule);
  const today = localDate(now);
  const next = nextOpening(schedule, now);
  const until = next ? localDate(next) : '9999-12-31';
  return dates
    .filter((d) => d.kind === 'cancelled' && d.date >= today && d.date < until)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(({ date, reason }) => ({ date, reason }));
}

/**
 * The evenings (weekly and extra, cancelled ones included) from `from` for `days` days, by date:
 * the staff calendar and the dates residents can book.
 */
export function eveningsBetween(schedule: Schedule, from: string, days: number) {
  const out: Array<{ date: string; evening: Exclude<DateEvening, { kind: 'none' }> }> = [];
  for (const date of candidateDates(schedule, `${from}T12:00:00+08:00`, days)) {
    const evening = eveningOnDate(schedule, date);
    if (evening.kind !== 'none') out.push({ date, evening });
  }
  return out;
}

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "每周三 17:00–20:00", for posters and messages. */
export const describeEvenings = (evenings: ServiceEvening[]) =>
  evenings.length === 0
    ? '暂未安排服务时间'
    : [...evenings]
        .sort((a, b) => a.weekday - b.weekday)
        .map((e) => `每${WEEKDAY_NAMES[e.weekday]} ${e.opensAt}–${e.closesAt}`)
        .join('，');
