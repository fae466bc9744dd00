/** The staff lifecycle through dispatch: the team, revoking, cancelling invites, sign-out, rotation. */
import type { Envelope } from '../../contract/envelope';
import type { Identity, Invite, StaffTeam } from '../../contract/staff';
import { ADMIN_TOKEN, coreHarness, ok } from '../testing/core-harness';
import { dispatch } from './dispatch';

let h: Awaited<ReturnType<typeof coreHarness>>;
afterEach(async () => {
  await h?.close();
});

const refusal = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code);

/** Makes `userId` staff of `community` through an invite, as a real colleague becomes one. */
const colleague = async (userId: string, community = 'jinse') => {
  const invite = ok(await h.staff<Invite>('staff.invite', { community }));
  ok(await h.as(userId)('staff.redeem', { code: invite.code }));
};

describe('staff.list', () => {
  it('lists the team with role and since when; only admins see open invites', async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    await colleague('w1');
    ok(await h.as('w1')('staff.setName', { name: '李社工' }));
    await colleague('w2', 'huchi');
    const open = ok(await h.staff<Invite>('staff.invite', { community: 'jinse' }));

    const asAdmin = ok(await h.staff<StaffTeam>('staff.list', { community: 'jinse' }));
    expect(asAdmin.members).toEqual([
      expect.objectContaining({ userId: 'staff-1', role: 'admin', you: true, revocable: false }),
      expect.objectContaining({
        userId: 'w1',
        name: '李社工',
        role: 'staff',
        since: '2026-12-02T10:00:00.000Z',
        you: false,
        revocable: true,
      }),
    ]);
    expect(asAdmin.invites).toEqual([
      expect.objectContaining({ code: open.code, community: 'jinse', expiresAt: open.expiresAt }),
    ]);

    const asWorker = ok(await h.as('w1')<StaffTeam>('staff.list', { community: 'jinse' }));
    expect(asWorker.invites).toBeNull();
    expect(asWorker.members.map((m) => [m.userId, m.you, m.revocable])).toEqual([
      ['staff-1', false, false],
      ['w1', true, false],
    ]);
    // Another community's staff see nothing of jinse's team.
    expect(refusal(await h.as('w2')('staff.list', { community: 'jinse' }))).toBe('FORBIDDEN');
  });
});

describe('staff.revoke', () => {
  it("ends the worker's membership: their very next staff request is refused", async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    await colleague('w1');
    await colleague('w1', 'huchi');
    ok(await h.as('w1')('followup.due', { community: 'jinse' }));
    expect(ok(await h.staff('staff.revoke', { community: 'jinse', userId: 'w1' }))).toEqual({
      userId: 'w1',
      community: 'jinse',
    });
    expect(refusal(await h.as('w1')('followup.due', { community: 'jinse' }))).toBe('FORBIDDEN');
    expect(refusal(await h.as('w1')('staff.list', { community: 'jinse' }))).toBe('FORBIDDEN');
    // Their other community is theirs still.
    ok(await h.as('w1')('followup.due', { community: 'huchi' }));
    expect(ok(await h.as('w1')<Identity>('staff.me')).communities).toEqual(['huchi']);
  });

  it('refuses oneself, an admin, a non-member and an unknown community, changing nothing', async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    await colleague('w1');
    const before = ok(await h.staff<StaffTeam>('staff.list', { community: 'jinse' }));
    const tries = [
      [{ community: 'jinse', userId: 'staff-1' }, 'CONFLICT', /不能撤销自己/],
      [{ community: 'huchi', userId: 'w1' }, 'NOT_FOUND', /不在本社区的名单里/],
      [{ community: 'jinse', userId: 'nobody' }, 'NOT_FOUND', /不在本社区的名单里/],
      [{ community: 'nowhere', userId: 'w1' }, 'NOT_FOUND', /没有找到这个社区/],
    ] as const;
    for (const [input, code, message] of tries) {
      const answer = await h.staff('staff.revoke', input);
      expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code }) });
      if (!answer.ok) expect(answer.error.message).toMatch(message);
    }
    // A second admin (by the same token) is not revoked here: rotating the token demotes.
    ok(await h.as('admin-2')('staff.redeem', { code: ADMIN_TOKEN }));
    const admin = await h.staff('staff.revoke', { community: 'jinse', userId: 'admin-2' });
    expect(refusal(admin)).toBe('CONFLICT');
    if (!admin.ok) expect(admin.error.message).toMatch(/ADMIN_TOKEN/);
    // Staff cannot revoke a colleague.
    await colleague('w2');
    expect(refusal(await h.as('w2')('staff.revoke', { community: 'jinse', userId: 'w1' }))).toBe(
      'FORBIDDEN',
    );
    const after = ok(await h.staff<StaffTeam>('staff.list', { community: 'jinse' }));
    expect(after.members.map((m) => m.userId)).toEqual([
      ...before.members.map((m) => m.userId).slice(0, 1),
      'admin-2',
      ...before.members.map((m) => m.userId).slice(1),
      'w2',
    ]);
  });
});

