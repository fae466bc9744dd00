/**
 * The local host's HTTP hardening (issue #13): security headers, no-store on personal answers,
 * QR links from the configured address only, private DATA_DIR files, body limits on streamed
 * bytes, request timeouts and a cap on live streams. Each runs against a real host on a real port.
 */
import { SESSION_DAYS } from './session-cookie';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DatabaseInUse } from './start';
import { adminAndStaff, snapshot, startTestHost, type TestHost } from './testing';

/** The value of one directive of a Content-Security-Policy header. */
const directive = (csp: string | null, name: string) =>
  (csp ?? '')
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

/** A request body sent chunked: no content-length for the host to check up front. */
const chunked = (text: string) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      const bytes = new TextEncoder().encode(text);
      for (let i = 0; i < bytes.length; i += 8 * 1024) controller.enqueue(bytes.slice(i, i + 8192));
      controller.close();
    },
  });

describe('HTTP hardening of the local host', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost({
      requestTimeoutMs: 1_000,
      liveStreams: { perCaller: 2, total: 3 },
    });
  });
  afterAll(async () => {
    await host.destroy();
  });

  it('sends a CSP without inline script that no page may be framed by, nosniff and no referrer', async () => {
    for (const url of ['/', '/board/jinse']) {
      const response = await host.client().raw('GET', url);
      const csp = response.headers.get('content-security-policy');
      expect(directive(csp, 'script-src')).toBe("script-src 'self'");
      expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });

  it("answers the API as data: nothing loads or runs, nothing frames it, and a page's own headers stay off", async () => {
    const resident = host.client();
    await resident.session();
    const answers = [
      await resident.raw('GET', '/api/health'),
      await resident.raw('POST', '/api/community', {
        body: JSON.stringify({ action: 'list' }),
        headers: { 'content-type': 'application/json' },
      }),
      await resident.raw('POST', '/api/nowhere', { body: '{}' }),
    ];
    for (const answer of answers) {
      const csp = answer.headers.get('content-security-policy');
      expect(directive(csp, 'default-src')).toBe("default-src 'none'");
      expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      for (const pageOnly of [
        'cross-origin-opener-policy',
        'origin-agent-cluster',
        'x-dns-prefetch-control',
        'x-download-options',
        'x-permitted-cross-domain-policies',
        'x-xss-protection',
      ])
        expect(answer.headers.get(pageOnly)).toBeNull();
    }
  });

  it('marks every API answer no-store, errors and the live stream included', async () => {
    const resident = host.client();
    await resident.session();
    const answers = [
      await resident.raw('GET', '/api/session'),
      await resident.raw('POST', '/api/queue', {
        body: JSON.stringify({ action: 'mine', community: 'jinse' }),
        headers: { 'content-type': 'application/json' },
      }),
      await resident.raw('POST', '/api/nowhere', { body: '{}' }),
    ];
    for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
    const stream = await resident.raw('GET', '/api/queue/events?community=jinse');
    expect(stream.headers.get('cache-control')).toMatch(/^no-store/);
    await stream.body?.cancel();
  });

  it('refuses a chunked body past the function limit on the bytes that arrived, changing nothing', async () => {
    const resident = host.client();
    await resident.session();
    const before = snapshot(host.db);
    const body = JSON.stringify({ action: 'submit', community: 'jinse', text: 'x'.repeat(80_000) });
    const big = await resident.raw('POST', '/api/suggestion', {
      body: chunked(body),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    // The function takes photos (1 MB), its submit action only 64 KB: counted bytes decide.
    const queue = await resident.raw('POST', '/api/queue', {
      body: chunked(JSON.stringify({ action: 'join', pad: 'x'.repeat(70_000) })),
      headers: { 'content-type': 'application/json' },
    });
    expect(queue.status).toBe(413);
    expect(snapshot(host.db)).toBe(before);
    // A small chunked body still goes through.
    const small = await resident.raw('POST', '/api/community', {
      body: chunked(JSON.stringify({ action: 'list' })),
      headers: { 'content-type': 'application/json' },
    });
    expect(small.status).toBe(200);
  });

  it('gives up on a body that trickles in slower than the request timeout', async () => {
    const url = new URL(host.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () => {
        socket.write(
          'POST /api/community HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n' +
            'content-length: 100\r\n\r\n{"action":',
        );
      });
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      setTimeout(() => reject(new Error('still open after 8 s')), 8_000).unref();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('caps live streams per caller and in all', async () => {
    const resident = host.client();
    await resident.session();
    const open = () => resident.raw('GET', '/api/queue/events?community=jinse');
    const first = await open();
    const second = await open();
    const third = await open();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Another caller gets one more, then the host's total is reached.
    const other = host.client();
    await other.session();
    const fourth = await other.raw('GET', '/api/queue/events?community=jinse');
    expect(fourth.status).toBe(200);
    expect((await other.raw('GET', '/api/queue/events?community=jinse')).status).toBe(429);
    // Closing one frees its place.
    await first.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await open();
    expect(again.status).toBe(200);
    for (const r of [second, fourth, again]) await r.body?.cancel();
  });

  it('keeps its database file to itself: a second host on the same DATA_DIR says why it stops', async () => {
    const second = startTestHost({ dataDir: host.dataDir });
    await expect(second).rejects.toBeInstanceOf(DatabaseInUse);
    await expect(second).rejects.toThrow('正被另一个进程使用');
    await expect(second).rejects.toThrow('SQLITE_LOCKING=shared');
    // The first goes on answering.
    expect((await fetch(`${host.url}/api/health`)).status).toBe(200);
  });

  it('keeps DATA_DIR to its owner: the directory 0700, the database, WAL and secrets 0600', () => {
    const mode = (file: string) => fs.statSync(file).mode & 0o777;
    expect(mode(host.dataDir)).toBe(0o700);
    const files = fs
      .readdirSync(host.dataDir)
      .filter((f) => fs.statSync(path.join(host.dataDir, f)).isFile());
    expect(files).toEqual(
      expect.arrayContaining(['badianban.db', 'badianban.db-wal', 'cookie-secret']),
    );
    for (const file of files)
      expect([file, mode(path.join(host.dataDir, file))]).toEqual([file, 0o600]);
  });
});

describe('what a person types', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(async () => {
    await host.destroy();
  });

  it('refuses a date that is not on the calendar, or centuries away, in Chinese', async () => {
    const resident = host.client();
    await resident.session();
    for (const date of ['2026-02-30', '0001-01-01']) {
      const slots = await resident.call('booking', {
        action: 'slots',
        community: 'jinse',
        service: 'paperwork',
        date,
      });
      expect(slots.status).toBe(400);
      expect(slots.body).toEqual({
        ok: false,
        error: { code: 'BAD_INPUT', message: '日期（date）不是有效的日期', field: 'date' },
      });
    }
  });

  it('refuses a shift or comp leave far from today, changing nothing (comp time is not typed in 2062)', async () => {
    const { staff } = await adminAndStaff(host);
    const before = snapshot(host.db);
    const shift = await staff.call('roster', {
      action: 'assign',
      community: 'jinse',
      date: '2062-12-02',
      start: '16:30',
      end: '20:00',
    });
    expect(shift.status).toBe(400);
    expect(shift.body).toEqual({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        message: '排班日期要在 2026-11-01 到 2027-12-03 之间',
        field: 'date',
      },
    });
    const leave = await staff.call('roster', {
      action: 'requestLeave',
      community: 'jinse',
      date: '2020-01-06',
      minutes: 60,
    });
    expect(leave.body).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', field: 'date' } });
    expect(snapshot(host.db)).toBe(before);
    // Yesterday's shift, entered late, is still taken.
    const late = await staff.call('roster', {
      action: 'assign',
      community: 'jinse',
      date: '2026-12-01',
      start: '16:30',
      end: '20:00',
    });
    expect(late.body).toMatchObject({ ok: true });
  });

  it('refuses bidi overrides and NUL in a suggestion, changing nothing, and strips zero-width', async () => {
    const resident = host.client();
    await resident.session();
    const submit = (text: string, requestId: string) =>
      resident.call<{ id: string }>('suggestion', {
        action: 'submit',
        community: 'jinse',
        category: 'hours',
        text,
        requestId,
      });
    const before = snapshot(host.db);
    for (const text of ['周五\u202E也开放', '周五\u0000也开放']) {
      const refused = await submit(text, 'hidden-chars-0001');
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        ok: false,
        error: { code: 'BAD_INPUT', field: 'text' },
      });
    }
    expect(snapshot(host.db)).toBe(before);
    const kept = await submit('周五\u200B也开放', 'hidden-chars-0002');
    if (!kept.body.ok) throw new Error(kept.text);
    const row = host.db.prepare('SELECT text FROM suggestions WHERE id = ?').get(kept.body.data.id);
    expect(row).toEqual({ text: '周五也开放' });
  });
});

