/**
 * The two experiments behind choices in docs/performance.md, runnable on their own:
 *
 *   npx tsx scripts/bench-why.ts frozen   array builtins on a frozen, a marked (hidden property)
 *                                         and a plain array of 1,000
 *   npx tsx scripts/bench-why.ts accept   a bare Fastify endpoint burning 250 µs per request,
 *                                         200 connections opened at once: the late connections'
 *                                         first answers (why the bench probes each connection)
 *   npx tsx scripts/bench-why.ts append   1,000 joins' appendTicket on a line of 200 and more, µs each
 *   npx tsx scripts/bench-why.ts sql      a join's SQL alone on our schema (the resident's
 *                                         tickets, the insert), own transaction vs group commit
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import type { TicketRecord } from '../server/core/ports';
import { appendTicket } from '../server/core/queue/line-index';
import { openDatabase } from '../server/stores/sqlite/index';

function frozen() {
  const make = () => Array.from({ length: 1_000 }, (_, n) => ({ id: `t${n}`, n, waiting: n % 3 }));
  // held: a line made by the line index's appendTicket, as a join makes it (it carries a hidden
  // property holding its index).
  let held: readonly TicketRecord[] = [];
  for (const t of make()) held = appendTicket(held, t as unknown as TicketRecord);
  const arrays = {
    frozen: Object.freeze(make()),
    held: held as unknown as ReturnType<typeof make>,
    plain: make(),
  };
  const ops: Record<string, (a: readonly { id: string; n: number; waiting: number }[]) => unknown> =
    {
      filter: (a) => a.filter((t) => t.waiting > 0),
      find: (a) => a.find((t) => t.n === 999),
      forEach: (a) => a.forEach((t) => t.n),
      slice: (a) => a.slice(),
      'for…of': (a) => {
        let sum = 0;
        for (const t of a) sum += t.n;
        return sum;
      },
      spread: (a) => [...a],
      'loop copy': (a) => {
        const copy = new Array<unknown>(a.length);
        for (let i = 0; i < a.length; i += 1) copy[i] = a[i];
        return copy;
      },
    };
  for (const [name, op] of Object.entries(ops)) {
    const cells = Object.entries(arrays).map(([kind, a]) => {
      for (let i = 0; i < 3_000; i += 1) op(a);
      const start = process.hrtime.bigint();
      for (let i = 0; i < 20_000; i += 1) op(a);
      return `${kind} ${(Number(process.hrtime.bigint() - start) / 20_000 / 1_000).toFixed(2)} µs`;
    });
    console.log(name.padEnd(10), cells.join('   '));
  }
}

async function serve() {
  const app = Fastify({ logger: false });
  app.post('/echo', async (request) => {
    const end = performance.now() + 0.25;
    while (performance.now() < end);
    return { ok: true, data: request.body };
  });
  console.log(`listening ${await app.listen({ host: '127.0.0.1', port: 0 })}`);
}

async function accept() {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, 'serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) =>
    child.stdout!.on('data', (d: Buffer) => {
      const m = /listening (\S+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    }),
  );
  const firsts: number[] = [];
  const result = await autocannon({
    url,
    connections: 200,
    amount: 3_000,
    sampleInt: 10,
    requests: [
      {
        method: 'POST',
        path: '/echo',
        body: '{"a":1}',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req, context: object) => {
          const c = context as { sent?: number; first?: boolean };
          c.first = c.sent === undefined;
          c.sent = performance.now();
          return req;
        },
        onResponse: (_status, _body, context) => {
          const c = context as { sent: number; first: boolean };
          if (c.first) firsts.push(performance.now() - c.sent);
        },
      },
    ],
  });
  child.kill();
  firsts.sort((a, b) => a - b);
  const at = (q: number) => firsts[Math.floor((firsts.length - 1) * q)]!.toFixed(0);
  console.log(
    `${(result.requests.total / result.duration).toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms over all requests`,
  );
  console.log(
    `each connection's first answer: median ${at(0.5)} ms, 90th ${at(0.9)} ms, last ${at(1)} ms`,
  );
}

function append() {
  const ticket = (n: number) =>
    ({
      id: `t${n}`,
      number: n,
      label: `A${n}`,
      status: 'waiting',
      userId: `u${n}`,
      requestId: `r${n}`,
      sortKey: n,
      serviceSeconds: null,
    }) as unknown as TicketRecord;
  for (let run = 0; run < 3; run += 1) {
    let line: readonly TicketRecord[] = [];
    for (let n = 0; n < 200; n += 1) line = appendTicket(line, ticket(n));
    const start = process.hrtime.bigint();
    for (let n = 200; n < 1_200; n += 1) line = appendTicket(line, ticket(n));
    const micros = Number(process.hrtime.bigint() - start) / 1_000 / 1_000;
    console.log(`appendTicket: ${micros.toFixed(1)} µs each, garbage collection included`);
  }
}

function sql() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-why-'));
  const db = openDatabase(path.join(dir, 'why.db'));
  db.prepare("INSERT INTO communities (id, name) VALUES ('c', 'c')").run();
  const insert = db.prepare(
    `INSERT INTO tickets (id, community_id, queue, date, number, label, status, user_id, note,
     request_id, sort_key, created_at) VALUES (?, 'c', 'library', '2026-12-02', ?, ?, 'waiting', ?, '', ?, ?, ?)`,
  );
  const taken = db.prepare(
    'SELECT id FROM tickets INDEXED BY tickets_user_line WHERE user_id = ? AND community_id = ? AND date = ?',
  );
  let n = 0;
  const join = db.transaction(() => {
    n += 1;
    taken.all(`u${n}`, 'c', '2026-12-02');
    insert.run(`t${n}`, n, `A${n}`, `u${n}`, `r${n}`, n, new Date().toISOString());
  });
  const group = db.transaction((size: number) => {
    for (let i = 0; i < size; i += 1) join();
  });
  for (const size of [1, 17, 200]) {
    const groups = Math.round(3_000 / size);
    const cpu = process.cpuUsage();
    for (let g = 0; g < groups; g += 1) group.immediate(size);
    const used = process.cpuUsage(cpu);
    const perJoin = (used.user + used.system) / (groups * size);
    console.log(`groups of ${String(size).padStart(3)}: ${perJoin.toFixed(1)} µs of CPU per join`);
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const run = { frozen, accept, serve, sql, append }[process.argv[2] ?? ''];
if (!run) {
  console.error('usage: npx tsx scripts/bench-why.ts frozen|accept|append|sql');
  process.exit(2);
}
void run();
