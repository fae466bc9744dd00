import { rosterShiftFixture } from '@/test-utils/fixtures';
import {
  compMinutesOf,
  durationText,
  emptyLeave,
  emptyShift,
  normaliseHhmm,
  parseLeave,
  parseLogEnd,
  parseName,
  parseShift,
  companionChoices,
  memberChoices,
  rosterWorkers,
  shiftLine,
} from './roster-form';

describe('roster forms', () => {
  it('reads times as staff type them', () => {
    expect(normaliseHhmm('9:05')).toBe('09:05');
    expect(normaliseHhmm('2030')).toBe('20:30');
    expect(normaliseHhmm('20：30')).toBe('20:30');
    expect(normaliseHhmm('24:00')).toBeNull();
    expect(normaliseHhmm('晚上')).toBeNull();
  });

  it('counts comp time after 17:00, as the server does', () => {
    expect(compMinutesOf('16:30', '20:45')).toBe(225);
    expect(compMinutesOf('17:30', '21:00')).toBe(210);
    expect(compMinutesOf('09:00', '16:00')).toBe(0);
    expect(durationText(225)).toBe('3 小时 45 分钟');
    expect(durationText(120)).toBe('2 小时');
    expect(durationText(45)).toBe('45 分钟');
    expect(durationText(0)).toBe('0 分钟');
    expect(durationText(-30)).toBe('-30 分钟');
  });

  it('says a shift’s plan and, once logged, its real end and comp time', () => {
    expect(shiftLine(rosterShiftFixture())).toBe('计划 16:30–20:00 · 还没登记下班时间');
    expect(shiftLine(rosterShiftFixture({ loggedEnd: '20:45', compMinutes: 225 }))).toBe(
      '计划 16:30–20:00 · 实际 20:45 下班，调休 +3 小时 45 分钟',
    );
  });

  it('lists each worker on the roster once', () => {
    const shifts = [
      rosterShiftFixture(),
      rosterShiftFixture({ id: 'sh-2', worker: 'staff-2', name: '王社工' }),
      rosterShiftFixture({ id: 'sh-3' }),
    ];
    expect(rosterWorkers(shifts)).toEqual([
      { worker: 'u1', name: '李社工' },
      { worker: 'staff-2', name: '王社工' },
    ]);
  });

  it('checks a shift: a colleague picked by name (oneself by default) and hours in order', () => {
    expect(
      parseShift('jinse', '2026-12-02', { ...emptyShift(null), start: '8', end: '16:00' }, null),
    ).toEqual({
      input: null,
      errors: { worker: '请选一位社工', start: '上班时间请按 16:30 这样的格式填写' },
    });
    expect(
      parseShift('jinse', '2026-12-02', { ...emptyShift('u1'), end: '16:00' }, 'u1').errors,
    ).toEqual({ end: '下班时间要晚于上班时间' });
    // Oneself is sent as no worker; the server names the shift from the directory.
    expect(
      parseShift('jinse', '2026-12-02', { ...emptyShift('u1'), end: '2030' }, 'u1').input,
    ).toEqual({ community: 'jinse', date: '2026-12-02', start: '16:30', end: '20:30' });
    expect(
      parseShift('jinse', '2026-12-02', { ...emptyShift('u1'), worker: 'staff-2' }, 'u1').input,
    ).toMatchObject({ worker: 'staff-2' });
  });

  it('offers colleagues by name, me first; companions go to those on the roster', () => {
    const members = [
      { userId: 'staff-2', name: '王社工', named: true },
      { userId: 'u1', name: '李社工', named: true },
    ];
    expect(memberChoices(members, 'u1')).toEqual([
      { value: 'u1', text: '李社工（我）' },
      { value: 'staff-2', text: '王社工' },
    ]);
    const shifts = [
      rosterShiftFixture({ name: '小李' }),
      rosterShiftFixture({ id: 'sh-2', worker: 'staff-3', name: '赵社工' }),
    ];
    expect(companionChoices(shifts, members)).toEqual([
      { worker: 'u1', name: '李社工' },
      { worker: 'staff-3', name: '赵社工' },
    ]);
    expect(parseName('  ')).toEqual({ name: null, error: '请写您的称呼，如：李社工' });
    expect(parseName(' 李社工 ')).toEqual({ name: '李社工', error: null });
  });

  it('checks a logged end', () => {
    const shift = rosterShiftFixture();
    expect(parseLogEnd(shift, '晚上')).toEqual({
      input: null,
      error: '请按 20:30 这样的格式填写下班时间',
    });
    expect(parseLogEnd(shift, '16:00').error).toBe('下班时间要晚于上班时间');
    expect(parseLogEnd(shift, '2045')).toEqual({
      input: { shiftId: 'sh-1', end: '20:45' },
      error: null,
    });
  });

  it('checks a leave request against the balance', () => {
    const draft = emptyLeave('2026-12-07');
    expect(parseLeave('jinse', draft, 135).errors).toEqual({
      minutes: '调休时长请填 30–480 分钟',
    });
    expect(parseLeave('jinse', { ...draft, minutes: '240' }, 135).errors).toEqual({
      minutes: '调休余额不足：可用 135 分钟',
    });
    expect(parseLeave('jinse', { ...draft, date: '', minutes: '20' }, 135).errors).toEqual({
      date: '请选择调休日期',
      minutes: '调休时长请填 30–480 分钟',
    });
    expect(parseLeave('jinse', { ...draft, minutes: '120', note: ' 周一下午 ' }, 135)).toEqual({
      input: { community: 'jinse', date: '2026-12-07', minutes: 120, note: '周一下午' },
      errors: {},
    });
    expect(parseLeave('jinse', { ...draft, minutes: '60' }, 135).input).toEqual({
      community: 'jinse',
      date: '2026-12-07',
      minutes: 60,
    });
  });
});
