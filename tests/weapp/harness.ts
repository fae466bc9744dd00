/**
 * What the weapp smoke tests share: the compiled build (dist/) under miniprogram-simulate, with
 * just enough of `wx` for Taro's runtime and our pages, and wx.cloud.callFunction routed
 * in-process to the real core on a real SQLite file. Each test file runs in its own jsdom, so
 * these globals are per file. Needs `npm run build:weapp` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { fixedClock } from '../../server/core/clock';
import type { Caller, CoreDeps } from '../../server/core/deps';
import { dispatch } from '../../server/core/dispatch';
import type { Store } from '../../server/core/ports';
import { seedPilots } from '../../server/core/seed';
import { openSqliteStore } from '../../server/stores/sqlite';

export const DIST = path.resolve(__dirname, '../../dist');
/** The resident the mini-program runs as (WeChat attaches the openid to every call). */
export const CALLER: Caller = { userId: 'wx:test-openid' };
/** The admin secret of the in-process core: redeeming it through staff.redeem makes an admin. */
export const ADMIN_TOKEN = 'weapp-smoke-admin-secret';
/** A Wednesday, 18:30 in Suzhou: the pilots are open. */
export const WEDNESDAY_1830 = '2026-11-25T18:30:00+08:00';

type Fn = (...args: unknown[]) => unknown;
type Options = Record<string, unknown>;
export interface PageInstance {
  route?: string;
  [key: string]: unknown;
}

/** What the pages asked a `watch()` for, and its handlers, so a test can push a change. */
export interface Watch {
  collection: string;
  where: unknown;
  onChange: (snapshot: unknown) => void;
  onError: (error: unknown) => void;
}

export interface Harness {
  deps: CoreDeps;
  /** The mini-program's storage. */
  storage: Map<string, unknown>;
  /** Watches the pages opened on the cloud database, in order. */
  watches: Watch[];
  /** wx APIs the pages called, by name (vibrateLong, reLaunch…). */
  calls: Map<string, unknown[]>;
  /** Runs an action as `caller` (default: the mini-program's resident). */
  run: (fn: string, body: Record<string, unknown>, caller?: Caller) => Promise<unknown>;
  /** Loads a compiled page with a launch query and waits until `text` shows. */
  renderPage: (route: string, query: Record<string, string>, text: string) => Promise<Rendered>;
  close: () => Promise<void>;
}

export interface Rendered {
  page: ReturnType<typeof simulate.render>;
  root: Element;
}

const ok = (name: string) => ({ errMsg: `${name}:ok` });

export async function waitForText(root: Element, text: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(root.textContent ?? '').includes(text)) {
    if (Date.now() > deadline) {
      throw new Error(`"${text}" did not appear; page shows: ${root.textContent ?? ''}`);
    }
    await simulate.sleep(20);
  }
}

/** Starts the core on a temporary SQLite file, stubs the mini-program and loads dist/app.js. */
export async function startWeapp(clockIso = WEDNESDAY_1830): Promise<Harness> {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(`dist/app.js is missing: run npm run build:weapp first (looked in ${DIST})`);
  }
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-weapp-'));
  const store: Store & { close(): Promise<void> } = await openSqliteStore(
    path.join(tmpDir, 'bdb.sqlite'),
  );
  await seedPilots(store);
  const deps: CoreDeps = {
    store,
    clock: fixedClock(clockIso),
    config: { adminToken: ADMIN_TOKEN },
  };

  const storage = new Map<string, unknown>();
  const watches: Watch[] = [];
  const calls = new Map<string, unknown[]>();
  const record = (name: string) => (options?: unknown) => {
    calls.set(name, [...(calls.get(name) ?? []), options]);
    return Promise.resolve(ok(name));
  };
  const run = (fn: string, body: Record<string, unknown>, caller: Caller = CALLER) =>
    dispatch(deps, fn, body, caller);

  installWx({ storage, watches, record, run });
  const pageRoute = { current: '' };
  const pages: PageInstance[] = [];
  const pageQuery = { current: {} as Record<string, string> };
  installMiniProgramGlobals(pageRoute, pageQuery, pages);
  await import(path.join(DIST, 'app.js'));

  const renderPage = async (route: string, query: Record<string, string>, text: string) => {
    pageRoute.current = route;
    pageQuery.current = query;
    const id = simulate.load(path.join(DIST, route), 'taro-page', { rootPath: DIST });
    const page = simulate.render(id);
    page.attach(document.createElement('parent-wrapper'));
    const root = page.dom;
    if (!root) throw new Error('the page did not render');
    await waitForText(root, text);
    return { page, root };
  };

  const close = async () => {
    await store.close();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  };

  return { deps, storage, watches, calls, run, renderPage, close };
}

interface WxParts {
  storage: Map<string, unknown>;
  watches: Watch[];
  record: (name: string) => (options?: unknown) => Promise<{ errMsg: string }>;
  run: Harness['run'];
}

/** Just enough of `wx` for Taro's runtime and our pages. */
function installWx({ storage, watches, record, run }: WxParts): void {
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
  const callFunction = (options: Options) =>
    run(String(options.name), options.data as Record<string, unknown>).then((result) => ({
      result,
      errMsg: 'cloud.callFunction:ok',
    }));
  const database = () => ({
    collection: (collection: string) => ({
      where: (where: unknown) => ({
        watch: (handlers: Pick<Watch, 'onChange' | 'onError'>) => {
          watches.push({ collection, where, ...handlers });
          return { close() {} };
        },
      }),
    }),
  });
  const wx: Record<string, unknown> = {
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getAppBaseInfo: () => ({ SDKVersion: '3.6.0', language: 'zh_CN', fontSizeScaleFactor: 1 }),
    nextTick: (cb: () => void) => setTimeout(cb, 0),
    canIUse: () => true,
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    showToast: record('showToast'),
    stopPullDownRefresh: record('stopPullDownRefresh'),
    navigateTo: record('navigateTo'),
    pageScrollTo: record('pageScrollTo'),
    reLaunch: record('reLaunch'),
    vibrateLong: record('vibrateLong'),
    vibrateShort: record('vibrateShort'),
    requestSubscribeMessage: record('requestSubscribeMessage'),
    cloud: { init: () => undefined, callFunction, database },
  };
  Object.assign(globalThis, { wx });
}

/** Mini-program globals: App/getApp, and Page turned into a Component simulate can render. */
function installMiniProgramGlobals(
  route: { current: string },
  query: { current: Record<string, string> },
  pages: PageInstance[],
): void {
  let app: Options = {};
  const globals = {
    App: (config: Options) => {
      app = config;
      const launch = { path: route.current, query: {}, scene: 1001 };
      (config.onLaunch as Fn | undefined)?.call(config, launch);
      (config.onShow as Fn | undefined)?.call(config, launch);
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
            this.route = route.current;
            pages.push(this);
            (this.onLoad as Fn).call(this, query.current);
            (this.onShow as Fn).call(this);
            (this.onReady as Fn).call(this);
          },
        },
      });
    },
  };
  Object.assign(globalThis, globals);
}
