import { decideRedeem } from './identity';

const NOW = new Date('2026-12-02T10:00:00.000Z');
const invite = { community: 'c1', usedBy: null, expiresAt: '2026-12-09T10:00:00.000Z' };

describe('decideRedeem', () => {
  it('checks unknown, then used, then expired', () => {
    expect(decideRedeem(null, NOW)).toEqual({ ok: false, reason: 'unknown' });
    const usedAndExpired = { ...invite, usedBy: 'wx:a', expiresAt: '2020-01-01T00:00:00.000Z' };
    expect(decideRedeem(usedAndExpired, NOW)).toEqual({ ok: false, reason: 'used' });
    expect(decideRedeem({ ...invite, expiresAt: NOW.toISOString() }, NOW)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(decideRedeem(invite, NOW)).toEqual({ ok: true, community: 'c1' });
  });

  it('counts an unreadable expiry as expired', () => {
    expect(decideRedeem({ ...invite, expiresAt: 'next week' }, NOW)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});
