/**
 * `npm run bench`: sizes against budgets; what each action costs on CloudBase, counted by the
 * emulator over a played evening (scripts/cloud-costs.ts); and the local host's throughput and
 * latency for community.tonight as ratios to a bare endpoint (/api/health) measured in the same
 * run, so the figures mean the same on a slow CI machine as on a laptop. Exits non-zero when a
 * budget is blown.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../server/core/clock';
import { startLocalHost } from '../server/hosts/local/start';
import { measureEvening, type CloudCostReport } from './cloud-costs';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const KB = 1024;
const BUDGET = { main: 450 * KB, total: 1200 * KB, tonight: 8 * KB };

const sizeOf = (target: string): number => {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + sizeOf(path.join(target, name)), 0);
};

function weappSizes() {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    console.log('dist/ 不存在，先构建 weapp…');
    if (
      spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: ROOT, stdio: 'inherit' })
        .status !== 0
    )
      process.exit(1);
  }
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const total = sizeOf(DIST);
  const sub = roots.reduce(
    (sum, root) => sum + (fs.existsSync(path.join(DIST, root)) ? sizeOf(path.join(DIST, root)) : 0),
    0,
  );
  return { total, main: total - sub, subpackages: roots };
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
}

/** A bounded closed loop: `concurrency` workers, `count` requests in all (init may vary by index). */
async function load(
  url: string,
  init: RequestInit | ((i: number) => RequestInit),
  count: number,
  concurrency: number,
): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next;
      next += 1;
      const t = performance.now();
      const response = await fetch(url, typeof init === 'function' ? init(i) : init);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { rps: count / seconds, p50: at(0.5), p99: at(0.99) };
}

/** The CloudBase table: per action, calls and database operations, counted by the emulator. */
function printCloudCosts({ evening, actions, checks }: CloudCostReport) {
  console.log(
    `\nCloudBase 数据库操作（模拟器计数：一个晚上，${evening.visitors} 位居民，经云函数代码）`,
  );
  console.log('  操作                    次数   读(均)  写(均)  每次(中位)  每次(最多)');
  for (const [label, a] of Object.entries(actions)) {
    console.log(
      `  ${label.padEnd(22)} ${String(a.calls).padStart(5)} ${a.meanReads.toFixed(1).padStart(7)} ${a.meanWrites.toFixed(1).padStart(7)} ${String(a.medianOps).padStart(10)} ${String(a.maxOps).padStart(10)}`,
    );
  }
  console.log(
    `  线路变化 ${evening.lineChanges} 次，推送给 ${evening.watchers} 位正在看号的居民共 ${evening.watchPushes} 次（watch，居民不发请求）`,
  );
  for (const c of checks) {
    console.log(`  ${c.ok ? '✔' : '✖'} ${c.label} ${c.value}（预算 ≤ ${c.budget}）`);
  }
}

