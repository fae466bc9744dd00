/**
 * Smoke test of the compiled weapp build (dist/) under miniprogram-simulate: the real tonight page,
 * rendered through Taro's templates, with wx.cloud.callFunction routed in-process to the real core
 * on a real SQLite file (tests/weapp/harness.ts). Needs `npm run build:weapp` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import type { Envelope } from '../../contract/envelope';
import type { Ticket } from '../../contract/queue';
import { BASE_LEVEL } from '../../config/base-level';
import {
  ADMIN_TOKEN,
  depthOf,
  DIST,
  startWeapp,
  waitForText,
  type Harness,
  type Rendered,
} from './harness';

const PAGE = 'pages/tonight/index';

let harness: Harness | null = null;
// The page bundle registers its webpack chunk once per app instance, so one page instance serves
// the tests below, in order.
let rendered: Rendered | null = null;
/** The number the mini-program's resident took before opening the page. */
let mine: Ticket | null = null;

function tonightPage() {
  if (!harness || !rendered) throw new Error('the tonight page was not rendered');
  return { ...rendered, storage: harness.storage, functionCalls: harness.functionCalls };
}

beforeAll(async () => {
  harness = await startWeapp();
  const joined = (await harness.run('queue', {
    action: 'join',
    community: 'jinse',
    queue: 'health',
    requestId: 'weapp-smoke-tonight-01',
  })) as Envelope<Ticket>;
  if (!joined.ok) throw new Error(`join failed: ${joined.error.message}`);
  mine = joined.data;
  rendered = await harness.renderPage(PAGE, { c: 'jinse' }, '金色里程');
});

afterAll(async () => {
  await harness?.close();
});

describe('weapp build: tonight page', () => {
  it('renders the community, its services and the open status from the real core', () => {
    const { page, root, storage } = tonightPage();
    const text = root.textContent ?? '';
    expect(text).toContain('健康检测');
    expect(text).toContain('开放中 17:00–20:00');
    expect(text).toContain('11月25日 周三');
    expect(storage.get('bdb.community')).toBe('jinse');

    // aria-* reach the templates under the runtime's short names (config/plugins/weapp-aria.ts);
    // an un-shortened key would mean the template never sees the value.
    const data = JSON.stringify(page.data);
    expect(data).toContain('"polite"');
    expect(data).not.toContain('"ariaLive"');
    expect(fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8')).toContain('aria-live=');
  });

  it('costs one cloud call: community.tonight, with my ticket in it', () => {
    const { root, functionCalls } = tonightPage();
    expect(functionCalls.map((c) => [c.action, c.data])).toEqual([
      ['community.tonight', { action: 'tonight', community: 'jinse' }],
    ]);
    const text = root.textContent ?? '';
    expect(text).toContain('我的号（今晚 1 张）');
    expect(text).toContain(`健康检测 ${mine?.label ?? '?'} · 排队中`);
  });

  it('offers 取号 on the two walk-in lines and follows them live', () => {
    const { page } = tonightPage();
    const buttons = page.querySelectorAll('.bdb-queue-join__button');
    expect(buttons.map((b) => b.dom?.textContent?.trim())).toEqual(['取号', '取号']);
    expect(harness?.watches.map((w) => [w.collection, w.where])).toEqual([
      ['queue_lines', { community: 'jinse' }],
    ]);
  });

  it('switches to elder mode on tap and remembers it', async () => {
    const { page, root, storage } = tonightPage();
    const rootView = root.querySelector('wx-view');
    expect(rootView?.className).toContain('bdb-a11y-root--standard');

    page.querySelectorAll('.bdb-mode-switch__option')[1]?.dispatchEvent('tap');
    // setData lands after a tick, later on a busy machine.
    for (let waited = 0; !rootView?.className.includes('--elder') && waited < 2000; waited += 50) {
      await simulate.sleep(50);
    }

    expect(rootView?.className).toContain('bdb-a11y-root--elder');
    expect(storage.get('bdb.elder-mode')).toBe('elder');
  });

  it('calls me on the tonight page itself: the full screen, long vibrations, 我的号 已叫号', async () => {
    const { page, root, functionCalls } = tonightPage();
    const h = harness!;
    const desk = { userId: 'wx:tonight-desk' };
    const redeemed = (await h.run(
      'staff',
      { action: 'redeem', code: ADMIN_TOKEN },
      desk,
    )) as Envelope<unknown>;
    expect(redeemed.ok).toBe(true);
    // The screen is kept on while my number waits.
    expect(h.calls.get('setKeepScreenOn')?.[0]).toMatchObject({ keepScreenOn: true });
    const before = functionCalls.length;

    const called = (await h.run(
      'queue',
      { action: 'callNext', community: 'jinse', queue: 'health' },
      desk,
    )) as Envelope<unknown>;
    expect(called.ok).toBe(true);

    await waitForText(root, `请 ${mine?.label ?? '?'} 到服务台`);
    expect(page.querySelectorAll('.bdb-called')).toHaveLength(1);
    expect(root.textContent).toContain(`健康检测 ${mine?.label ?? '?'} · 已叫号`);
    const pulses = () => h.calls.get('vibrateLong')?.length ?? 0;
    for (let waited = 0; pulses() < 3 && waited < 5000; waited += 100) {
      await simulate.sleep(100);
    }
    expect(pulses()).toBeGreaterThanOrEqual(3);
    // The watched line alone: no cloud call for the call.
    expect(functionCalls.slice(before)).toEqual([]);

    page.querySelectorAll('.bdb-called__dismiss')[0]?.dispatchEvent('tap');
    await simulate.sleep(100);
    expect(page.querySelectorAll('.bdb-called')).toHaveLength(0);
    expect(root.textContent).toContain(`健康检测 ${mine?.label ?? '?'} · 已叫号`);
  });

  it('fits in the template levels the build compiles (mini.baseLevel), with its elder mode on', () => {
    const depth = depthOf(tonightPage());
    expect(depth).toBeGreaterThan(3);
    expect(depth).toBeLessThanOrEqual(BASE_LEVEL);
    const base = fs.readFileSync(path.join(DIST, 'base.wxml'), 'utf8');
    expect(base).toContain(`name="tmpl_${BASE_LEVEL - 1}_container"`);
    expect(base).not.toContain(`name="tmpl_${BASE_LEVEL}_`);
  });
});
