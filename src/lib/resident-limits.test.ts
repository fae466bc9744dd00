import { bookingLimitsText, numberLimitText, signUpLimitText } from './resident-limits';

describe('the limits residents read', () => {
  const limits = { bookingsPerEvening: 2, openBookings: 4, numbersPerEvening: 3, openSignUps: 3 };

  it('says the booking limits with the community’s numbers', () => {
    expect(bookingLimitsText(limits)).toBe(
      '每人每晚最多预约 2 个时段，同时最多保留 4 个未到期的预约',
    );
    expect(bookingLimitsText({ ...limits, bookingsPerEvening: 1 })).toMatch(/最多预约 1 个时段/);
  });

  it('says the numbers per evening, every line together', () => {
    expect(numberLimitText(limits)).toBe('每人每晚最多取 3 个号（各项服务合计）');
  });

  it('says the open activity sign-ups, a waitlist place counting', () => {
    expect(signUpLimitText(limits.openSignUps)).toBe(
      '每人同时最多报名 3 个还没开始的活动（候补也算）',
    );
    expect(signUpLimitText(5)).toMatch(/最多报名 5 个/);
  });
});
