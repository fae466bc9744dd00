import { clockFromSetting, demoStart, fixedClock } from '../clock';
import {
  type Calendar,
  candidateDates,
  describeEvenings,
  eveningOnDate,
  eveningsBetween,
  eveningStatus,
  LOOKAHEAD_DAYS,
  nextOpening,
} from './schedule';
import { isoLocal, localDate } from './time';
import { randomCalendar, seeded } from '../../testing/random-calendar';

const WEDNESDAY = [{ weekday: 3, opensAt: '17:00', closesAt: '20:00' }];
const TWO_EVENINGS = [...WEDNESDAY, { weekday: 6, opensAt: '18:00', closesAt: '21:00' }];

// The host's TZ must never change the answer: run every case under zones on both sides of China.
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'];
const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

describe.each(ZONES)('with the host in %s', (zone) => {
  beforeEach(() => {
    process.env.TZ = zone;
  });

  it.each([
    [
      '2026-12-02T16:59:59+08:00',
      { date: '2026-12-02', serviceEvening: true, open: false, next: '2026-12-02T17:00:00+08:00' },
    ],
    [
      '2026-12-02T17:00:00+08:00',
      { date: '2026-12-02', serviceEvening: true, open: true, next: null },
    ],
    [
      '2026-12-02T19:59:59+08:00',
      { date: '2026-12-02', serviceEvening: true, open: true, next: null },
    ],
    [
      '2026-12-02T20:00:00+08:00',
      { date: '2026-12-02', serviceEvening: true, open: false, next: '2026-12-09T17:00:00+08:00' },
    ],
    [
      '2026-12-01T23:59:00+08:00',
      { date: '2026-12-01', serviceEvening: false, open: false, next: '2026-12-02T17:00:00+08:00' },
    ],
    [
      '2026-12-02T00:00:00+08:00',
      { date: '2026-12-02', serviceEvening: true, open: false, next: '2026-12-02T17:00:00+08:00' },
    ],
    ['2026-12-02T10:30:00Z', { date: '2026-12-02', serviceEvening: true, open: true, next: null }],
    [
      '2026-12-02T16:30:00Z',
      { date: '2026-12-03', serviceEvening: false, open: false, next: '2026-12-09T17:00:00+08:00' },
    ],
  ])('at %s', (instant, expected) => {
    const status = eveningStatus(WEDNESDAY, new Date(instant));
    expect({
      date: status.date,
      serviceEvening: status.serviceEvening,
      open: status.open,
      next: status.nextOpening ? isoLocal(status.nextOpening) : null,
    }).toEqual(expected);
  });

  it('shows the hours of the next evening on a day without one', () => {
    const friday = eveningStatus(TWO_EVENINGS, new Date('2026-12-04T12:00:00+08:00'));
    expect(friday).toMatchObject({ serviceEvening: false, opensAt: '18:00', closesAt: '21:00' });
    expect(isoLocal(friday.nextOpening!)).toBe('2026-12-05T18:00:00+08:00');
  });

  it('puts the demo clock at 18:30 of the coming Wednesday, today included', () => {
    expect(isoLocal(demoStart(new Date('2026-11-28T09:00:00+08:00'), 3))).toBe(
      '2026-12-02T18:30:00+08:00',
    );
    expect(isoLocal(demoStart(new Date('2026-12-02T21:00:00+08:00'), 3))).toBe(
      '2026-12-02T18:30:00+08:00',
    );
    // 23:00 UTC on Tuesday is already Wednesday in Suzhou.
    expect(isoLocal(demoStart(new Date('2026-12-01T23:00:00Z'), 3))).toBe(
      '2026-12-02T18:30:00+08:00',
    );
  });
});

describe('a week without evenings', () => {
  it('is never open and has no next opening', () => {
    expect(eveningStatus([], new Date('2026-12-02T18:00:00+08:00'))).toMatchObject({
      open: false,
      nextOpening: null,
      opensAt: '',
    });
    expect(nextOpening([], new Date())).toBeNull();
  });
});

describe('clocks', () => {
  it('BDB_NOW unset gives a demo clock that advances in real time', async () => {
    const clock = clockFromSetting(undefined, 3, new Date('2026-11-28T09:00:00+08:00'));
    expect(clock.demo).toBe(true);
    const first = clock.now().getTime();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime()).toBeGreaterThan(first);
  });

  it('BDB_NOW=<instant> starts there; BDB_NOW=real is real time; nonsense is refused', () => {
    const started = clockFromSetting('2026-12-02T19:00:00+08:00', 3);
    expect(started.demo).toBe(false);
    expect(Math.abs(started.now().getTime() - Date.parse('2026-12-02T11:00:00Z'))).toBeLessThan(
      1000,
    );
    expect(Math.abs(clockFromSetting('real', 3).now().getTime() - Date.now())).toBeLessThan(1000);
    expect(() => clockFromSetting('next wednesday', 3)).toThrow(/BDB_NOW/);
  });

  it('a fixed clock never moves', () => {
    const clock = fixedClock('2026-12-02T18:30:00+08:00');
    expect(clock.now().toISOString()).toBe('2026-12-02T10:30:00.000Z');
  });
});

it('describes the evenings for posters', () => {
  expect(describeEvenings(TWO_EVENINGS)).toBe('每周三 17:00–20:00，每周六 18:00–21:00');
  expect(describeEvenings([])).toBe('暂未安排服务时间');
});

describe('the look-ahead visits only the dates that can hold an evening (candidateDates)', () => {
  // A plain walk, day by day, through the one calendar rule: what the look-ahead must agree with.
  const walk = (schedule: Calendar, from: Date, days: number) =>
    Array.from({ length: days }, (_, i) => localDate(from, i)).filter(
      (date) => eveningOnDate(schedule, date).kind !== 'none',
    );

  it('agrees with a day-by-day walk on random calendars, exceptions on any weekday', () => {
    const random = seeded(7);
    for (let round = 0; round < 200; round += 1) {
      const { at: from, calendar } = randomCalendar(random, { oneIn: 4, datesBelow: 5 });
      const days = 1 + random(60);
      const visited = candidateDates(calendar, from, days);
      // Every evening of the walk is visited, and nothing outside the window.
      expect(visited.filter((d) => eveningOnDate(calendar, d).kind !== 'none')).toEqual(
        walk(calendar, from, days),
      );
      for (const d of visited) {
        expect(d >= localDate(from)).toBe(true);
        expect(d <= localDate(from, days - 1)).toBe(true);
      }
      const start = localDate(from);
      expect(eveningsBetween(calendar, start, days).map((e) => e.date)).toEqual(
        walk(calendar, new Date(`${start}T12:00:00+08:00`), days),
      );
      const next = nextOpening(calendar, from);
      const expected = walk(calendar, from, LOOKAHEAD_DAYS + 1)
        .map((date) => ({ date, evening: eveningOnDate(calendar, date) }))
        .filter(({ evening }) => evening.kind === 'evening')
        .map(({ date, evening }) =>
          Date.parse(`${date}T${(evening as { opensAt: string }).opensAt}:00+08:00`),
        )
        .find((opens) => opens > from.getTime());
      expect(next?.getTime() ?? null).toBe(expected ?? null);
    }
  });
});
