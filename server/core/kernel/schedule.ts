import type { ServiceEvening } from '../../../contract/community';
import { atLocal, local } from './time';

export interface EveningStatus {
  /** Asia/Shanghai date of `now`, "YYYY-MM-DD". */
  date: string;
  weekday: number;
  /** Is `date` a service evening? */
  serviceEvening: boolean;
  open: boolean;
  /** Tonight's hours, or those of the next evening when tonight has none. */
  opensAt: string;
  closesAt: string;
  /** The next opening instant after `now`; null while open. */
  nextOpening: Date | null;
}

const eveningOn = (evenings: ServiceEvening[], weekday: number) =>
  evenings.find((e) => e.weekday === weekday);

/**
 * Where `now` falls in a community's weekly service evenings, reckoned in Asia/Shanghai. A week
 * without evenings is never open and has no next opening.
 */
export function eveningStatus(evenings: ServiceEvening[], now: Date): EveningStatus {
  const today = local(now);
  const date = today.format('YYYY-MM-DD');
  const weekday = today.day();
  const tonight = eveningOn(evenings, weekday);
  const nowMs = now.getTime();

  if (tonight) {
    const opens = atLocal(date, tonight.opensAt).valueOf();
    const closes = atLocal(date, tonight.closesAt).valueOf();
    if (nowMs >= opens && nowMs < closes) {
      return {
        date,
        weekday,
        serviceEvening: true,
        open: true,
        opensAt: tonight.opensAt,
        closesAt: tonight.closesAt,
        nextOpening: null,
      };
    }
  }

  const next = nextOpening(evenings, now);
  const shown = tonight ?? (next ? eveningOn(evenings, local(next).day()) : undefined);
  return {
    date,
    weekday,
    serviceEvening: Boolean(tonight),
    open: false,
    opensAt: shown?.opensAt ?? '',
    closesAt: shown?.closesAt ?? '',
    nextOpening: next,
  };
}

/** The first opening strictly after `now`, looking up to one week and a day ahead. */
export function nextOpening(evenings: ServiceEvening[], now: Date): Date | null {
  const start = local(now).startOf('day');
  for (let i = 0; i <= 7; i += 1) {
    const day = start.add(i, 'day');
    const evening = eveningOn(evenings, day.day());
    if (!evening) continue;
    const opens = atLocal(day.format('YYYY-MM-DD'), evening.opensAt);
    if (opens.valueOf() > now.getTime()) return opens.toDate();
  }
  return null;
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
