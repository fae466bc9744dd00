import {
  activityWhen,
  addDays,
  cancelledText,
  isActive,
  mineText,
  placesText,
  tonightLine,
  weekText,
} from './notice-text';

const places = { signUp: true, capacity: 12, left: 3, signed: 9, waitlisted: 0 };

describe('notice words', () => {
  it('says when an activity is, with the weekday', () => {
    expect(activityWhen({ date: '2026-12-02', startsAt: '18:30', endsAt: '19:30' })).toBe(
      '12月2日 周三 18:30–19:30',
    );
    expect(
      tonightLine({ id: 'a', name: '书法体验课', startsAt: '18:30', place: '二楼活动室' }),
    ).toBe('18:30 · 书法体验课 · 二楼活动室');
  });

  it('says the places left, full with the waitlist, unlimited, or no sign-up', () => {
    expect(placesText(places)).toBe('剩 3 个名额（共 12 个）');
    expect(placesText({ ...places, left: 0, signed: 12, waitlisted: 2 })).toBe(
      '名额已满，2 人在候补 · 可报名候补',
    );
    expect(placesText({ ...places, left: 0, signed: 12 })).toBe('名额已满 · 可报名候补');
    expect(placesText({ ...places, capacity: null, left: null, signed: 0 })).toBe('不限名额');
    expect(placesText({ ...places, capacity: null, left: null, signed: 4 })).toBe(
      '不限名额 · 已报名 4 人',
    );
    expect(placesText({ ...places, signUp: false })).toBe('无需报名，到时直接来');
  });

  it('says the resident’s own state, check-in first', () => {
    const mine = { id: 's', status: 'signed' as const, waitlistPosition: null, attendedAt: null };
    expect(mineText(mine)).toBe('已报名');
    expect(mineText({ ...mine, status: 'waitlisted', waitlistPosition: 2 })).toBe('候补第 2 位');
    expect(mineText({ ...mine, status: 'cancelled' })).toBe('已取消报名');
    expect(mineText({ ...mine, attendedAt: '2026-12-02T18:20:00+08:00' })).toBe('已签到 18:20');
    expect(isActive(mine)).toBe(true);
    expect(isActive({ ...mine, status: 'cancelled' })).toBe(false);
    expect(isActive(null)).toBe(false);
    // Cancelled with its evening: the reason; cancelled by the resident or standing: nothing.
    expect(cancelledText({ ...mine, status: 'cancelled', cancelledReason: '台风停课' })).toBe(
      '活动取消：台风停课，报名已一并取消',
    );
    expect(cancelledText({ ...mine, status: 'cancelled' })).toBeNull();
    expect(cancelledText({ ...mine, cancelledReason: '台风停课' })).toBeNull();
  });

  it('names the week from its Monday, across a month end', () => {
    expect(addDays('2026-11-30', 6)).toBe('2026-12-06');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(weekText('2026-11-30')).toBe('11月30日–12月6日');
    expect(weekText('2026-11-30', '2026-11-30')).toBe('本周 · 11月30日–12月6日');
    expect(weekText('2026-12-07', '2026-11-30')).toBe('下周 · 12月7日–12月13日');
    expect(weekText('2026-11-16', '2026-11-30')).toBe('11月16日–11月22日');
  });
});