async function main() {
  let failed = false;
  const check = (label: string, value: number, budget: number) => {
    const ok = value <= budget;
    if (!ok) failed = true;
    console.log(
      `${ok ? '✔' : '✖'} ${label.padEnd(28)} ${(value / KB).toFixed(1).padStart(8)} KB  (预算 ${(budget / KB).toFixed(0)} KB)`,
    );
  };

  const sizes = weappSizes();
  console.log(`weapp 分包：${sizes.subpackages.join(', ') || '无'}`);
  check('weapp 主包', sizes.main, BUDGET.main);
  check('weapp 总大小', sizes.total, BUDGET.total);

  const cloud = await measureEvening(Number(process.env.BENCH_VISITORS ?? 60));
  printCloudCosts(cloud);
  if (!cloud.checks.every((c) => c.ok)) failed = true;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-bench-'));
  const host = await startLocalHost({
    dataDir,
    clock: fixedClock('2026-12-02T18:30:00+08:00'),
    adminToken: 'bench-admin-token-0000',
    logErrors: false,
    // The bench measures the request path, not the limiter (which would stop a 3000-request loop).
    rateLimit: false,
  });
  try {
    const tonightInit: RequestInit = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'tonight', community: 'jinse' }),
    };
    const body = await (await fetch(`${host.url}/api/community`, tonightInit)).text();
    check('community.tonight 响应', Buffer.byteLength(body), BUDGET.tonight);

    const count = Number(process.env.BENCH_REQUESTS ?? 3000);
    const concurrency = 16;
    await load(`${host.url}/api/health`, {}, 300, concurrency); // warm-up
    const bare = await load(`${host.url}/api/health`, {}, count, concurrency);
    const tonight = await load(`${host.url}/api/community`, tonightInit, count, concurrency);
    const fmt = (r: Run) =>
      `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`;
    console.log(`\n本地主机（${count} 次请求，并发 ${concurrency}，同一次运行）`);
    console.log(`  /api/health（空接口）   ${fmt(bare)}`);
    console.log(`  community.tonight       ${fmt(tonight)}`);
    console.log(
      `  相对空接口：吞吐 ${(tonight.rps / bare.rps).toFixed(2)}×，p50 延迟 ${(tonight.p50 / bare.p50).toFixed(2)}×，p99 延迟 ${(tonight.p99 / bare.p99).toFixed(2)}×`,
    );

    // Join: 200 residents at a time, each a distinct identity taking a new number, spread over
    // both lines of both pilot communities (capacity raised to the maximum for the run).
    const JOINS = Number(process.env.BENCH_JOINS ?? 1600);
    const JOIN_CONCURRENCY = 200;
    const lines = ['jinse', 'huchi'].flatMap((community) =>
      ['library', 'health'].map((queue) => ({ community, queue })),
    );
    for (const line of lines)
      await host.deps.store.queues.saveConfig(line.community, line.queue, {
        capacity: 999,
        lastJoin: '19:59',
        graceMinutes: 10,
        defaultServiceMinutes: 5,
      });
    const cookies: string[] = [];
    for (let i = 0; i < JOINS; i += 1) {
      const session = await fetch(`${host.url}/api/session`);
      cookies.push(session.headers.get('set-cookie')!.split(';')[0]!);
    }
    const bareWide = await load(`${host.url}/api/health`, {}, JOINS, JOIN_CONCURRENCY);
    const joins = await load(
      `${host.url}/api/queue`,
      (i) => ({
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookies[i]! },
        body: JSON.stringify({
          action: 'join',
          ...lines[i % lines.length]!,
          requestId: `bench-${String(i).padStart(8, '0')}`,
        }),
      }),
      JOINS,
      JOIN_CONCURRENCY,
    );
    const issued = host.deps.store as unknown as {
      db: { prepare(sql: string): { get(): { n: number } } };
    };
    const tickets = issued.db.prepare('SELECT COUNT(*) AS n FROM tickets').get().n;
    const throughputRatio = joins.rps / bareWide.rps;
    const p99Ratio = joins.p99 / bareWide.p99;
    console.log(
      `\n取号 queue.join（${JOINS} 位居民，并发 ${JOIN_CONCURRENCY}，发出 ${tickets} 个号）`,
    );
    console.log(`  /api/health（空接口）   ${fmt(bareWide)}`);
    console.log(`  queue.join              ${fmt(joins)}`);
    const goal = (ok: boolean) => (ok ? '✔' : '✖');
    console.log(
      `  ${goal(throughputRatio >= 0.25)} 吞吐 ${throughputRatio.toFixed(2)}×（目标 ≥ 0.25×）  ${goal(p99Ratio <= 5)} p99 ${p99Ratio.toFixed(2)}×（目标 ≤ 5×）  p50 ${(joins.p50 / bareWide.p50).toFixed(2)}×`,
    );
    if (tickets !== JOINS) {
      console.log(`✖ 发出的号（${tickets}）与取号次数（${JOINS}）不符`);
      failed = true;
    }
  } finally {
    await host.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

void main();
