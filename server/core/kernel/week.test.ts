import { AppError } from '../errors';
import { assertNearToday, PLANNING_WINDOW } from './week';

// 00:30 on Wednesday 2 December in Suzhou is still 1 December in UTC: "today" is Shanghai's.
const NOW = new Date('2026-12-01T16:30:00Z');

describe('assertNearToday', () => {
  it('takes the window’s ends and refuses a day beyond either, in Chinese', () => {
    expect(() =>
      assertNearToday('2026-11-01', NOW, PLANNING_WINDOW, 'date', '排班日期'),
    ).not.toThrow();
    expect(() =>
      assertNearToday('2027-12-03', NOW, PLANNING_WINDOW, 'date', '排班日期'),
    ).not.toThrow();
    for (const date of ['2026-10-31', '2027-12-04', '2062-12-02']) {
      let error: unknown;
      try {
        assertNearToday(date, NOW, PLANNING_WINDOW, 'date', '排班日期');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: 'BAD_INPUT',
        message: '排班日期要在 2026-11-01 到 2027-12-03 之间',
        field: 'date',
      });
    }
  });

  it('with no past allowed, yesterday is refused and today taken', () => {
    const window = { past: 0, future: 366 };
    expect(() => assertNearToday('2026-12-02', NOW, window, 'closesOn', '截止日期')).not.toThrow();
    expect(() => assertNearToday('2026-12-01', NOW, window, 'closesOn', '截止日期')).toThrow(
      '截止日期要在 2026-12-02 到 2027-12-03 之间',
    );
  });
});
