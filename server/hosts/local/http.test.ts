import type { Tonight } from '../../../contract/community';
import type { Identity, Invite } from '../../../contract/staff';
import { fixedClock } from '../../core/clock';
import { adminAndStaff, ADMIN_TOKEN, snapshot, startTestHost, type TestHost } from './testing';

const tonightAt = async (iso: string, community = 'jinse') => {
  const host = await startTestHost({ clock: fixedClock(iso) });
  try {
    const response = await host
      .client()
      .call<Tonight>('community', { action: 'tonight', community });
    return response;
  } finally {
    await host.destroy();
  }
};

describe('local host over HTTP', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(async () => {
    await host.destroy();
  });

  it('answers the health check', async () => {
    const response = await host.client().raw('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('gives each browser a resident identity in a signed httpOnly cookie and keeps it', async () => {
    const browser = host.client();
    const response = await browser.raw('GET', '/api/session');
    expect(response.headers.get('set-cookie')).toMatch(/bdb_uid=.+HttpOnly/i);
    const first = ((await response.json()) as { data: Identity }).data;
    expect(first).toEqual({
      userId: expect.stringMatching(/^u_/),
      role: 'resident',
      communities: [],
    });
    expect((await browser.session()).userId).toBe(first.userId);
  });

  it('does not trust a forged cookie', async () => {
    const forger = host.client();
    forger.cookie = 'bdb_uid=u_someone-else';
    const me = await forger.call('staff', { action: 'me' });
    expect(me.status).toBe(401);
    expect(me.body).toEqual({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
    });
  });

  it('lists the seeded pilot communities', async () => {
    const response = await host.client().call('community', { action: 'list' });
    expect(response.body).toEqual({
      ok: true,
      data: [
        { id: 'huchi', name: '虎池苑社区' },
        { id: 'jinse', name: '金色里程社区' },
      ],
    });
  });

  it('shows tonight at 18:30 on a Wednesday as open with the eight services', async () => {
    const response = await host
      .client()
      .call<Tonight>('community', { action: 'tonight', community: 'jinse' });
    expect(response.status).toBe(200);
    if (!response.body.ok) throw new Error('expected ok');
    const tonight = response.body.data;
    expect(tonight).toMatchObject({
      community: { id: 'jinse', name: '金色里程社区' },
      date: '2026-12-02',
      weekday: 3,
      serviceEvening: true,
      open: true,
      opensAt: '17:00',
      closesAt: '20:00',
      nextOpening: null,
      now: '2026-12-02T18:30:00+08:00',
      demoClock: false,
    });
    expect(tonight.services).toHaveLength(8);
    expect(
      tonight.services
        .filter((s) => s.kind === 'queue')
        .map((s) => s.id)
        .sort(),
    ).toEqual(['health', 'library']);
    expect(response.text.length).toBeLessThan(8 * 1024);
  });

  it('refuses an unknown community with 404 and a Chinese message', async () => {
    const response = await host
      .client()
      .call('community', { action: 'tonight', community: 'nowhere' });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringMatching(/社区/) },
    });
  });

  it.each([
    ['unknown function', 'nosuchfn', { action: 'list' }, 404, 'NOT_FOUND'],
    ['unknown action', 'community', { action: 'explode' }, 404, 'NOT_FOUND'],
    ['missing action', 'community', { community: 'jinse' }, 400, 'BAD_INPUT'],
    ['array body', 'community', '[1,2]', 400, 'BAD_INPUT'],
    ['malformed JSON', 'community', '{"action":', 400, 'BAD_INPUT'],
    ['wrong field type', 'community', { action: 'tonight', community: 42 }, 400, 'BAD_INPUT'],
    [
      'unknown field',
      'community',
      { action: 'tonight', community: 'jinse', admin: true },
      400,
      'BAD_INPUT',
    ],
  ])('answers %s with %i %s, and changes nothing', async (_name, fn, body, status, code) => {
    const before = snapshot(host.db);
    const response = await host.client().call(fn, body);
    expect(response.status).toBe(status);
    expect(response.body).toEqual({
      ok: false,
      error: expect.objectContaining({ code, message: expect.stringMatching(/[\u4e00-\u9fa5]/) }),
    });
    expect(response.text).not.toMatch(/at .+\.(ts|js):\d+/);
    expect(snapshot(host.db)).toBe(before);
  });

  it('names the field in a schema failure', async () => {
    const response = await host.client().call('community', { action: 'tonight', community: 42 });
    expect(response.body).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: '社区（community）格式不正确', field: 'community' },
    });
    const missing = await host.client().call('community', { action: 'tonight' });
    expect(missing.body).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: '缺少社区（community）', field: 'community' },
    });
  });

  it('refuses a body over 64 KB with 413 and keeps serving', async () => {
    const before = snapshot(host.db);
    const big = JSON.stringify({
      action: 'tonight',
      community: 'jinse',
      pad: 'x'.repeat(70 * 1024),
    });
    const response = await host.client().call('community', big);
    expect(response.status).toBe(413);
    expect(response.body).toEqual({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/太大/) },
    });
    expect(snapshot(host.db)).toBe(before);
    expect((await host.client().raw('GET', '/api/health')).status).toBe(200);
  });

  it('answers an unknown /api path in the envelope', async () => {
    const response = await host.client().raw('GET', '/api/nothing/here');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  describe('staff sign-in', () => {
    it('makes an identity admin with the admin secret, and staff with an invite, once', async () => {
      const admin = host.client();
      await admin.session();
      const wrong = await admin.call('staff', { action: 'redeem', code: 'WRONGCODE1' });
      expect(wrong.status).toBe(404);
      const redeemed = await admin.call<Identity>('staff', {
        action: 'redeem',
        code: ` ${ADMIN_TOKEN} `,
      });
      expect(redeemed.body).toMatchObject({
        ok: true,
        data: { role: 'admin', communities: ['huchi', 'jinse'] },
      });

      const invite = await admin.call<Invite>('staff', { action: 'invite', community: 'huchi' });
      if (!invite.body.ok) throw new Error('invite failed');
      expect(invite.body.data.code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/);
      expect(invite.body.data.expiresAt).toBe('2026-12-09T18:30:00+08:00');

      const worker = host.client();
      await worker.session();
      const joined = await worker.call<Identity>('staff', {
        action: 'redeem',
        code: invite.body.data.code.toLowerCase(),
      });
      expect(joined.body).toMatchObject({
        ok: true,
        data: { role: 'staff', communities: ['huchi'] },
      });
      expect((await worker.call('staff', { action: 'me' })).body).toMatchObject({
        data: { role: 'staff' },
      });

      const thief = host.client();
      await thief.session();
      const again = await thief.call('staff', { action: 'redeem', code: invite.body.data.code });
      expect(again.status).toBe(409);
      expect((await thief.call('staff', { action: 'me' })).body).toMatchObject({
        data: { role: 'resident', communities: [] },
      });
    });

    it('lets only admins invite', async () => {
      const { staff } = await adminAndStaff(host);
      const response = await staff.call('staff', { action: 'invite', community: 'jinse' });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  describe('board and QR posters', () => {
    it('redirects /board/<community> to the board page', async () => {
      const response = await host.client().raw('GET', '/board/jinse');
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/#/package-board/pages/board/index?c=jinse');
    });

    it('serves a QR PNG and a printable poster pointing at the entry with the same scene', async () => {
      const png = await host.client().raw('GET', '/qr/jinse.png?q=library');
      expect(png.status).toBe(200);
      expect(png.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await png.arrayBuffer());
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      const poster = await host.client().raw('GET', '/qr/jinse?q=library');
      const html = await poster.text();
      expect(html).toContain('金色里程社区');
      expect(html).toContain('图书阅览');
      expect(html).toContain(`${host.url}/#/pages/tonight/index?c=jinse&amp;q=library`);
      expect(html).toContain('src="/qr/jinse.png?q=library"');
    });

    it('refuses a QR for an unknown community or a line that is not a queue', async () => {
      expect((await host.client().raw('GET', '/qr/nowhere.png')).status).toBe(404);
      expect((await host.client().raw('GET', '/qr/jinse.png?q=repair')).status).toBe(404);
    });
  });
});

describe('tonight at other times (Asia/Shanghai, whatever the host TZ)', () => {
  it('before opening on a service evening: closed, opening at 17:00 today', async () => {
    const response = await tonightAt('2026-12-02T16:59:00+08:00');
    expect(response.body).toMatchObject({
      ok: true,
      data: { open: false, serviceEvening: true, nextOpening: '2026-12-02T17:00:00+08:00' },
    });
  });

  it('at 20:00 sharp: closed until next Wednesday', async () => {
    const response = await tonightAt('2026-12-02T20:00:00+08:00');
    expect(response.body).toMatchObject({
      ok: true,
      data: { open: false, serviceEvening: true, nextOpening: '2026-12-09T17:00:00+08:00' },
    });
  });

  it('on a Tuesday night in UTC that is already Wednesday morning in Suzhou', async () => {
    const response = await tonightAt('2026-12-01T23:30:00Z');
    expect(response.body).toMatchObject({
      ok: true,
      data: {
        date: '2026-12-02',
        weekday: 3,
        serviceEvening: true,
        open: false,
        opensAt: '17:00',
        nextOpening: '2026-12-02T17:00:00+08:00',
      },
    });
  });

  it('on a Thursday: not a service evening, next Wednesday shown', async () => {
    const response = await tonightAt('2026-12-03T18:00:00+08:00');
    expect(response.body).toMatchObject({
      ok: true,
      data: {
        date: '2026-12-03',
        serviceEvening: false,
        open: false,
        opensAt: '17:00',
        closesAt: '20:00',
        nextOpening: '2026-12-09T17:00:00+08:00',
      },
    });
  });
});

describe('restart', () => {
  it('keeps identities and roles across a restart of the host', async () => {
    const first = await startTestHost();
    const { staff } = await adminAndStaff(first);
    const dataDir = first.dataDir;
    await first.close();

    const second = await startTestHost({ dataDir });
    try {
      const again = second.client();
      again.cookie = staff.cookie;
      expect((await again.call('staff', { action: 'me' })).body).toMatchObject({
        ok: true,
        data: { role: 'staff', communities: ['jinse'] },
      });
    } finally {
      await second.destroy();
      (await import('node:fs')).rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('rate limit', () => {
  it('answers a runaway client with 429 RATE_LIMITED in Chinese, per identity', async () => {
    const host = await startTestHost({ rateLimit: 5 });
    try {
      const noisy = host.client();
      await noisy.session();
      const statuses: number[] = [];
      // The session request came without a cookie (keyed by IP); these calls are keyed by identity.
      for (let i = 0; i < 6; i += 1)
        statuses.push((await noisy.call('community', { action: 'list' })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await noisy.call('community', { action: 'list' });
      expect(limited.body).toEqual({
        ok: false,
        error: { code: 'RATE_LIMITED', message: expect.stringMatching(/太频繁/) },
      });
      const other = host.client();
      other.cookie = null;
      await other.session();
      expect((await other.call('community', { action: 'list' })).status).toBe(200);
    } finally {
      await host.destroy();
    }
  });
});
