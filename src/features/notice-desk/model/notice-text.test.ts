import { staffAttendeeFixture } from '@/test-utils/fixtures';
import { attendedText } from './notice-text';

describe('attendance in words', () => {
  it('says how someone checked in as it happened: scanned, typed, or by staff', () => {
    const at = { attendedAt: '2026-12-02T18:42:00+08:00' };
    expect(attendedText(staffAttendeeFixture())).toBe('未到场');
    expect(attendedText(staffAttendeeFixture({ ...at, checkIn: 'self', checkInVia: 'scan' }))).toBe(
      '已到场 18:42 · 扫码',
    );
    expect(attendedText(staffAttendeeFixture({ ...at, checkIn: 'self', checkInVia: 'code' }))).toBe(
      '已到场 18:42 · 输入签到码',
    );
    expect(attendedText(staffAttendeeFixture({ ...at, checkIn: 'staff' }))).toBe(
      '已到场 18:42 · 社工',
    );
    // Before the way was kept: not claimed to be a scan.
    expect(attendedText(staffAttendeeFixture({ ...at, checkIn: 'self' }))).toBe(
      '已到场 18:42 · 自助',
    );
  });
});
