/** The shortcuts a booking takes through the slot rules agree with the rules spelled out. */
import { localDate } from '../kernel/time';
import { randomCalendar, seeded } from '../../testing/random-calendar';
import { bookableDates, isSlotStart, slotStarts } from './slots';
import { bookingCodes, CODE_CANDIDATES, cutoffOf, startOf } from './rules';

const random = seeded(11);
const two = (n: number) => String(n).padStart(2, '0');

describe('isSlotStart: whether a slot id names a start, without listing the starts', () => {
  it('agrees with slotStarts(...).includes on every "HH:MM" a slot id can spell', () => {
    // parseSlotId lets any two digits through: 18:75 and 07:5 are not starts.
    const spelled = Array.from({ length: 30 * 100 }, (_, i) => `${two(i / 100)}:${two(i % 100)}`);
    spelled.push('7:00', '18:5', '');
    for (let round = 0; round < 60; round += 1) {
      const opens = 15 * 60 + random(5 * 60);
      const closes = opens + random(6 * 60);
      const opensAt = `${two(Math.floor(opens / 60))}:${two(opens % 60)}`;
      const closesAt = `${two(Math.floor(closes / 60))}:${two(closes % 60)}`;
      const slotMinutes = [10, 15, 20, 30, 45, 60][random(6)]!;
      const starts = slotStarts(opensAt, closesAt, slotMinutes);
      const disagree = spelled.filter(
        (startsAt) =>
          isSlotStart(opensAt, closesAt, slotMinutes, startsAt) !== starts.includes(startsAt),
      );
      expect([opensAt, closesAt, slotMinutes, disagree]).toEqual([
        opensAt,
        closesAt,
        slotMinutes,
        [],
      ]);
    }
  });
});

describe('bookableDates up to a date: whether that date is bookable, the walk cut short', () => {
  it('agrees with the whole look-ahead on random calendars and dates', () => {
    for (let round = 0; round < 200; round += 1) {
      const { at: now, calendar } = randomCalendar(random, { oneIn: 3, datesBelow: 6 });
      const weekdays = random(3) === 0 ? [random(7)] : [];
      const all = bookableDates(calendar, now, weekdays);
      const disagree = Array.from({ length: 65 }, (_, i) => localDate(now, i - 3)).filter(
        (date) =>
          bookableDates(calendar, now, weekdays, date).includes(date) !== all.includes(date),
      );
      expect(disagree).toEqual([]);
      expect(bookableDates(calendar, now, weekdays, '2026-02-30')).toEqual(
        all.filter((d) => d <= '2026-02-30'),
      );
    }
  });
});

describe('a slot start and cut-off as instants, in Shanghai whatever the host TZ', () => {
  it('reads the wall clock at +08:00 and counts the cut-off back in whole hours', () => {
    expect(startOf('2026-12-02', '19:00').toISOString()).toBe('2026-12-02T11:00:00.000Z');
    const settings = { slotMinutes: 30, seatsPerSlot: 1, cutoffHours: 26, bring: [], weekdays: [] };
    expect(cutoffOf('2026-03-08', '01:30', settings).toISOString()).toBe(
      '2026-03-06T15:30:00.000Z',
    );
    expect(Number.isNaN(cutoffOf('2026-12-02', 'xx', settings).getTime())).toBe(true);
  });
});

describe('candidate booking codes', () => {
  it('are CODE_CANDIDATES codes of 4 characters of the invite alphabet, drawn afresh', () => {
    const drawn = Array.from({ length: 200 }, () => bookingCodes());
    for (const codes of drawn) {
      expect(codes).toHaveLength(CODE_CANDIDATES);
      for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
    }
    // 1,600 codes of 923,521: nearly all distinct, and every character shows up.
    const all = drawn.flat();
    expect(new Set(all).size).toBeGreaterThan(all.length - 10);
    expect(new Set(all.join('')).size).toBe(31);
  });
});
