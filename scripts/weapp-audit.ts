/**
 * The bench's WeChat audit section: per compiled page, the figures WeChat's performance audit
 * weighs (nodes, depth, widest child list, first-render setData and each live update's setData),
 * measured under miniprogram-simulate with the real core in-process by the weapp budget tests
 * (tests/weapp/budget-*.test.ts, scenarios in tests/weapp/audit-pages.ts). Those tests run in
 * jest's jsdom, the only environment the simulator runs in; each writes its page's figures to
 * WEAPP_AUDIT_OUT, which this module reads and prints against the same budgets.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUDGETS, budgetMisses, type PageFigures } from '../tests/weapp/audit-budgets';

const ROOT = path.resolve(__dirname, '..');

export interface WeappAudit {
  pages: PageFigures[];
  /** Budgets missed, in words; also a page whose figures never came (its test failed early). */
  misses: string[];
}

/** Runs the budget tests on the current dist/ and collects what they measured. */
export function measureWeappAudit(): WeappAudit {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-weapp-audit-'));
  try {
    const tests = fs
      .readdirSync(path.join(ROOT, 'tests/weapp'))
      .filter((f) => /^budget-.+\.test\.ts$/.test(f))
      .sort();
    // A missed budget fails the test too; the figures are written before it asserts.
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/jest/bin/jest.js'),
        '--selectProjects',
        'weapp',
        '--',
        ...tests.map((f) => `tests/weapp/${f}`),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, WEAPP_AUDIT_OUT: out, TZ: 'America/Los_Angeles' },
        encoding: 'utf8',
      },
    );
    const pages: PageFigures[] = [];
    const misses: string[] = [];
    for (const file of tests) {
      const name = file.replace(/^budget-|\.test\.ts$/g, '');
      const figures = path.join(out, `${name}.json`);
      if (!fs.existsSync(figures)) {
        misses.push(`${name}: 没有测出数据（测试失败）`);
        continue;
      }
      const page = JSON.parse(fs.readFileSync(figures, 'utf8')) as PageFigures;
      pages.push(page);
      misses.push(...budgetMisses(page));
    }
    if (run.status !== 0 && misses.length === 0) {
      misses.push(`weapp 预算测试失败：\n${run.stderr.slice(-2000)}`);
    }
    return { pages, misses };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The table: one line per page, then each live update beneath it. */
export function printWeappAudit({ pages, misses }: WeappAudit): void {
  console.log(
    `\nweapp 性能体检（miniprogram-simulate，真实核心在进程内；预算：节点 ≤ ${BUDGETS.nodes}，首屏 setData ≤ ${kb(BUDGETS.firstRenderBytes)}，每次实时更新 ≤ ${kb(BUDGETS.updateBytes)}）`,
  );
  console.log('  页面                      节点  深度  最多子节点  首屏 setData  首屏云调用');
  for (const p of pages) {
    const ok = budgetMisses(p).length === 0 ? '✔' : '✖';
    const calls = p.firstScreenCalls.map((c) => `${c.action} ${kb(c.bytes)}`).join('，');
    console.log(
      `${ok} ${p.page.padEnd(22)} ${String(p.nodes).padStart(5)} ${String(p.depth).padStart(5)} ${String(p.maxChildren).padStart(11)} ${kb(p.firstRenderBytes).padStart(13)}  ${calls || '无'}`,
    );
    for (const u of p.updates) {
      const mark = u.bytes <= BUDGETS.updateBytes ? '✔' : '✖';
      const cloud = u.cloud.length > 0 ? `，云调用 ${u.cloud.join('、')}` : '';
      console.log(`      ${mark} ${u.label}：${u.bytes} B（${u.calls} 次 setData${cloud}）`);
    }
  }
  for (const miss of misses.filter((m) => !pages.some((p) => m.startsWith(`${p.page}:`)))) {
    console.log(`✖ ${miss}`);
  }
}
