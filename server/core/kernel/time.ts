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

/** A wall-clock date and time in Asia/Shanghai ("2026-12-02", "17:00") as a real instant. */
export const atLocal = (date: string, time: string) =>
  dayjs(Date.parse(`${date}T${time}:00+08:00`));

/** ISO 8601 with the +08:00 offset, which reads right to a person in Suzhou. */
export const isoLocal = (instant: Date | dayjs.Dayjs) =>
  `${local(instant instanceof Date ? instant : instant.valueOf()).format('YYYY-MM-DDTHH:mm:ss')}+08:00`;

export { dayjs };
