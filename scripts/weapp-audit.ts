/**
 * The bench's WeChat audit section: per compiled page, the figures WeChat's performance audit
 * weighs (nodes, depth, widest child list, first-render setData and each live update's setData),
 * measured under miniprogram-simulate with the real core in-process by the weapp budget tests:
 * the first screen of every page of dist/app.json (tests/weapp/first-screen-*.test.ts, cases in
 * tests/weapp/audit-every-page.ts) and the live updates of the pages residents watch
 * (tests/weapp/budget-*.test.ts, scenarios in tests/weapp/audit-pages.ts). Those tests run in
 * jest's jsdom, the only environment the simulator runs in; each writes its figures to
 * WEAPP_AUDIT_OUT, which this module reads and prints against the same budgets. A page of dist/
 * without first-screen figures is a miss.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BUDGETS,
  budgetMisses,
  compiledRoutes,
  pageName,
  type PageFigures,
} from '../tests/weapp/audit-budgets';

const ROOT = path.resolve(__dirname, '..');

export interface WeappAudit {
  /** The first screen of every page of dist/, in app.json's order. */
  firstScreens: PageFigures[];
  /** The pages played with live updates. */
  pages: PageFigures[];
  /** Budgets missed, in words; also a page whose figures never came (its test failed early). */
  misses: string[];
}

const readFigures = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as PageFigures;

/** Runs the budget tests on the current dist/ and collects what they measured. */
export function measureWeappAudit(): WeappAudit {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-weapp-audit-'));
  try {
    const all = fs.readdirSync(path.join(ROOT, 'tests/weapp')).sort();
    const live = all.filter((f) => /^budget-.+\.test\.ts$/.test(f));
    const first = all.filter((f) => /^first-screen-.+\.test\.ts$/.test(f));
    // A missed budget fails the test too; the figures are written before it asserts.
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/jest/bin/jest.js'),
        '--selectProjects',
        'weapp',
        '--',
        ...[...live, ...first].map((f) => `tests/weapp/${f}`),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, WEAPP_AUDIT_OUT: out, TZ: 'America/Los_Angeles' },
        encoding: 'utf8',
      },
    );
    const pages: PageFigures[] = [];
    const firstScreens: PageFigures[] = [];
    const misses: string[] = [];
    for (const file of live) {
      const name = file.replace(/^budget-|\.test\.ts$/g, '');
      const figures = path.join(out, `${name}.json`);
      if (!fs.existsSync(figures)) {
        misses.push(`${name}: 没有测出数据（测试失败）`);
        continue;
      }
      pages.push(readFigures(figures));
    }
    for (const route of compiledRoutes(path.join(ROOT, 'dist'))) {
      const name = pageName(route);
      const figures = path.join(out, `first-${name.replace(/\//g, '-')}.json`);
      if (!fs.existsSync(figures)) {
        misses.push(`${name}: 首屏没有测出数据（测试失败或没有用例）`);
        continue;
      }
      firstScreens.push(readFigures(figures));
    }
    for (const p of [...firstScreens, ...pages]) misses.push(...budgetMisses(p));
    if (run.status !== 0 && misses.length === 0) {
      misses.push(`weapp 预算测试失败：\n${run.stderr.slice(-2000)}`);
    }
    return { firstScreens, pages, misses };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function printPage(p: PageFigures, width: number): void {
  const ok = budgetMisses(p).length === 0 ? '✔' : '✖';
  const calls = p.firstScreenCalls.map((c) => `${c.action} ${kb(c.bytes)}`).join('，');
  console.log(
    `${ok} ${p.page.padEnd(width)} ${String(p.nodes).padStart(5)} ${String(p.depth).padStart(5)} ${String(p.maxChildren).padStart(11)} ${kb(p.firstRenderBytes).padStart(13)}  ${calls || '无'}`,
  );
}

const HEADER = '节点  深度  最多子节点  首屏 setData  首屏云调用';

/** The tables: every page's first screen, then the live pages with each update beneath. */
export function printWeappAudit({ firstScreens, pages, misses }: WeappAudit): void {
  console.log(
    `\nweapp 性能体检（miniprogram-simulate，真实核心在进程内；预算：节点 ≤ ${BUDGETS.nodes}，首屏 setData ≤ ${kb(BUDGETS.firstRenderBytes)}，每次实时更新 ≤ ${kb(BUDGETS.updateBytes)}）`,
  );
  console.log(`  每个页面的首屏（${firstScreens.length} 页）${' '.repeat(12)}${HEADER}`);
  for (const p of firstScreens) printPage(p, 34);
  console.log(`  实时更新${' '.repeat(16)}${HEADER}`);
  for (const p of pages) {
    printPage(p, 22);
    for (const u of p.updates) {
      const mark = u.bytes <= BUDGETS.updateBytes ? '✔' : '✖';
      const cloud = u.cloud.length > 0 ? `，云调用 ${u.cloud.join('、')}` : '';
      console.log(`      ${mark} ${u.label}：${u.bytes} B（${u.calls} 次 setData${cloud}）`);
    }
  }
  const shown = [...firstScreens, ...pages];
  for (const miss of misses.filter((m) => !shown.some((p) => m.startsWith(`${p.page}:`)))) {
    console.log(`✖ ${miss}`);
  }
}

// `npx tsx scripts/weapp-audit.ts`: the audit alone, on the current dist/ (exits 1 on a miss).
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const audit = measureWeappAudit();
  printWeappAudit(audit);
  if (audit.misses.length > 0) process.exitCode = 1;
}
