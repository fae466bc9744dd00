/**
 * Smoke test of the compiled weapp build (dist/) under miniprogram-simulate: the real tonight page,
 * rendered through Taro's templates, with wx.cloud.callFunction routed in-process to the real core
 * on a real SQLite file (tests/weapp/harness.ts). Needs `npm run build:weapp` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { DIST, startWeapp, type Harness, type Rendered } from './harness';

const PAGE = 'pages/tonight/index';

let harness: Harness | null = null;
// The page bundle registers its webpack chunk once per app instance, so one page instance serves
// the tests below, in order.
let rendered: Rendered | null = null;

function tonightPage() {
  if (!harness || !rendered) throw new Error('the tonight page was not rendered');
  return { ...rendered, storage: harness.storage };
}

beforeAll(async () => {
  harness = await startWeapp();
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
    await simulate.sleep(50);

    expect(rootView?.className).toContain('bdb-a11y-root--elder');
    expect(storage.get('bdb.elder-mode')).toBe('elder');
  });
});