describe('identities a network address may mint', () => {
  it('stops minting past the ceiling per hour, while callers with an identity carry on', async () => {
    const host = await startTestHost({ identitiesPerHour: 3 });
    try {
      const known = host.client();
      await known.session();
      for (let i = 0; i < 2; i++)
        expect((await host.client().raw('GET', '/api/session')).status).toBe(200);
      const refused = await host.client().raw('GET', '/api/session');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('set-cookie')).toBeNull();
      expect(await refused.json()).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED', message: expect.stringContaining('服务台') },
      });
      expect((await known.raw('GET', '/api/session')).status).toBe(200);
      const users = host.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
      expect(users.n).toBe(3);
    } finally {
      await host.destroy();
    }
  });
});

describe('how long a browser stays signed in', () => {
  it('gives a new identity 90 days, and renews the same identity on every visit', async () => {
    const host = await startTestHost();
    try {
      const browser = host.client();
      const first = await browser.raw('GET', '/api/session');
      const minted = first.headers.get('set-cookie') ?? '';
      expect(minted).toMatch(new RegExp(`Max-Age=${SESSION_DAYS * 24 * 3600}(;|$)`));
      expect(SESSION_DAYS).toBe(90);
      const { userId } = ((await first.json()) as { data: { userId: string } }).data;
      const again = await browser.raw('GET', '/api/session');
      const renewed = again.headers.get('set-cookie') ?? '';
      // The same signed value (same identity, same session version), with a fresh Max-Age.
      expect(renewed.split(';')[0]).toBe(minted.split(';')[0]);
      expect(renewed).toMatch(/Max-Age=7776000/);
      expect(((await again.json()) as { data: { userId: string } }).data.userId).toBe(userId);
    } finally {
      await host.destroy();
    }
  });
});

