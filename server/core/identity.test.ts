import {
  adminDigestOf,
  currentAdminDigest,
  decideCancelInvite,
  decideRedeem,
  decideRevoke,
  inviteIsOpen,
  openInvitesOf,
  sessionIsCurrent,
  userRecordOf,
} from './identity';
import type { StoredUser, UserRecord } from './ports';

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

describe('decideRedeem and decideCancelInvite: a cancelled invite', () => {
  const cancelled = { ...invite, cancelledAt: '2026-12-02T09:00:00.000Z' };

  it('is never redeemed, and is told apart from used and expired', () => {
    expect(decideRedeem(cancelled, NOW)).toEqual({ ok: false, reason: 'cancelled' });
    expect(decideRedeem({ ...cancelled, usedBy: 'wx:a' }, NOW)).toEqual({
      ok: false,
      reason: 'used',
    });
    // Older records have no cancelledAt at all.
    expect(decideRedeem({ ...invite, cancelledAt: null }, NOW)).toEqual({
      ok: true,
      community: 'c1',
    });
  });

  it('cancels only an invite that could still be redeemed', () => {
    expect(decideCancelInvite(invite, NOW)).toEqual({ ok: true, community: 'c1' });
    expect(decideCancelInvite(null, NOW)).toEqual({ ok: false, reason: 'unknown' });
    expect(decideCancelInvite({ ...invite, usedBy: 'wx:a' }, NOW)).toEqual({
      ok: false,
      reason: 'used',
    });
    expect(decideCancelInvite(cancelled, NOW)).toEqual({ ok: false, reason: 'cancelled' });
    expect(decideCancelInvite({ ...invite, expiresAt: NOW.toISOString() }, NOW)).toEqual({
      ok: false,
      reason: 'expired',
    });
    expect(inviteIsOpen(invite, NOW)).toBe(true);
    expect(inviteIsOpen(cancelled, NOW)).toBe(false);
  });
});

describe('openInvitesOf', () => {
  const stored = (code: string, createdAt: string, more = {}) => ({
    ...invite,
    code,
    createdBy: 'wx:admin',
    createdAt,
    cancelledAt: null,
    ...more,
  });

  it('keeps the open ones, newest first then by code, as the staff page lists them', () => {
    const listed = openInvitesOf(
      [
        stored('B', '2026-12-01T10:00:00.000Z'),
        stored('USED', '2026-12-02T09:00:00.000Z', { usedBy: 'wx:a' }),
        stored('C', '2026-12-02T08:00:00.000Z'),
        stored('GONE', '2026-12-02T08:00:00.000Z', { cancelledAt: '2026-12-02T09:00:00.000Z' }),
        stored('OLD', '2026-11-01T10:00:00.000Z', { expiresAt: '2026-11-08T10:00:00.000Z' }),
        // The same instant in another spelling: ordered by code.
        stored('A', '2026-12-02T16:00:00+08:00'),
      ],
      NOW,
    );
    expect(listed.map((i) => i.code)).toEqual(['A', 'C', 'B']);
    // Only the fields of an open invite, none of what redeeming reads.
    expect(listed[2]).toEqual({
      code: 'B',
      community: 'c1',
      createdBy: 'wx:admin',
      createdAt: '2026-12-01T10:00:00.000Z',
      expiresAt: invite.expiresAt,
    });
  });
});

describe('admin by the digest of the current ADMIN_TOKEN', () => {
  const stored = (adminDigest: string | null): StoredUser => ({
    id: 'u1',
    adminDigest,
    staffOf: ['c1'],
    sessionVersion: 3,
  });
  const current = adminDigestOf('the-current-admin-token');

  it('keeps a digest, never the token, and one per token', () => {
    expect(current).toMatch(/^[0-9a-f]{64}$/);
    expect(current).not.toContain('the-current-admin-token');
    expect(adminDigestOf('the-current-admin-token')).toBe(current);
    expect(adminDigestOf('the-rotated-admin-token')).not.toBe(current);
  });

  it('is admin only while the grant was made with the current token', () => {
    expect(userRecordOf(stored(current), current)).toEqual({
      id: 'u1',
      admin: true,
      staffOf: ['c1'],
      sessionVersion: 3,
    });
    // ADMIN_TOKEN rotated: the old grant no longer counts; the membership stays.
    const rotated = currentAdminDigest('the-rotated-admin-token');
    expect(userRecordOf(stored(current), rotated)).toMatchObject({ admin: false, staffOf: ['c1'] });
    // A grant from before digests were kept: not admin until the current token is redeemed again.
    expect(userRecordOf(stored(null), current).admin).toBe(false);
    // No token configured: nobody is admin, whatever is stored.
    expect(currentAdminDigest('')).toBe('');
    expect(userRecordOf(stored(''), currentAdminDigest('')).admin).toBe(false);
  });
});

describe('sessionIsCurrent', () => {
  it('ends a session minted at another version; hosts without sessions are always current', () => {
    expect(sessionIsCurrent({ sessionVersion: 0 }, 0)).toBe(true);
    expect(sessionIsCurrent({ sessionVersion: 1 }, 0)).toBe(false);
    expect(sessionIsCurrent({ sessionVersion: 1 }, undefined)).toBe(true);
  });
});

describe('decideRevoke: who may revoke whom', () => {
  const admin = { id: 'admin-1' };
  const worker = (fields: Partial<UserRecord> = {}): UserRecord => ({
    id: 'w1',
    admin: false,
    staffOf: ['c1', 'c2'],
    sessionVersion: 0,
    ...fields,
  });

  it('revokes a member of the community', () => {
    expect(decideRevoke(admin, worker(), 'c1')).toEqual({ ok: true });
  });

  it('refuses oneself, an admin, and anyone not a member of that community', () => {
    expect(decideRevoke({ id: 'w1' }, worker({ admin: true }), 'c1')).toEqual({
      ok: false,
      reason: 'self',
    });
    expect(decideRevoke(admin, worker({ admin: true }), 'c1')).toEqual({
      ok: false,
      reason: 'admin',
    });
    expect(decideRevoke(admin, worker({ staffOf: ['c2'] }), 'c1')).toEqual({
      ok: false,
      reason: 'not-member',
    });
    expect(decideRevoke(admin, null, 'c1')).toEqual({ ok: false, reason: 'not-member' });
  });
});
