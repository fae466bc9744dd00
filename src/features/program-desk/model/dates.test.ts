import { barPercent, maxOf } from './bars';
import { addDays, isCalendarDate, lastServiceEvening, monthDay } from './dates';
import { reportUrl, rosterUrl, surveyUrl } from './urls';

describe('program-desk dates, bars and addresses', () => {
  it('does calendar arithmetic on Shanghai dates', () => {
    expect(isCalendarDate('2026-12-02')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(monthDay('2026-12-02')).toBe('12月2日');
  });

  it('finds the last service evening on or before a day', () => {
    // Wednesdays (3) and Fridays (5); 2026-12-02 is a Wednesday.
    expect(lastServiceEvening('2026-12-02', [3, 5])).toBe('2026-12-02');
    expect(lastServiceEvening('2026-12-03', [3, 5])).toBe('2026-12-02');
    expect(lastServiceEvening('2026-12-07', [3, 5])).toBe('2026-12-04');
    expect(lastServiceEvening('2026-12-07', [])).toBe('2026-12-07');
  });

  it('scales bars to the largest value, keeping a sliver for small ones', () => {
    expect(maxOf([3, 12, 5])).toBe(12);
    expect(maxOf([])).toBe(0);
    expect(barPercent(12, 12)).toBe(100);
    expect(barPercent(6, 12)).toBe(50);
    expect(barPercent(1, 200)).toBe(2);
    expect(barPercent(0, 12)).toBe(0);
    expect(barPercent(0, 0)).toBe(0);
  });

  it('addresses the three pages', () => {
    expect(surveyUrl('jinse')).toBe('/package-staff/pages/survey/index?c=jinse');
    expect(reportUrl('jinse')).toBe('/package-staff/pages/report/index?c=jinse');
    expect(reportUrl('jinse', '2026-12-02')).toBe(
      '/package-staff/pages/report/index?c=jinse&d=2026-12-02',
    );
    expect(rosterUrl('a b')).toBe('/package-staff/pages/roster/index?c=a%20b');
  });
});
