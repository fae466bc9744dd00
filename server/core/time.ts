import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every service evening is reckoned in China Standard Time, whatever the host's TZ. */
export const ZONE = 'Asia/Shanghai';

/**
 * Asia/Shanghai has kept UTC+08:00 without daylight saving since 1991, so a fixed offset gives
 * the same wall clock as the zone database at a fraction of the cost (dayjs' tz() formats through
 * Intl on every call, which dominated a join under load). time.test.ts checks the two agree.
 */
const OFFSET_MINUTES = 8 * 60;

/** The instant as seen on a wall clock in Asia/Shanghai. */
export const local = (instant: Date | string | number) => dayjs(instant).utcOffset(OFFSET_MINUTES);

/** A wall-clock date and time in Asia/Shanghai ("2026-12-02", "17:00") as a dayjs instant. */
export const atLocal = (date: string, time: string) =>
  dayjs(`${date}T${time}:00+08:00`).utcOffset(OFFSET_MINUTES);

/** ISO 8601 with the +08:00 offset, which reads right to a person in Suzhou. */
export const isoLocal = (instant: Date | dayjs.Dayjs) =>
  local(instant instanceof Date ? instant : instant.toDate()).format();

export { dayjs };
