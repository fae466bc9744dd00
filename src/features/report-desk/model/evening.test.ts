import { lastServiceEvening } from './evening';
import { reportUrl } from './urls';

describe('the report desk', () => {
  it('finds the last service evening on or before a day', () => {
    // Wednesdays (3) and Fridays (5); 2026-12-02 is a Wednesday.
    expect(lastServiceEvening('2026-12-02', [3, 5])).toBe('2026-12-02');
    expect(lastServiceEvening('2026-12-03', [3, 5])).toBe('2026-12-02');
    expect(lastServiceEvening('2026-12-07', [3, 5])).toBe('2026-12-04');
    expect(lastServiceEvening('2026-12-07', [])).toBe('2026-12-07');
  });

  it('addresses the report page', () => {
    expect(reportUrl('jinse')).toBe('/package-staff/pages/report/index?c=jinse');
    expect(reportUrl('jinse', '2026-12-02')).toBe(
      '/package-staff/pages/report/index?c=jinse&d=2026-12-02',
    );
  });
});
