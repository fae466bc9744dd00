/**
 * The HTTP half of `npm run bench`: the local host (server/hosts/local/main.ts) and a bare
 * Fastify JSON POST endpoint (scripts/bench-bare.ts) each run in their own process, and this
 * process drives both with autocannon, at the same connections, one after the other. Residents
 * are distinct identities minted beforehand (GET /api/session); the host runs with RATE_LIMIT=off
 * on a temporary DATA_DIR, its clock starting at 18:30 on a service evening.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';

const ROOT = path.resolve(__dirname, '..');
const ADMIN_TOKEN = 'bench-admin-token-0000';
/** What each connection asks first, not measured (see `cannon`). */
const BARE_PROBE = '/health';
const HOST_PROBE = '/api/health';
/** A Wednesday service evening (17:00–20:00) in Suzhou. */
const SERVICE_EVENING = '2026-12-02T18:30:00+08:00';
/** Communities the writes warm up on before their measured runs (see `benchHttp`). */
const WARMUP_COMMUNITIES = ['warmupa', 'warmupb'];
/** How long a read warms up on its own requests before its measured run. */
const WARMUP_SECONDS = 1;

export interface Run {
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, and connection errors (timeouts included). */
  failures: number;
  /**
   * The server process's CPU time (user + system, from /proc) per measured request, in µs; null
   * where /proc is missing. Steadier than throughput on a shared machine.
   */
  cpuMicros: number | null;
}

export interface HttpBench {
  connections: number;
  /** The community.tonight answer's size in bytes, for a resident holding a number. */
  tonightBytes: number;
  /**
   * The yardstick: the faster of the bare endpoint's two runs, one before the host's runs and one
   * after. Other load on the machine slows a run; a slow yardstick would flatter every ratio.
   */
  bare: Run;
  /** Both runs of the bare endpoint, first and last. */
  bareRuns: [Run, Run];
  runs: Run[];
  /** What the runs left in the host's database, counted after it stopped. */
  issued: { tickets: number; called: number; bookings: number };
  expected: { tickets: number; called: number; bookings: number };
}

/** Starts `script` under tsx in its own process and resolves the URL it prints. */
function startProcess(
  script: string,
  args: string[],
  env: Record<string, string>,
  pattern: RegExp,
): Promise<{ child: ChildProcess; url: string }> {
  // BENCH_PROFILE=<dir>: the host writes a V8 CPU profile there when it stops (docs/performance.md).
  const profile =
    process.env.BENCH_PROFILE && script.startsWith('server/')
      ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
      : [];
  const flags =
    process.env.BENCH_HOST_FLAGS && script.startsWith('server/')
      ? process.env.BENCH_HOST_FLAGS.split(' ')
      : [];
  const child = spawn(
    process.execPath,
    [...profile, ...flags, '--import', 'tsx', path.join(ROOT, script), ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({ child, url: match[1]! });
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

interface Envelope<T> {
  ok: boolean;
  data: T;
  error?: { code: string; message: string };
}

/** One setup call to the host, as a browser would make it. */
async function call<T>(url: string, fn: string, body: unknown, cookie?: string): Promise<T> {
  const response = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const envelope = (await response.json()) as Envelope<T>;
  if (!envelope.ok) throw new Error(`${fn} ${JSON.stringify(body)}: ${envelope.error?.message}`);
  return envelope.data;
}

const session = async (url: string, cookie?: string): Promise<string> => {
  const response = await fetch(`${url}/api/session`, { headers: cookie ? { cookie } : {} });
  await response.arrayBuffer();
  return response.headers.get('set-cookie')?.split(';')[0] ?? cookie!;
};

/** `count` distinct residents: each its own identity cookie, minted 50 at a time. */
async function mint(url: string, count: number): Promise<string[]> {
  const cookies: string[] = [];
  while (cookies.length < count) {
    const batch = Math.min(50, count - cookies.length);
    cookies.push(...(await Promise.all(Array.from({ length: batch }, () => session(url)))));
  }
  return cookies;
}

/** What a connection's request in flight carries (autocannon's per-connection context). */
interface Sent {
  sent: number;
  probe: boolean;
}

/** A process's CPU time so far (user + system) in µs, from /proc/<pid>/stat; null without it. */
function cpuMicrosOf(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1_000_000) / CLOCK_TICKS : null;
  } catch {
    return null;
  }
}
/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
const CLOCK_TICKS = 100;

/** Latency quantile of sorted milliseconds, as autocannon reports it (whole ms). */
const quantile = (sorted: number[], q: number) =>
  sorted.length === 0
    ? 0
    : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!);

