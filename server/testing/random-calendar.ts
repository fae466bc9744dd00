/**
 * Random calendars for the tests that check a shortcut through the calendar rules against the
 * rules spelled out (core/kernel/schedule, core/booking/slots): seeded, so every run draws the
 * same rounds and a failing one can be replayed.
 */
import type { Calendar } from '../core/kernel/schedule';
import { localDate } from '../core/kernel/time';

/** A seeded source of whole numbers below `n` (a linear congruential generator). */
export function seeded(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % n;
  };
}

/**
 * An instant within 800 days from 2026-01-01, and a calendar around it: weekly evenings on about
 * one weekday in `oneIn`, and fewer than `datesBelow` dated exceptions (cancelled or extra) from
 * 5 days before to 64 after, on any weekday.
 */
export function randomCalendar(
  random: (n: number) => number,
  { oneIn, datesBelow }: { oneIn: number; datesBelow: number },
): { at: Date; calendar: Calendar } {
  const at = new Date(Date.UTC(2026, 0, 1) + random(800) * 86_400_000 + random(86_400_000));
  const evenings = [0, 1, 2, 3, 4, 5, 6]
    .filter(() => random(oneIn) === 0)
    .map((weekday) => ({ weekday, opensAt: '17:00', closesAt: '20:00' }));
  const dates = Array.from({ length: random(datesBelow) }, () => ({
    date: localDate(at, random(70) - 5),
    kind: random(2) === 0 ? ('cancelled' as const) : ('extra' as const),
    reason: '',
    opensAt: '18:00',
    closesAt: '20:30',
    added: true,
  }));
  return { at, calendar: { evenings, dates } };
}