describe('QR links come from the configured address, never the Host header', () => {
  it('uses PUBLIC_URL whatever Host the request names, and a Secure cookie when it is https', async () => {
    const host = await startTestHost({ publicUrl: 'https://bdb.example.cn' });
    try {
      const poster = await host
        .client()
        .raw('GET', '/qr/jinse', { headers: { host: 'evil.example' } });
      const html = await poster.text();
      expect(html).toContain('https://bdb.example.cn/#/pages/tonight/index?c=jinse');
      expect(html).not.toContain('evil.example');
      const session = await host.client().raw('GET', '/api/session');
      expect(session.headers.get('set-cookie')).toMatch(/; Secure/i);
      expect(session.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      await host.destroy();
    }
  });

  it('without PUBLIC_URL, a host on every interface asks for it instead of guessing', async () => {
    const host = await startTestHost({ listenHost: '0.0.0.0' });
    try {
      const poster = await host
        .client()
        .raw('GET', '/qr/jinse', { headers: { host: 'evil.example' } });
      expect(poster.status).toBe(503);
      expect(await poster.text()).toContain('PUBLIC_URL');
      expect((await host.client().raw('GET', '/qr/jinse.png')).status).toBe(503);
      const session = await host.client().raw('GET', '/api/session');
      expect(session.headers.get('set-cookie')).not.toMatch(/; Secure/i);
    } finally {
      await host.destroy();
    }
  });
});
