/**
 * The staff lifecycle over HTTP against a started local host on real SQLite: a revoked worker's
 * next request is refused and shows nothing personal, a rotated ADMIN_TOKEN demotes the old
 * admin, sign-out turns every copy of the old cookie into a new resident, and a cancelled
 * invite cannot be redeemed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CallList } from '../../../contract/followup';
import type { Identity, Invite, StaffTeam } from '../../../contract/staff';
import {
  ADMIN_TOKEN,
  adminAndStaff,
  snapshot,
  startTestHost,
  type TestClient,
  type TestHost,
} from './testing';

const PHONE = '13912345678';

describe('staff lifecycle over HTTP', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-staff-'));
  let host: TestHost;

  beforeEach(async () => {
    host = await startTestHost({ dataDir, rateLimit: false });
  });
  afterEach(async () => {
    await host.close();
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Another browser holding a copy of `c`'s cookie (or `c` after a restart). */
  const copyOf = (c: TestClient): TestClient => {
    const fresh = host.client();
    fresh.cookie = c.cookie;
    return fresh;
  };

  it("refuses a revoked worker's next follow-up list request (403) and shows nothing personal", async () => {
    const { admin, staff } = await adminAndStaff(host);
    const worker = (await staff.session()).userId;
    await host.deps.store.followUps.create({
      id: 'http-staff-task',
      community: 'jinse',
      date: '2026-12-01',
      residentKey: 'http-staff-resident',
      userId: null,
      name: '王阿姨',
      phone: PHONE,
      channel: 'call',
      services: ['政务服务 19:00'],
      kind: 'first',
      parentId: null,
      due: '2026-12-02',
      status: 'open',
      attempts: [],
      result: null,
      closedReason: null,
      suggestionId: null,
      createdAt: '2026-12-02T01:00:00.000Z',
      closedAt: null,
    });
    const before = await staff.call<CallList>('followup', { action: 'due', community: 'jinse' });
    expect(before.status).toBe(200);
    expect(before.text).toContain(PHONE);

    const team = await admin.call<StaffTeam>('staff', { action: 'list', community: 'jinse' });
    if (!team.body.ok) throw new Error(team.text);
    expect(team.body.data.members.find((m) => m.userId === worker)).toMatchObject({
      role: 'staff',
      revocable: true,
    });
    const revoked = await admin.call('staff', {
      action: 'revoke',
      community: 'jinse',
      userId: worker,
    });
    expect(revoked.body).toEqual({ ok: true, data: { userId: worker, community: 'jinse' } });

    const after = await staff.call('followup', { action: 'due', community: 'jinse' });
    expect(after.status).toBe(403);
    expect(after.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(after.text).not.toContain(PHONE);
    expect(after.text).not.toContain('王阿姨');
    // Nor the timeline, the team, or the desk: every staff action of jinse is refused.
    for (const [fn, body] of [
      ['followup', { action: 'timeline', community: 'jinse', residentKey: 'http-staff-resident' }],
      ['staff', { action: 'list', community: 'jinse' }],
      ['booking', { action: 'list', community: 'jinse', date: '2026-12-02' }],
    ] as const) {
      const answer = await staff.call(fn, body);
      expect(answer.status).toBe(403);
      expect(answer.text).not.toContain(PHONE);
    }
    expect((await staff.session()).role).toBe('resident');
    // Revoking again is refused, and changes nothing.
    const state = snapshot(host.db);
    const again = await admin.call('staff', {
      action: 'revoke',
      community: 'jinse',
      userId: worker,
    });
    expect(again.status).toBe(404);
    expect(snapshot(host.db)).toBe(state);
  });

  it('demotes the admin of the old ADMIN_TOKEN once the host runs with a new one', async () => {
    const { admin } = await adminAndStaff(host);
    expect((await admin.session()).role).toBe('admin');
    await host.close();
    const NEW_TOKEN = 'rotated-admin-token-9876543210';
    host = await startTestHost({ dataDir, rateLimit: false, adminToken: NEW_TOKEN });
    const old = copyOf(admin);
    expect((await old.session()).role).toBe('resident');
    const invite = await old.call('staff', { action: 'invite', community: 'jinse' });
    expect(invite.status).toBe(403);
    // The old token is no secret any more; the new one makes admin again.
    expect((await old.call('staff', { action: 'redeem', code: ADMIN_TOKEN })).status).toBe(404);
    const again = await old.call<Identity>('staff', { action: 'redeem', code: NEW_TOKEN });
    expect(again.body).toMatchObject({ ok: true, data: { role: 'admin' } });
    expect((await old.call('staff', { action: 'invite', community: 'jinse' })).status).toBe(200);
    // The admin secret itself is never stored, only its digest.
    const stored = JSON.stringify(host.db.prepare('SELECT * FROM users').all());
    expect(stored).not.toContain(NEW_TOKEN);
    expect(stored).not.toContain(ADMIN_TOKEN);
  });

  it('signs out: every copy of the old cookie continues as a fresh resident', async () => {
    const { staff } = await adminAndStaff(host);
    const before = await staff.session();
    expect(before.role).toBe('staff');
    const otherBrowser = copyOf(staff);
    const oldCookie = staff.cookie;

    const out = await staff.call('staff', { action: 'signOut' });
    expect(out.body).toEqual({ ok: true, data: { signedOut: true } });

    // The signing-out browser asks who it is: a new resident, with a new cookie.
    const next = await staff.session();
    expect(next).toMatchObject({ role: 'resident', communities: [] });
    expect(next.userId).not.toBe(before.userId);
    expect(staff.cookie).not.toBe(oldCookie);
    // Another browser with the old cookie: its next staff action is refused, and it is given a
    // fresh resident identity at once.
    const refused = await otherBrowser.call('followup', { action: 'due', community: 'jinse' });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(otherBrowser.cookie).not.toBe(oldCookie);
    const resident = await otherBrowser.session();
    expect(resident.role).toBe('resident');
    expect(resident.userId).not.toBe(before.userId);
    // A resident has nothing to sign out of.
    expect((await otherBrowser.call('staff', { action: 'signOut' })).status).toBe(403);
  });

  it('refuses a cancelled invite, and only admins see and cancel invites', async () => {
    const { admin, staff } = await adminAndStaff(host);
    const made = await admin.call<Invite>('staff', { action: 'invite', community: 'jinse' });
    if (!made.body.ok) throw new Error(made.text);
    const { code } = made.body.data;
    const listed = await admin.call<StaffTeam>('staff', { action: 'list', community: 'jinse' });
    if (!listed.body.ok) throw new Error(listed.text);
    expect(listed.body.data.invites?.map((i) => i.code)).toContain(code);
    const asStaff = await staff.call<StaffTeam>('staff', { action: 'list', community: 'jinse' });
    expect(asStaff.body).toMatchObject({ ok: true, data: { invites: null } });
    expect(asStaff.text).not.toContain(code);
    expect((await staff.call('staff', { action: 'cancelInvite', code })).status).toBe(403);

    expect((await admin.call('staff', { action: 'cancelInvite', code })).body).toEqual({
      ok: true,
      data: { code },
    });
    const newcomer = host.client();
    await newcomer.session();
    const redeemed = await newcomer.call('staff', { action: 'redeem', code });
    expect(redeemed.status).toBe(409);
    expect(redeemed.body).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/作废/) },
    });
    expect((await newcomer.session()).role).toBe('resident');
  });
});
