/**
 * Smoke test of the compiled weapp build (dist/) under miniprogram-simulate: the real tonight page,
 * rendered through Taro's templates, with wx.cloud.callFunction routed in-process to the real core
 * on a real SQLite file. Needs `npm run build:weapp` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import type { Caller, CoreDeps } from '../../server/core/deps';
import { fixedClock } from '../../server/core/clock';
import { dispatch } from '../../server/core/dispatch';
import { seedPilots } from '../../server/core/seed';
import type { Store } from '../../server/core/ports';
import { openSqliteStore } from '../../server/stores/sqlite';

const DIST = path.resolve(__dirname, '../../dist');
const PAGE = 'pages/tonight/index';
const CALLER: Caller = { userId: 'wx:test-openid' };

type Fn = (...args: unknown[]) => unknown;
type Options = Record<string, unknown>;
interface PageInstance {
  route?: string;
  [key: string]: unknown;
}

/** The query the next page instance loads with (a mini-program page gets it in onLoad). */
let pageQuery: Record<string, string> = {};
const pages: PageInstance[] = [];
const storage = new Map<string, unknown>();
let deps: CoreDeps | null = null;

const ok = (name: string) => ({ errMsg: `${name}:ok` });

function callFunction(options: Options): Promise<{ result: unknown; errMsg: string }> {
  if (!deps) return Promise.reject(new Error('core not ready'));
  return dispatch(deps, String(options.name), options.data, CALLER).then((result) => ({
    result,
    errMsg: 'cloud.callFunction:ok',
  }));
}

/** Just enough of `wx` for Taro's runtime and our pages. */
function installWx(): void {
  const systemInfo = {
    pixelRatio: 2,
    windowWidth: 375,
    windowHeight: 667,
    screenWidth: 375,
    screenHeight: 667,
    platform: 'devtools',
    language: 'zh_CN',
    SDKVersion: '3.6.0',
    fontSizeSetting: 16,
  };
  const wx: Record<string, unknown> = {
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getAppBaseInfo: () => ({ SDKVersion: '3.6.0', language: 'zh_CN', fontSizeScaleFactor: 1 }),
    nextTick: (cb: () => void) => setTimeout(cb, 0),
    canIUse: () => true,
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    showToast: () => Promise.resolve(ok('showToast')),
    stopPullDownRefresh: () => Promise.resolve(ok('stopPullDownRefresh')),
    navigateTo: () => Promise.resolve(ok('navigateTo')),
    cloud: { init: () => undefined, callFunction },
  };
  Object.assign(globalThis, { wx });
}

/** Mini-program globals: App/getApp, and Page turned into a Component simulate can render. */
function installMiniProgramGlobals(): void {
  let app: Options = {};
  const globals = {
    App: (config: Options) => {
      app = config;
      const launch = config.onLaunch as Fn | undefined;
      launch?.call(config, { path: PAGE, query: {}, scene: 1001 });
      (config.onShow as Fn | undefined)?.call(config, { path: PAGE, query: {}, scene: 1001 });
    },
    getApp: () => app,
    getCurrentPages: () => pages,
    Page: (config: Options) => {
      const methods: Record<string, Fn> = {};
      for (const [key, value] of Object.entries(config)) {
        if (typeof value === 'function') methods[key] = value as Fn;
      }
      const component = (globalThis as unknown as { Component: (o: Options) => void }).Component;
      component({
        data: config.data ?? {},
        methods,
        lifetimes: {
          attached(this: PageInstance) {
            this.route = PAGE;
            pages.push(this);
            (this.onLoad as Fn).call(this, pageQuery);
            (this.onShow as Fn).call(this);
            (this.onReady as Fn).call(this);
          },
        },
      });
    },
  };
  Object.assign(globalThis, globals);
}

async function waitForText(root: Element, text: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(root.textContent ?? '').includes(text)) {
    if (Date.now() > deadline) {
      throw new Error(`"${text}" did not appear; page shows: ${root.textContent ?? ''}`);
    }
    await simulate.sleep(20);
  }
}

let store: (Store & { db: unknown }) | null = null;
let tmpDir = '';

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(`dist/app.js is missing: run npm run build:weapp first (looked in ${DIST})`);
  }
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-weapp-'));
  store = await openSqliteStore(path.join(tmpDir, 'bdb.sqlite'));
  await seedPilots(store);
  // A Wednesday, 18:30 in Suzhou: the pilots are open.
  deps = { store, clock: fixedClock('2026-11-25T18:30:00+08:00'), config: { adminToken: 'x' } };

  installWx();
  installMiniProgramGlobals();
  await import(path.join(DIST, 'app.js'));
});

afterAll(async () => {
  await store?.close();
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true });
});

/** Loads the compiled page with a launch query and waits until `text` shows. */
async function renderTonight(query: Record<string, string>, text: string) {
  pageQuery = query;
  const id = simulate.load(path.join(DIST, PAGE), 'taro-page', { rootPath: DIST });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  const root = page.dom;
  if (!root) throw new Error('the page did not render');
  await waitForText(root, text);
  return { page, root };
}

// The page bundle registers its webpack chunk once per app instance, so one page instance serves
// the tests below, in order.
let rendered: Awaited<ReturnType<typeof renderTonight>> | null = null;

function tonightPage() {
  if (!rendered) throw new Error('the tonight page was not rendered');
  return rendered;
}

describe('weapp build: tonight page', () => {
  beforeAll(async () => {
    rendered = await renderTonight({ c: 'jinse' }, '金色里程');
  });

  it('renders the community, its services and the open status from the real core', () => {
    const { page, root } = tonightPage();
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

  it('switches to elder mode on tap and remembers it', async () => {
    const { page, root } = tonightPage();
    const rootView = root.querySelector('wx-view');
    expect(rootView?.className).toContain('bdb-a11y-root--standard');

    page.querySelectorAll('.bdb-mode-switch__option')[1]?.dispatchEvent('tap');
    await simulate.sleep(50);

    expect(rootView?.className).toContain('bdb-a11y-root--elder');
    expect(storage.get('bdb.elder-mode')).toBe('elder');
  });
});
