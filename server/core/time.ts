import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every service evening is reckoned in China Standard Time, whatever the host's TZ. */
export const ZONE = 'Asia/Shanghai';

/** The instant as seen on a wall clock in Asia/Shanghai. */
export const local = (instant: Date | string | number) => dayjs(instant).tz(ZONE);

/** A wall-clock date and time in Asia/Shanghai ("2026-12-02", "17:00") as a dayjs instant. */
export const atLocal = (date: string, time: string) =>
  dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', ZONE);

/** ISO 8601 with the +08:00 offset, which reads right to a person in Suzhou. */
export const isoLocal = (instant: Date | dayjs.Dayjs) =>
  local(instant instanceof Date ? instant : instant.toDate()).format();

export { dayjs };