describe('staff.cancelInvite', () => {
  it('makes an unused invite unredeemable; used, cancelled and unknown ones are refused', async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    const invite = ok(await h.staff<Invite>('staff.invite', { community: 'jinse' }));
    expect(ok(await h.staff('staff.cancelInvite', { code: invite.code.toLowerCase() }))).toEqual({
      code: invite.code,
    });
    const redeemed = await h.as('w1')('staff.redeem', { code: invite.code });
    expect(redeemed).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '这个邀请码已作废，请向管理员要一个新的', field: 'code' },
    });
    expect(ok(await h.as('w1')<Identity>('staff.me')).role).toBe('resident');
    expect(refusal(await h.staff('staff.cancelInvite', { code: invite.code }))).toBe('CONFLICT');
    expect(refusal(await h.staff('staff.cancelInvite', { code: 'NOSUCHCODE' }))).toBe('NOT_FOUND');
    const used = ok(await h.staff<Invite>('staff.invite', { community: 'jinse' }));
    ok(await h.as('w2')('staff.redeem', { code: used.code }));
    expect(refusal(await h.staff('staff.cancelInvite', { code: used.code }))).toBe('CONFLICT');
    expect(ok(await h.staff<StaffTeam>('staff.list', { community: 'jinse' })).invites).toEqual([]);
    // Only admins cancel.
    const other = ok(await h.staff<Invite>('staff.invite', { community: 'jinse' }));
    expect(refusal(await h.as('w2')('staff.cancelInvite', { code: other.code }))).toBe('FORBIDDEN');
  });
});

describe('rotating ADMIN_TOKEN', () => {
  it('demotes every admin made with the old token; the new token makes admin again', async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    ok(await h.staff('staff.invite', { community: 'jinse' }));
    const rotated = { ...h.deps, config: { adminToken: 'a-new-admin-token-after-rotation' } };
    const call = (userId: string, action: string, input: Record<string, unknown> = {}) => {
      const [fn, name] = action.split('.') as [string, string];
      return dispatch(rotated, fn, { action: name, ...input }, { userId });
    };
    expect(refusal(await call('staff-1', 'staff.invite', { community: 'jinse' }))).toBe(
      'FORBIDDEN',
    );
    expect(ok((await call('staff-1', 'staff.me')) as Envelope<Identity>).role).toBe('resident');
    expect(refusal(await call('staff-1', 'staff.redeem', { code: ADMIN_TOKEN }))).toBe('NOT_FOUND');
    ok(await call('staff-1', 'staff.redeem', { code: 'a-new-admin-token-after-rotation' }));
    ok(await call('staff-1', 'staff.invite', { community: 'jinse' }));
    // ... and now the old token's deps see no admin: the grant holds the new digest.
    expect(refusal(await h.staff('staff.invite', { community: 'jinse' }))).toBe('FORBIDDEN');
  });
});

describe('staff.signOut', () => {
  const as =
    (userId: string, sessionVersion?: number) =>
    (action: string, input = {}) => {
      const [fn, name] = action.split('.') as [string, string];
      return dispatch(h.deps, fn, { action: name, ...input }, { userId, sessionVersion });
    };

  it('ends every session of the older version; staff actions refuse it at once', async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    await colleague('w1');
    ok(await as('w1', 0)('followup.due', { community: 'jinse' }));
    expect(ok(await as('w1', 0)('staff.signOut'))).toEqual({ signedOut: true });
    for (const action of ['followup.due', 'staff.list'] as const) {
      const answer = await as('w1', 0)(action, { community: 'jinse' });
      expect(answer).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
      });
      if (!answer.ok) expect(answer.error.message).toMatch(/已退出登录/);
    }
    expect(refusal(await as('w1', 0)('staff.me'))).toBe('UNAUTHENTICATED');
  });

  it('is refused for residents and in WeChat, where the account is the identity', async () => {
    h = await coreHarness('2026-12-02T18:00:00+08:00');
    expect(refusal(await as('resident-1', 0)('staff.signOut'))).toBe('FORBIDDEN');
    expect(await h.store.identities.getUser('resident-1')).toBeNull();
    const wechat = await as('staff-1')('staff.signOut');
    expect(refusal(wechat)).toBe('CONFLICT');
    if (!wechat.ok) expect(wechat.error.message).toMatch(/微信账号/);
    expect((await h.store.identities.getUser('staff-1'))?.sessionVersion).toBe(0);
  });
});
