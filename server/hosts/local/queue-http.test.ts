/** The queue over HTTP and Server-Sent Events, against a started local host on real SQLite. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Board, QueueDesk, LineState, Ticket } from '../../../contract/queue';
import { adminAndStaff, startTestHost, type TestClient, type TestHost } from './testing';

interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads a Server-Sent Events stream into a list, like EventSource would. */
async function openStream(host: TestHost, client: TestClient, community: string) {
  const controller = new AbortController();
  const response = await fetch(`${host.url}/api/queue/events?community=${community}`, {
    headers: client.cookie ? { cookie: client.cookie } : {},
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted
    }
  })();
  const waitFor = async (predicate: (e: SseEvent) => boolean) => {
    for (;;) {
      const found = events.find(predicate);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { response, events, waitFor, close: () => controller.abort() };
}

const lineEvent = (queue: string, check: (s: LineState) => boolean) => (e: SseEvent) =>
  e.event === 'line' && (e.data as LineState).queue === queue && check(e.data as LineState);

describe('queue over HTTP', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startTestHost();
  });
  afterAll(async () => {
    await host.destroy();
  });

  it('runs an evening: join, live board, call, alerts, miss, requeue, complete, walk-in, settings', async () => {
    const { staff } = await adminAndStaff(host);
    const alice = host.client();
    const bob = host.client();
    await alice.session();
    await bob.session();
    const aliceStream = await openStream(host, alice, 'jinse');
    const publicStream = await openStream(host, host.client(), 'jinse');
    expect(aliceStream.response.headers.get('content-type')).toMatch(/text\/event-stream/);
    await aliceStream.waitFor(lineEvent('library', (s) => s.waiting === 0));
    // The server's time comes first, so pages reckon last-join and closing with its clock.
    expect(aliceStream.events[0]).toEqual({
      event: 'clock',
      data: { now: '2026-12-02T18:30:00+08:00' },
    });

    const joined = await alice.call<Ticket>('queue', {
      action: 'join',
      community: 'jinse',
      queue: 'library',
      requestId: 'alice-req-0001',
    });
    expect(joined.status).toBe(200);
    if (!joined.body.ok) throw new Error(joined.text);
    const a = joined.body.data;
    expect(a).toMatchObject({ label: 'B001', status: 'waiting', ahead: 0 });
    const retried = await alice.call<Ticket>('queue', {
      action: 'join',
      community: 'jinse',
      queue: 'library',
      requestId: 'alice-req-0001',
    });
    expect(retried.body).toMatchObject({ ok: true, data: { id: a.id } });
    const b = (
      await bob.call<Ticket>('queue', {
        action: 'join',
        community: 'jinse',
        queue: 'library',
        requestId: 'bob-req-00001',
      })
    ).body;
    if (!b.ok) throw new Error('bob');
    await publicStream.waitFor(lineEvent('library', (s) => s.waiting === 2));

    const board = await host.client().call<Board>('queue', { action: 'board', community: 'jinse' });
    expect(board.body).toMatchObject({
      ok: true,
      data: { community: { id: 'jinse' }, open: true },
    });

    const called = await staff.call<QueueDesk>('queue', {
      action: 'callNext',
      community: 'jinse',
      queue: 'library',
    });
    expect(called.body).toMatchObject({
      ok: true,
      data: { line: { nowCalling: 'B001', waiting: 1 } },
    });
    await publicStream.waitFor(lineEvent('library', (s) => s.nowCalling === 'B001'));
    const alert = await aliceStream.waitFor((e) => e.event === 'alert');
    expect(alert.data).toMatchObject({ kind: 'your-turn', ticket: { id: a.id, status: 'called' } });
    expect(publicStream.events.some((e) => e.event === 'alert')).toBe(false);
    const outbox = host.db.prepare('SELECT user_id, kind FROM outbox').all();
    expect(outbox).toEqual([expect.objectContaining({ kind: 'your-turn' })]);

    const desk = await staff.call<QueueDesk>('queue', {
      action: 'desk',
      community: 'jinse',
      queue: 'library',
    });
    expect(desk.body).toMatchObject({
      ok: true,
      data: { alerts: [{ kind: 'your-turn', label: 'B001', at: '2026-12-02T18:30:00+08:00' }] },
    });
    expect((await staff.call('queue', { action: 'recall', ticketId: a.id })).status).toBe(200);
    expect((await staff.call('queue', { action: 'miss', ticketId: a.id })).body).toMatchObject({
      ok: true,
      data: { line: { nowCalling: null } },
    });
    const requeued = await alice.call<Ticket>('queue', { action: 'requeue', ticketId: a.id });
    expect(requeued.body).toMatchObject({ ok: true, data: { status: 'waiting', ahead: 1 } });
    expect(
      (await staff.call('queue', { action: 'callNext', community: 'jinse', queue: 'library' }))
        .body,
    ).toMatchObject({ ok: true, data: { line: { nowCalling: 'B002' } } });
    expect(
      (await staff.call('queue', { action: 'complete', ticketId: b.data.id })).body,
    ).toMatchObject({ ok: true, data: { stats: { served: 1 } } });

    const mine = await alice.call<Ticket[]>('queue', { action: 'mine' });
    expect(mine.body).toMatchObject({
      ok: true,
      data: [{ id: a.id, status: 'waiting', ahead: 0 }],
    });
    expect(
      (await alice.call<Ticket>('queue', { action: 'cancel', ticketId: a.id })).body,
    ).toMatchObject({ ok: true, data: { status: 'cancelled' } });

    const walkIn = await staff.call<QueueDesk>('queue', {
      action: 'addWalkIn',
      community: 'jinse',
      queue: 'health',
      note: '李大爷',
    });
    expect(walkIn.body).toMatchObject({
      ok: true,
      data: { tickets: [{ label: 'A001', note: '李大爷', walkIn: true }] },
    });
    expect(
      (await staff.call('queue', { action: 'pause', community: 'jinse', queue: 'health' })).body,
    ).toMatchObject({ ok: true, data: { line: { paused: true } } });
    const refused = await bob.call('queue', {
      action: 'join',
      community: 'jinse',
      queue: 'health',
      requestId: 'bob-health-01',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'CLOSED' } });
    expect(
      (await staff.call('queue', { action: 'resume', community: 'jinse', queue: 'health' })).status,
    ).toBe(200);
    const configured = await staff.call<QueueDesk>('queue', {
      action: 'configure',
      community: 'jinse',
      queue: 'health',
      capacity: 1,
    });
    expect(configured.body).toMatchObject({
      ok: true,
      data: { config: { capacity: 1 }, line: { accepting: false } },
    });
    const full = await bob.call('queue', {
      action: 'join',
      community: 'jinse',
      queue: 'health',
      requestId: 'bob-health-02',
    });
    expect(full.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(
      (await staff.call('queue', { action: 'desk', community: 'jinse', queue: 'health' })).status,
    ).toBe(200);

    aliceStream.close();
    publicStream.close();
  });

  it('refuses a stream for an unknown community', async () => {
    const response = await host.client().raw('GET', '/api/queue/events?community=nowhere');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('load and durability', () => {
  it('numbers 500 residents joining one line at once 1..500, each once', async () => {
    // The limiters are off: this measures numbering, not rate limiting (500 sessions share one
    // IP, past the ceiling of identities an address mints per hour).
    const host = await startTestHost({ rateLimit: false, identitiesPerHour: 1_000 });
    try {
      const { staff } = await adminAndStaff(host);
      await staff.call('queue', {
        action: 'configure',
        community: 'jinse',
        queue: 'library',
        capacity: 500,
      });
      const residents = Array.from({ length: 500 }, () => host.client());
      await Promise.all(residents.map((r) => r.session()));
      const responses = await Promise.all(
        residents.map((r, i) =>
          r.call<Ticket>('queue', {
            action: 'join',
            community: 'jinse',
            queue: 'library',
            requestId: `load-${String(i).padStart(6, '0')}`,
          }),
        ),
      );
      const numbers = responses
        .map((r) => (r.body.ok ? r.body.data.number : -1))
        .sort((x, y) => x - y);
      expect(numbers).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
      const rows = host.db
        .prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT number) AS d FROM tickets')
        .get();
      expect(rows).toEqual({ n: 500, d: 500 });
    } finally {
      await host.destroy();
    }
  });

  it('keeps an acknowledged ticket through kill -9 and a restart', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-crash-'));
    const start = () =>
      new Promise<{ child: ChildProcess; url: string }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          // tsx as a loader, not its CLI: the CLI forks a child that SIGKILL would leave running.
          ['--import', 'tsx', path.join(__dirname, 'main.ts'), '--no-build'],
          {
            env: {
              ...process.env,
              PORT: '0',
              DATA_DIR: dataDir,
              BDB_NOW: '2026-12-02T18:30:00+08:00',
              ADMIN_TOKEN: 'crash-test-admin-token',
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let out = '';
        child.stdout!.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const url = /已启动：(http:\/\/[^\s]+)/.exec(out)?.[1];
          if (url) resolve({ child, url });
        });
        child.on('exit', (code) => reject(new Error(`host exited early (${code}): ${out}`)));
      });
    const first = await start();
    try {
      const session = await fetch(`${first.url}/api/session`);
      const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
      const join = await fetch(`${first.url}/api/queue`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({
          action: 'join',
          community: 'jinse',
          queue: 'library',
          requestId: 'crash-req-0001',
        }),
      });
      const ticket = ((await join.json()) as { data: Ticket }).data;
      expect(ticket.label).toBe('B001');
      first.child.removeAllListeners('exit');
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));

      const second = await start();
      try {
        const mine = await fetch(`${second.url}/api/queue`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ action: 'mine' }),
        });
        expect(await mine.json()).toMatchObject({
          ok: true,
          data: [{ id: ticket.id, label: 'B001', status: 'waiting' }],
        });
      } finally {
        second.child.removeAllListeners('exit');
        second.child.kill('SIGKILL');
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
