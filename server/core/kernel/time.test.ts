import {
  atLocal,
  dayDate,
  dayWeekday,
  isoLocal,
  local,
  localDate,
  localDay,
  wallClock,
} from './time';
import { weekdayOf } from './schedule';

/** The zone database's wall clock in Asia/Shanghai, straight from Intl (no dayjs involved). */
const zoneFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const zoneWall = (at: number) => {
  const p = Object.fromEntries(zoneFormat.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${WEEKDAYS.indexOf(p.weekday!)}`;
};

// The suite runs with the host in America/Los_Angeles: this also covers the host's own DST
// changes, where dayjs' tz() plugin is known to slip by an hour (the fixed offset does not).
describe('the fixed +08:00 offset matches the Asia/Shanghai zone', () => {
  // Every 7 hours 13 minutes from 2000 to 2040: all hours, weekdays, month ends and DST changes.
  const instants = Array.from(
    { length: 48_000 },
    (_, i) => Date.UTC(2000, 0, 1) + i * (7 * 60 + 13) * 60_000,
  );

  it('gives the same wall clock as the zone database', () => {
    for (const at of instants) expect(local(at).format('YYYY-MM-DD HH:mm d')).toBe(zoneWall(at));
  });

  it('reads a wall-clock date and time back to the same instant', () => {
    for (const at of instants.filter((_, i) => i % 50 === 0)) {
      const wall = local(at);
      const back = atLocal(wall.format('YYYY-MM-DD'), wall.format('HH:mm')).valueOf();
      expect(back).toBe(at - (at % 60_000));
    }
  });

  it('counts dates and weekdays days ahead without dayjs, as the zone does', () => {
    for (const at of instants.filter((_, i) => i % 20 === 0)) {
      for (const days of [0, 1, 6, 55]) {
        const [date, , weekday] = zoneWall(at + days * 86_400_000).split(' ');
        expect(localDate(at, days)).toBe(date);
        expect(weekdayOf(localDate(at, days))).toBe(Number(weekday));
        expect(dayDate(localDay(at) + days)).toBe(date);
        expect(dayWeekday(localDay(at) + days)).toBe(Number(weekday));
      }
    }
  });

  it('writes ISO instants with the offset', () => {
    expect(isoLocal(new Date('2026-12-02T10:30:00Z'))).toBe('2026-12-02T18:30:00+08:00');
  });

  it('answers each instant for itself when the same one is asked again and again', () => {
    // wallClock keeps its last answer: asked alternately, and repeatedly, it must not mix them.
    const a = Date.UTC(2026, 11, 2, 10, 30);
    const b = a + 1;
    for (const at of [a, a, b, b, a, b, a + 86_400_000, a]) {
      expect(wallClock(at)).toBe(new Date(at + 8 * 3_600_000).toISOString().slice(0, 19));
      expect(wallClock(new Date(at))).toBe(wallClock(at));
    }
  });
});
