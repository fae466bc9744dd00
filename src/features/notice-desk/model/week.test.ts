import {
  addDays,
  dayText,
  inWeek,
  isCalendarDate,
  mondayOf,
  weekDates,
  weekRangeText,
} from './week';

describe('notice weeks', () => {
  it('names a week by its Monday, from any day in it', () => {
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-02')).toBe('2026-11-30');
    // Sunday belongs to the week before, as on a Chinese calendar.
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
  });

  it('shows the week as a date range, across months and years', () => {
    expect(weekRangeText('2026-11-30')).toBe('11月30日–12月6日');
    expect(weekRangeText('2026-12-28')).toBe('12月28日–1月3日');
    expect(weekDates('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('knows real dates and which ones are in the week', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
    expect(inWeek('2026-11-30', '2026-12-06')).toBe(true);
    expect(inWeek('2026-11-30', '2026-12-07')).toBe(false);
    expect(inWeek('2026-11-30', '2026-11-29')).toBe(false);
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(dayText('2026-12-02')).toBe('周三 12月2日');
  });
});
