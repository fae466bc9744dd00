import type { Clock } from './ports';
import { atLocal, local } from './kernel/time';

/** Real time. */
export const realClock = (): Clock => ({ now: () => new Date(), demo: false });

/** Starts at `start` and advances in real time from when it was made (BDB_NOW=<ISO instant>). */
export const startingClock = (start: Date, demo = false): Clock => {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset), demo };
};

/** Never moves: for tests. */
export const fixedClock = (iso: string): Clock => {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`Invalid instant for fixedClock: ${iso}`);
  return { now: () => new Date(at), demo: false };
};

/**
 * The demo clock: 18:30 (Asia/Shanghai) of the coming service evening on `weekday`, today included,
 * so a laptop shows an open evening whatever day it is.
 */
export const demoStart = (realNow: Date, weekday: number, time = '18:30'): Date => {
  const today = local(realNow).startOf('day');
  const days = (weekday - today.day() + 7) % 7;
  const date = today.add(days, 'day').format('YYYY-MM-DD');
  return atLocal(date, time).toDate();
};

/**
 * Resolves the BDB_NOW setting: unset → demo clock, "real" → real time, an ISO instant → starts
 * there. Throws with a readable message on anything else.
 */
export const clockFromSetting = (
  setting: string | undefined,
  demoWeekday: number,
  realNow = new Date(),
): Clock => {
  if (setting === undefined || setting === '' || setting === 'demo') {
    return startingClock(demoStart(realNow, demoWeekday), true);
  }
  if (setting === 'real') return realClock();
  const start = new Date(setting);
  if (Number.isNaN(start.getTime()) || !/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(setting)) {
    throw new Error(
      `BDB_NOW must be "real" or an ISO instant such as 2026-12-02T18:30:00+08:00, got "${setting}"`,
    );
  }
  return startingClock(start);
};
