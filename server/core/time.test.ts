import { ZONE, atLocal, dayjs, isoLocal, local } from './time';

describe('the fixed +08:00 offset matches the Asia/Shanghai zone', () => {
  // Every 7 hours 13 minutes from 2000 to 2040: all hours, weekdays and month ends.
  const instants = Array.from(
    { length: 48_000 },
    (_, i) => Date.UTC(2000, 0, 1) + i * (7 * 60 + 13) * 60_000,
  );

  it('gives the same wall clock as the zone database', () => {
    for (const at of instants) {
      expect(local(at).format('YYYY-MM-DD HH:mm d')).toBe(
        dayjs(at).tz(ZONE).format('YYYY-MM-DD HH:mm d'),
      );
    }
  });

  it('reads a wall-clock date and time back to the same instant', () => {
    for (const at of instants.filter((_, i) => i % 50 === 0)) {
      const wall = dayjs(at).tz(ZONE);
      expect(atLocal(wall.format('YYYY-MM-DD'), wall.format('HH:mm')).valueOf()).toBe(
        dayjs.tz(wall.format('YYYY-MM-DD HH:mm'), 'YYYY-MM-DD HH:mm', ZONE).valueOf(),
      );
    }
  });

  it('writes ISO instants with the offset', () => {
    expect(isoLocal(new Date('2026-12-02T10:30:00Z'))).toBe('2026-12-02T18:30:00+08:00');
  });
});
