import {
  formatClock,
  formatDate,
  formatDateLine,
  formatDayTime,
  formatEvenings,
  shanghaiDate,
} from './shanghai-time';

describe('Shanghai time formatting', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('formats the date line and the next opening', () => {
    expect(formatDateLine('2026-11-25', 3)).toBe('11月25日 周三');
    expect(formatDayTime('2026-12-02T17:00:00+08:00')).toBe('12月2日 周三 17:00');
    expect(formatClock('2026-11-25T18:30:00+08:00')).toBe('18:30');
  });

  it('ignores the device time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    // 09:00Z is 17:00 in Shanghai but 01:00 in Los Angeles.
    expect(formatDayTime('2026-12-02T09:00:00Z')).toBe('12月2日 周三 17:00');
    expect(formatClock(Date.parse('2026-11-25T10:30:00Z'))).toBe('18:30');
  });

  it('names the weekday of a bare date, and the Shanghai date of an instant', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(formatDate('2026-12-02')).toBe('12月2日 周三');
    expect(formatDate('2027-01-03')).toBe('1月3日 周日');
    // 17:00Z on 1 December is already 2 December in Shanghai.
    expect(shanghaiDate('2026-12-01T17:00:00Z')).toBe('2026-12-02');
  });

  it('reads the Shanghai wall clock on a device in summer time, across its own DST change', () => {
    process.env.TZ = 'America/Los_Angeles';
    // 8 March 2026 02:00 is Los Angeles' spring-forward; Shanghai stays +08:00 either side.
    expect(formatDayTime('2026-03-08T09:30:00Z')).toBe('3月8日 周日 17:30');
    expect(formatDayTime('2026-07-01T10:30:00Z')).toBe('7月1日 周三 18:30');
    expect(shanghaiDate('2026-11-01T16:30:00Z')).toBe('2026-11-02');
  });

  it('groups evenings with the same hours', () => {
    expect(formatEvenings([{ weekday: 3, opensAt: '17:00', closesAt: '20:00' }])).toBe(
      '每周三 17:00–20:00',
    );
    expect(
      formatEvenings([
        { weekday: 5, opensAt: '17:00', closesAt: '20:00' },
        { weekday: 3, opensAt: '17:00', closesAt: '20:00' },
        { weekday: 6, opensAt: '09:00', closesAt: '12:00' },
      ]),
    ).toBe('每周三、周五 17:00–20:00；每周六 09:00–12:00');
  });
});