/**
 * Runs autocannon: for `seconds`, or for exactly `amount` measured requests; body and cookie
 * per request. Each connection first asks `probe` (a GET that does nothing), not measured: a
 * Node server busy with requests accepts about one new connection per turn of its event loop,
 * so 200 connections opened at once wait up to a second for their first answer whatever the
 * action costs (docs/performance.md). Bare endpoint and host are measured alike.
 */
async function cannon(
  label: string,
  server: { url: string; child: ChildProcess },
  connections: number,
  probe: string,
  request: (i: number) => { path: string; body: string; cookie?: string },
  limit: { seconds: number } | { amount: number },
): Promise<Run> {
  let i = 0;
  let probes = 0;
  const latencies: number[] = [];
  let failures = 0;
  let firstMeasured = 0;
  let lastAnswer = 0;
  const { url } = server;
  const cpuBefore = cpuMicrosOf(server.child.pid);
  const result = await autocannon({
    url,
    connections,
    // A slow answer is measured, not dropped and re-sent (a re-sent join would have no resident).
    timeout: 120,
    // autocannon notices the last of `amount` requests only at its next sample: at the default
    // 1 s, a run of 1.1 s counts as 2 s.
    sampleInt: 10,
    ...('amount' in limit ? { amount: limit.amount + connections } : { duration: limit.seconds }),
    requests: [
      {
        setupRequest: (req, context: object) => {
          const ctx = context as Sent;
          ctx.sent = performance.now();
          if (probes < connections) {
            probes += 1;
            ctx.probe = true;
            return { ...req, method: 'GET', path: probe, body: undefined };
          }
          ctx.probe = false;
          if (firstMeasured === 0) firstMeasured = performance.now();
          const r = request(i);
          i += 1;
          return {
            ...req,
            method: 'POST',
            path: r.path,
            body: r.body,
            headers: {
              'content-type': 'application/json',
              ...(r.cookie ? { cookie: r.cookie } : {}),
            },
          };
        },
        onResponse: (status, _body, context) => {
          const ctx = context as Sent;
          if (ctx.probe) return;
          lastAnswer = performance.now();
          latencies.push(lastAnswer - ctx.sent);
          if (status < 200 || status > 299) failures += 1;
        },
      },
    ],
  });
  const cpuAfter = cpuMicrosOf(server.child.pid);
  latencies.sort((a, b) => a - b);
  const seconds = (lastAnswer - firstMeasured) / 1000;
  return {
    label,
    requests: latencies.length,
    rps: seconds > 0 ? latencies.length / seconds : 0,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    failures: failures + result.errors,
    cpuMicros:
      cpuBefore === null || cpuAfter === null || latencies.length === 0
        ? null
        : (cpuAfter - cpuBefore) / latencies.length,
  };
}

interface BookableService {
  id: string;
  dates: string[];
}
interface Slot {
  id: string;
  left: number;
  open: boolean;
}

