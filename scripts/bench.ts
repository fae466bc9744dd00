/**
 * `npm run bench`: sizes against budgets; WeChat's audit figures per compiled page (nodes, setData
 * bytes of the first render and of each live update: scripts/weapp-audit.ts); what each action
 * costs on CloudBase, counted by the emulator over a played evening (scripts/cloud-costs.ts); and the local host's throughput and
 * latency for queue.join, community.tonight, queue.callNext and booking.book as ratios to a bare
 * Fastify endpoint, each server in its own process and autocannon in this one (scripts/bench-http.ts),
 * so the figures mean the same on a slow CI machine as on a laptop. Exits non-zero when a budget
 * is blown or a goal of issue #15 is missed (BENCH_GOALS=report: goals are reported, not failed).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchHttp, type HttpBench, type Run } from './bench-http';
import { measureEvening, type CloudCostReport } from './cloud-costs';
import { measureWeappAudit, printWeappAudit } from './weapp-audit';
import { KB, MAIN_GOAL_KB, weappSizes } from './weapp-size';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
/** Issue #15: each action's throughput (and join's p99) as a ratio to the bare endpoint. */
const GOALS: Record<string, { throughput: number; p99?: number }> = {
  'queue.join': { throughput: 0.25, p99: 5 },
  'queue.callNext': { throughput: 0.2 },
  'booking.book': { throughput: 0.2 },
};
const BUDGET = { main: 450 * KB, total: 1200 * KB, tonight: 8 * KB };

function weappSizesBuilt() {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    console.log('dist/ 不存在，先构建 weapp…');
    if (
      spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: ROOT, stdio: 'inherit' })
        .status !== 0
    )
      process.exit(1);
  }
  return weappSizes(DIST);
}

const fmt = (r: Run) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms` +
  (r.cpuMicros === null ? '' : `  进程 CPU ${r.cpuMicros.toFixed(0).padStart(5)} µs/次`);

/** The host's actions beside the bare endpoint, as ratios, against the issue's goals. */
function printHttp(http: HttpBench, goal: (label: string, ok: boolean) => string) {
  const { bare } = http;
  console.log(
    `\n本地主机 vs 空接口（各自独立进程，autocannon 在第三个进程，${http.connections} 个连接，同一台机器，同一次运行）`,
  );
  for (const run of http.bareRuns) {
    const mark = run === bare ? '（基准：两次中较快的一次）' : '';
    console.log(`  ${run.label.padEnd(30)} ${fmt(run)}${mark}`);
  }
  for (const run of http.runs) {
    const throughput = run.rps / bare.rps;
    const p50 = run.p50 / bare.p50;
    const p99 = run.p99 / bare.p99;
    const target = GOALS[run.label.split('（')[0]!];
    const marks = target
      ? [
          `${goal(`${run.label} 吞吐 ${throughput.toFixed(2)}× < ${target.throughput}×`, throughput >= target.throughput)} 吞吐 ${throughput.toFixed(2)}×（目标 ≥ ${target.throughput}×）`,
          ...(target.p99 === undefined
            ? [`p99 ${p99.toFixed(1)}×`]
            : [
                `${goal(`${run.label} p99 ${p99.toFixed(1)}× > ${target.p99}×`, p99 <= target.p99)} p99 ${p99.toFixed(1)}×（目标 ≤ ${target.p99}×）`,
              ]),
        ]
      : [`吞吐 ${throughput.toFixed(2)}×`, `p99 ${p99.toFixed(1)}×`];
    console.log(`  ${run.label.padEnd(30)} ${fmt(run)}`);
    console.log(`      相对空接口：${marks.join('  ')}  p50 ${p50.toFixed(1)}×`);
  }
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

/** Every request answered 2xx, and the database holds exactly what the requests made. */
function httpConsistent(http: HttpBench): boolean {
  let ok = true;
  for (const [what, label] of [
    ['tickets', '发出的号'],
    ['called', '叫到的号'],
    ['bookings', '预约'],
  ] as const) {
    if (http.issued[what] !== http.expected[what]) {
      console.log(`✖ ${label}（${http.issued[what]}）与请求次数（${http.expected[what]}）不符`);
      ok = false;
    }
  }
  for (const r of [...http.bareRuns, ...http.runs].filter((run) => run.failures > 0)) {
    console.log(`✖ ${r.label}：${r.failures} 次失败（非 2xx、连接错误或超时）`);
    ok = false;
  }
  return ok;
}

/** Prints the missed goals; false when they fail the run (not with BENCH_GOALS=report). */
function goalsMet(missed: string[], reportOnly: boolean): boolean {
  if (missed.length === 0) return true;
  console.log(
    reportOnly
      ? `\n未达目标 ${missed.length} 项（BENCH_GOALS=report：只报告，不算失败）：${missed.join('；')}`
      : `\n未达目标 ${missed.length} 项：${missed.join('；')}（BENCH_GOALS=report 只报告）`,
  );
  return reportOnly;
}

async function main() {
  let failed = false;
  // The issue #15 goals: missing one fails the run, unless BENCH_GOALS=report (the performance
  // work lands after the bench).
  const reportOnly = process.env.BENCH_GOALS === 'report';
  const goalsMissed: string[] = [];
  const goal = (label: string, ok: boolean) => {
    if (!ok) goalsMissed.push(label);
    return ok ? '✔' : '✖';
  };
  const check = (label: string, value: number, budget: number) => {
    const ok = value <= budget;
    if (!ok) failed = true;
    console.log(
      `${ok ? '✔' : '✖'} ${label.padEnd(28)} ${(value / KB).toFixed(1).padStart(8)} KB  (预算 ${(budget / KB).toFixed(0)} KB)`,
    );
  };

  const sizes = weappSizesBuilt();
  console.log(`weapp 分包：${sizes.subpackages.join(', ') || '无'}`);
  check('weapp 主包', sizes.main, BUDGET.main);
  const mainKb = sizes.main / KB;
  console.log(
    `  ${goal(`weapp 主包 ${mainKb.toFixed(1)} KB > ${MAIN_GOAL_KB} KB`, mainKb <= MAIN_GOAL_KB)} 主包目标 ≤ ${MAIN_GOAL_KB} KB（#15；空 Taro React 约 297 KB）`,
  );
  check('weapp 总大小', sizes.total, BUDGET.total);

  // WeChat's audit figures per page, on the dist/ just measured (scripts/weapp-audit.ts).
  const audit = measureWeappAudit();
  printWeappAudit(audit);
  if (audit.misses.length > 0) failed = true;

  const cloud = await measureEvening(Number(process.env.BENCH_VISITORS ?? 60));
  printCloudCosts(cloud);
  if (!cloud.checks.every((c) => c.ok)) failed = true;

  const http = await benchHttp({
    connections: Number(process.env.BENCH_CONNECTIONS ?? 200),
    seconds: Number(process.env.BENCH_SECONDS ?? 10),
    joins: Number(process.env.BENCH_JOINS ?? 3000),
    bookings: Number(process.env.BENCH_BOOKINGS ?? 2000),
  });
  check('community.tonight 响应', http.tonightBytes, BUDGET.tonight);
  printHttp(http, goal);
  if (!httpConsistent(http)) failed = true;
  if (!goalsMet(goalsMissed, reportOnly)) failed = true;
  process.exit(failed ? 1 : 0);
}

void main();
