import { tonightFixture } from '@/test-utils/fixtures';
import { tonightStatus } from './tonight-status';

describe('tonightStatus and the calendar (#16)', () => {
  it('a cancelled evening tonight says so, why, and when it opens next', () => {
    const status = tonightStatus(
      tonightFixture({
        serviceEvening: false,
        open: false,
        nextOpening: '2026-12-02T17:00:00+08:00',
        cancelled: [{ date: '2026-11-25', reason: '国庆假期' }],
      }),
    );
    expect(status).toEqual({
      kind: 'not-tonight',
      title: '今晚暂停开放',
      next: '下次开放：12月2日 周三 17:00',
      cancelled: '今晚暂停开放：国庆假期',
    });
  });

  it('a cancelled evening later in the week is named by its date', () => {
    const status = tonightStatus(
      tonightFixture({
        date: '2026-11-23',
        weekday: 1,
        serviceEvening: false,
        open: false,
        nextOpening: '2026-12-02T17:00:00+08:00',
        now: '2026-11-23T10:00:00+08:00',
        cancelled: [{ date: '2026-11-25', reason: '台风停课' }],
      }),
    );
    expect(status.title).toBe('今晚未开放');
    expect(status.cancelled).toBe('11月25日 周三暂停开放：台风停课');
  });

  it('says nothing of cancellations when there are none (or an older server sends none)', () => {
    const status = tonightStatus(tonightFixture({ serviceEvening: false, open: false }));
    expect(status.cancelled).toBeNull();
  });
});
