/**
 * Times are shown in Asia/Shanghai whatever the device's time zone is (a phone set to another
 * zone, a TV box left on UTC).
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { ServiceEvening } from '@/types/contract';

export const TIME_ZONE = 'Asia/Shanghai';
/** Shanghai has kept a fixed +08:00 offset, without DST, since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * An instant (ISO string or epoch ms) as a Dayjs showing the Shanghai wall clock: its fields
 * (date, day, format) read as in Shanghai whatever the device's zone. No utc/timezone plugin
 * (and no Intl time zone data) is needed, which keeps them out of the main package. Only a
 * Shanghai time that does not exist on the device's own clock (a DST spring-forward hour there,
 * around 02:00 local) would read an hour off; no service runs then.
 */
export function toShanghai(instant: string | number): Dayjs {
  const wall = new Date(dayjs(instant).valueOf() + SHANGHAI_OFFSET_MS);
  return dayjs(
    new Date(
      wall.getUTCFullYear(),
      wall.getUTCMonth(),
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      wall.getUTCMilliseconds(),
    ),
  );
}

export function weekdayName(weekday: number): string {
  return WEEKDAYS[((weekday % 7) + 7) % 7];
}

/** "2026-11-25" + 3 → "11月25日 周三" (no time zone involved: it is already a Shanghai date). */
export function formatDateLine(date: string, weekday: number): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日 ${weekdayName(weekday)}`;
}

/** "2026-12-02" → "12月2日 周三": a Shanghai date as it is, its weekday from the calendar. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return formatDateLine(date, new Date(Date.UTC(year, month - 1, day)).getUTCDay());
}

/** The Shanghai date ("YYYY-MM-DD") of an instant, by default now on this device's clock. */
export function shanghaiDate(instant: string | number = Date.now()): string {
  return toShanghai(instant).format('YYYY-MM-DD');
}

/** ISO instant → "12月2日 周三 17:00" (next opening, invite expiry). */
export function formatDayTime(instant: string): string {
  const d = toShanghai(instant);
  return `${d.month() + 1}月${d.date()}日 ${weekdayName(d.day())} ${d.format('HH:mm')}`;
}

/** Instant → "18:30". */
export function formatClock(instant: string | number): string {
  return toShanghai(instant).format('HH:mm');
}

/**
 * The weekly schedule: evenings with the same hours are grouped, e.g. "每周三 17:00–20:00" or
 * "每周三、周五 17:00–20:00".
 */
export function formatEvenings(evenings: ServiceEvening[]): string {
  const groups = new Map<string, number[]>();
  for (const e of [...evenings].sort((a, b) => a.weekday - b.weekday)) {
    const hours = `${e.opensAt}–${e.closesAt}`;
    groups.set(hours, [...(groups.get(hours) ?? []), e.weekday]);
  }
  return [...groups.entries()]
    .map(([hours, days]) => `每${days.map(weekdayName).join('、')} ${hours}`)
    .join('；');
}

/** "2026-12-02" → "12月2日" (a Shanghai date as it is). */
export function monthDay(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

/** An ISO instant → "12月2日" in Shanghai. */
export function dayOf(instant: string): string {
  return monthDay(shanghaiDate(instant));
}
