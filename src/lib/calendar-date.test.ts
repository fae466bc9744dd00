import { addDays, isCalendarDate, weekdayOf } from './calendar-date';
import { monthDay } from './shanghai-time';

describe('calendar dates', () => {
  it('does calendar arithmetic on Shanghai dates', () => {
    expect(isCalendarDate('2026-12-02')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(weekdayOf('2026-12-02')).toBe(3);
    expect(monthDay('2026-12-02')).toBe('12月2日');
  });
});