export async function benchHttp(options: {
  connections: number;
  seconds: number;
  joins: number;
  bookings: number;
}): Promise<HttpBench> {
  const { connections, seconds } = options;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-bench-'));
  const children: ChildProcess[] = [];
  try {
    const bare = await startProcess('scripts/bench-bare.ts', [], { PORT: '0' }, /listening (\S+)/);
    children.push(bare.child);
    const host = await startProcess(
      'server/hosts/local/main.ts',
      ['--no-build'],
      {
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        BDB_NOW: SERVICE_EVENING,
        ADMIN_TOKEN,
        RATE_LIMIT: 'off',
      },
      /本地主机已启动：(http:\/\/\S+)/,
    );
    children.push(host.child);
    const url = host.url;

    // Staff: the admin (ADMIN_TOKEN) opens the lines and the booking services of both pilots
    // wide, and invites a worker of jinse, who calls the next number.
    const admin = await session(url);
    await call(url, 'staff', { action: 'redeem', code: ADMIN_TOKEN }, admin);
    const worker = async (community: string) => {
      const invite = await call<{ code: string }>(
        url,
        'staff',
        { action: 'invite', community },
        admin,
      );
      const cookie = await session(url);
      await call(url, 'staff', { action: 'redeem', code: invite.code }, cookie);
      return cookie;
    };
    /** Opens a community's two lines and its booking services wide; answers its lines and seats. */
    const open = async (community: string) => {
      const lines = ['library', 'health'].map((queue) => ({ community, queue }));
      for (const line of lines)
        await call(
          url,
          'queue',
          { action: 'configure', ...line, capacity: 999, lastJoin: '19:59' },
          admin,
        );
      const seats: string[] = [];
      const { services } = await call<{ services: BookableService[] }>(url, 'booking', {
        action: 'services',
        community,
      });
      for (const service of services) {
        await call(
          url,
          'booking',
          {
            action: 'configure',
            community,
            service: service.id,
            slotMinutes: 10,
            seatsPerSlot: 50,
            cutoffHours: 0,
          },
          admin,
        );
        // Tonight's slots are half gone by 18:30: the coming evenings.
        for (const date of service.dates.slice(1)) {
          const slots = await call<Slot[]>(url, 'booking', {
            action: 'slots',
            community,
            service: service.id,
            date,
          });
          for (const slot of slots.filter((s) => s.open))
            seats.push(...Array.from({ length: slot.left }, () => slot.id));
        }
      }
      return { lines, seats };
    };
    const staff = await worker('jinse');
    const communities = ['jinse', 'huchi'];
    const lines: { community: string; queue: string }[] = [];
    const seats: string[] = [];
    for (const community of communities) {
      const opened = await open(community);
      lines.push(...opened.lines);
      seats.push(...opened.seats);
    }
    const joins = Math.min(options.joins, lines.length * 999);
    const bookings = Math.min(options.bookings, seats.length);
    const joiners = await mint(url, joins);
    const bookers = await mint(url, bookings);

    // Each action is warmed up before its measured run, so that the run measures the action
    // and not V8 compiling it: runs of 3,000 joins or 1,500 calls last about half a second, and
    // V8 keeps compiling a newly busy path for most of a second under this load (perf: without a
    // warm-up, about a third of the host's CPU time in a call's run went to V8's optimizing
    // compiler; docs/performance.md). Writes warm up on communities of their own, as many
    // requests as their measured run, whose residents, tickets and bookings are not counted;
    // reads warm up on the same requests. The bare endpoint is warmed up the same way.
    const warmup = {
      lines: [] as typeof lines,
      seats: [] as string[],
      staff: new Map<string, string>(),
    };
    for (const id of WARMUP_COMMUNITIES) {
      await call(
        url,
        'community',
        {
          action: 'create',
          id,
          name: `预热社区（${id}）`,
          address: '压测预热用，不计入结果',
          contactPhone: '0512-6000 0000',
          evenings: [{ weekday: 3, opensAt: '17:00', closesAt: '20:00' }],
        },
        admin,
      );
      const opened = await open(id);
      warmup.lines.push(...opened.lines);
      warmup.seats.push(...opened.seats);
      warmup.staff.set(id, await worker(id));
    }
    const warmJoins = Math.min(joins, warmup.lines.length * 999);
    const warmBookings = Math.min(bookings, warmup.seats.length);
    const warmJoiners = await mint(url, warmJoins);
    const warmBookers = await mint(url, warmBookings);

    const json = (body: unknown) => JSON.stringify(body);
    const tonightBody = json({ action: 'tonight', community: 'jinse' });
    type Request = Parameters<typeof cannon>[4];
    type Limit = Parameters<typeof cannon>[5];
    /** Warm-up, then the measured run; a read warms up on its own requests for `WARMUP_SECONDS`. */
    const measure = async (
      label: string,
      server: typeof host,
      probe: string,
      request: Request,
      limit: Limit,
      warm: { request: Request; limit: Limit } = { request, limit: { seconds: WARMUP_SECONDS } },
    ) => {
      await cannon('warm', server, connections, probe, warm.request, warm.limit);
      return cannon(label, server, connections, probe, request, limit);
    };

    const echo = () => ({ path: '/echo', body: tonightBody });
    const bareRun = await measure('空接口（Fastify JSON POST）', bare, BARE_PROBE, echo, {
      seconds,
    });
    const runs: Run[] = [];
    // The host's floor, for reference: the least an action costs here (a resident's cookie read,
    // the body parsed and checked, the envelope, the security headers, one small read).
    const listBody = json({ action: 'list' });
    runs.push(
      await measure(
        'community.list（最小操作，参照）',
        host,
        HOST_PROBE,
        (i) => ({ path: '/api/community', body: listBody, cookie: joiners[i % joiners.length] }),
        { seconds },
      ),
    );
    const join = (on: typeof lines, residents: string[], prefix: string) => (i: number) => ({
      path: '/api/queue',
      body: json({
        action: 'join',
        ...on[i % on.length]!,
        requestId: `${prefix}-${String(i).padStart(8, '0')}`,
      }),
      cookie: residents[i],
    });
    runs.push(
      await measure(
        `queue.join（${joins} 位居民）`,
        host,
        HOST_PROBE,
        join(lines, joiners, 'bench-join'),
        { amount: joins },
        { request: join(warmup.lines, warmJoiners, 'warm-join'), limit: { amount: warmJoins } },
      ),
    );
    // The first screen of residents who hold a number: tonight with their own cards.
    const tonightOf = lines.map((l) => json({ action: 'tonight', community: l.community }));
    const tonightBytes = (
      await (
        await fetch(`${url}/api/community`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: joiners[0]! },
          body: tonightOf[0],
        })
      ).arrayBuffer()
    ).byteLength;
    runs.push(
      await measure(
        'community.tonight（持号居民）',
        host,
        HOST_PROBE,
        (i) => ({
          path: '/api/community',
          body: tonightOf[i % lines.length]!,
          cookie: joiners[i % joiners.length],
        }),
        { seconds },
      ),
    );
    // The worker calls jinse's two lines, at most as many times as numbers wait there.
    const jinseLines = lines.filter((l) => l.community === 'jinse');
    const calls = Math.floor(joins / lines.length) * jinseLines.length;
    const callNext =
      (on: typeof lines, staffOf: (community: string) => string | undefined) => (i: number) => {
        const line = on[i % on.length]!;
        return {
          path: '/api/queue',
          body: json({ action: 'callNext', ...line }),
          cookie: staffOf(line.community),
        };
      };
    runs.push(
      await measure(
        `queue.callNext（${calls} 次）`,
        host,
        HOST_PROBE,
        callNext(jinseLines, () => staff),
        { amount: calls },
        {
          request: callNext(warmup.lines, (community) => warmup.staff.get(community)),
          limit: { amount: Math.min(calls, warmJoins) },
        },
      ),
    );
    const book = (on: string[], residents: string[], prefix: string) => (i: number) => ({
      path: '/api/booking',
      body: json({
        action: 'book',
        slotId: on[i]!,
        requestId: `${prefix}-${String(i).padStart(8, '0')}`,
      }),
      cookie: residents[i],
    });
    runs.push(
      await measure(
        `booking.book（${bookings} 位居民）`,
        host,
        HOST_PROBE,
        book(seats, bookers, 'bench-book'),
        { amount: bookings },
        { request: book(warmup.seats, warmBookers, 'warm-book'), limit: { amount: warmBookings } },
      ),
    );

    const bareAgain = await cannon('空接口（复测）', bare, connections, BARE_PROBE, echo, {
      seconds,
    });

    await Promise.all(children.map(stop));
    const db = new Database(path.join(dataDir, 'badianban.db'), { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const measured = `community_id NOT IN (${WARMUP_COMMUNITIES.map((id) => `'${id}'`).join(', ')})`;
    const issued = {
      tickets: count(`SELECT COUNT(*) AS n FROM tickets WHERE ${measured}`),
      called: count(`SELECT COUNT(*) AS n FROM tickets WHERE ${measured} AND status <> 'waiting'`),
      bookings: count(`SELECT COUNT(*) AS n FROM bookings WHERE ${measured}`),
    };
    db.close();
    return {
      connections,
      tonightBytes,
      bare: bareAgain.rps > bareRun.rps ? bareAgain : bareRun,
      bareRuns: [bareRun, bareAgain],
      runs,
      issued,
      expected: { tickets: joins, called: calls, bookings },
    };
  } finally {
    await Promise.all(children.map(stop));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
