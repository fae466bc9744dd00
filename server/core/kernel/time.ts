import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Every service evening is reckoned in China Standard Time, whatever the host's TZ. */
export const ZONE = 'Asia/Shanghai';

/**
 * Asia/Shanghai has kept UTC+08:00 without daylight saving since 1991, so the wall clock is the
 * instant plus eight hours. Reading it from a UTC-mode dayjs keeps the host's TZ out entirely:
 * dayjs' tz() and utcOffset() both pass through the host's local time and slip by an hour around
 * the host's own DST changes (time.test.ts runs under America/Los_Angeles to prove the difference),
 * and tz() formats through Intl on every call, which dominated a join under load.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

const ms = (instant: Date | string | number) =>
  typeof instant === 'number' ? instant : new Date(instant).getTime();

/**
 * The wall clock in Asia/Shanghai, for reading fields (format, day, startOf('day'), add days).
 * Its valueOf() is not the instant: turn wall-clock dates back into instants with atLocal().
 */
export const local = (instant: Date | string | number) => dayjs.utc(ms(instant) + OFFSET_MS);

/** A wall-clock date and time in Asia/Shanghai ("2026-12-02", "17:00") as epoch milliseconds. */
export const atLocalMs = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);

/** A wall-clock date and time in Asia/Shanghai ("2026-12-02", "17:00") as a real instant. */
export const atLocal = (date: string, time: string) => dayjs(atLocalMs(date, time));

/**
 * The wall clock in Asia/Shanghai as "YYYY-MM-DDTHH:mm:ss" (years 0–9999): the instant plus eight
 * hours read as UTC, without a dayjs object (every ticket view formats three instants).
 */
/** 0000-01-01T00:00Z and 10000-01-01T00:00Z: toISOString writes four-digit years between. */
const YEAR_0 = -62_167_219_200_000;
const YEAR_10000 = 253_402_300_800_000;
export const wallClock = (instant: Date | string | number): string => {
  const at = ms(instant) + OFFSET_MS;
  // A request asks for its own `now` several times over (the line's hours, tonight's date, the
  // answer's views): the last answer is kept.
  if (at === lastAt) return lastWall;
  if (!(at >= YEAR_0 && at < YEAR_10000)) return local(instant).format('YYYY-MM-DDTHH:mm:ss');
  lastWall = new Date(at).toISOString().slice(0, 19);
  lastAt = at;
  return lastWall;
};
let lastAt = Number.NaN;
let lastWall = '';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The Asia/Shanghai date ("YYYY-MM-DD") `days` days after the instant's, without a dayjs object:
 * with a fixed offset a day is always 24 hours (the calendar loops read 56 of them per request).
 */
export const localDate = (instant: Date | string | number, days = 0): string =>
  wallClock(ms(instant) + days * DAY_MS).slice(0, 10);

/** The Asia/Shanghai day of an instant, counted from 1970-01-01 (a Thursday). */
export const localDay = (instant: Date | string | number): number =>
  Math.floor((ms(instant) + OFFSET_MS) / DAY_MS);

/** A day of localDay's count as "YYYY-MM-DD". */
export const dayDate = (day: number): string => wallClock(day * DAY_MS - OFFSET_MS).slice(0, 10);

/** The weekday (0 Sunday) of a day of localDay's count. */
export const dayWeekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** ISO 8601 with the +08:00 offset, which reads right to a person in Suzhou. */
export const isoLocal = (instant: Date | dayjs.Dayjs) =>
  `${wallClock(instant instanceof Date ? instant : instant.valueOf())}+08:00`;

export { dayjs };
