/**
 * What the weapp smoke tests share: the compiled build (dist/) under miniprogram-simulate, with
 * just enough of `wx` for Taro's runtime and our pages. As in production, the mini-program talks
 * to CloudBase: wx.cloud.callFunction runs the real core in-process on the CloudBase store, and
 * wx.cloud.database() is the CloudBase emulator as a client sees it (security rules applied), so
 * a page's watch() gets the snapshots the emulator delivers when a change commits. Each test
 * file runs in its own jsdom, so these globals are per file. Needs `npm run build:weapp` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { BASE_LEVEL } from '../../config/base-level';
import { fixedClock } from '../../server/core/clock';
import type { Caller, CoreDeps } from '../../server/core/deps';
import { dispatch } from '../../server/core/dispatch';
import { seedPilots } from '../../server/core/seed';
import {
  COLLECTIONS,
  createCloudBaseStore,
  type CloudDatabase,
} from '../../server/stores/cloudbase';
import {
  createCloudBaseEmulator,
  type CloudBaseEmulator,
} from '../../server/testing/cloudbase-emulator';

export const DIST = path.resolve(__dirname, '../../dist');
/** The resident the mini-program runs as (WeChat attaches the openid to every call). */
export const CALLER: Caller = { userId: 'wx:test-openid' };
/** The admin secret of the in-process core: redeeming it through staff.redeem makes an admin. */
export const ADMIN_TOKEN = 'weapp-smoke-admin-secret';
/** The functions' PUBLIC_URL: 本周海报's QR code points at the tonight page under it. */
export const PUBLIC_URL = 'https://badianban.example.cn';
/** A Wednesday, 18:30 in Suzhou: the pilots are open. */
export const WEDNESDAY_1830 = '2026-11-25T18:30:00+08:00';

type Fn = (...args: unknown[]) => unknown;
type Options = Record<string, unknown>;
export interface PageInstance {
  route?: string;
  [key: string]: unknown;
}

/** What the pages asked a `watch()` for (the emulator delivers its snapshots). */
export interface Watch {
  collection: string;
  where: unknown;
}

export interface Harness {
  deps: CoreDeps;
  /** The CloudBase database behind the functions and the pages' watches. */
  emulator: CloudBaseEmulator;
  /** The mini-program's storage. */
  storage: Map<string, unknown>;
  /** Watches the pages opened on the cloud database, in order. */
  watches: Watch[];
  /** wx APIs the pages called, by name (vibrateLong, reLaunch…). */
  calls: Map<string, unknown[]>;
  /** Every wx.cloud.callFunction the pages made, in order: what a resident's visit costs. */
  functionCalls: FunctionCall[];
  /** Every setData a page sent to the view layer, in order, with its size (setdata-meter.ts). */
  setData: SetDataCall[];
  /** Runs an action as `caller` (default: the mini-program's resident). */
  run: (fn: string, body: Record<string, unknown>, caller?: Caller) => Promise<unknown>;
  /**
   * Loads a compiled page with a launch query and waits until `text` shows; throws when the page
   * is deeper than the templates, unless `deep` allows it (the audit reports it as a miss).
   */
  renderPage: (
    route: string,
    query: Record<string, string>,
    text: string,
    deep?: 'allow',
  ) => Promise<Rendered>;
  close: () => Promise<void>;
}

/** One cloud function invocation: the function and its action ("community.tonight"). */
export interface FunctionCall {
  name: string;
  data: Record<string, unknown>;
  /** "<function>.<action>", for readable assertions. */
  action: string;
  /** The answer's size as JSON (set once it came back). */
  bytes?: number;
}

/** One setData: the page's route and the bytes WeChat carries to the view layer (its JSON). */
export interface SetDataCall {
  route: string;
  bytes: number;
  data: Record<string, unknown>;
}

export interface Rendered {
  page: ReturnType<typeof simulate.render>;
  root: Element;
}

interface TaroNode {
  cn?: TaroNode[];
}

/**
 * How deep the page's element tree goes (text nodes included), as Taro sends it in setData: the
 * template level its deepest node needs.
 */
export function depthOf(rendered: Rendered): number {
  const depth = (node: TaroNode): number => 1 + Math.max(0, ...(node.cn ?? []).map(depth));
  const root = (rendered.page as unknown as { data: { root?: TaroNode } }).data.root;
  return root ? depth(root) - 1 : 0;
}

const ok = (name: string) => ({ errMsg: `${name}:ok` });
const encoder = new TextEncoder();

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
  const emulator = createCloudBaseEmulator({ collections: COLLECTIONS });
  const store = createCloudBaseStore(emulator.database() as unknown as CloudDatabase);
  await seedPilots(store);
  const deps: CoreDeps = {
    store,
    clock: fixedClock(clockIso),
    config: { adminToken: ADMIN_TOKEN, publicUrl: PUBLIC_URL },
  };

  const storage = new Map<string, unknown>();
  const watches: Watch[] = [];
  const functionCalls: FunctionCall[] = [];
  const setData: SetDataCall[] = [];
  const calls = new Map<string, unknown[]>();
  const record = (name: string) => (options?: unknown) => {
    calls.set(name, [...(calls.get(name) ?? []), options]);
    return Promise.resolve(ok(name));
  };
  const run = (fn: string, body: Record<string, unknown>, caller: Caller = CALLER) =>
    dispatch(deps, fn, body, caller);

  const client = emulator.clientDatabase(CALLER.userId!.replace(/^wx:/, ''));
  installWx({ storage, watches, functionCalls, record, run, client });
  const pageRoute = { current: '' };
  const pages: PageInstance[] = [];
  const pageQuery = { current: {} as Record<string, string> };
  installMiniProgramGlobals(pageRoute, pageQuery, pages, setData);
  await import(path.join(DIST, 'app.js'));

  const renderPage = async (
    route: string,
    query: Record<string, string>,
    text: string,
    deep?: 'allow',
  ) => {
    pageRoute.current = route;
    pageQuery.current = query;
    const id = simulate.load(path.join(DIST, route), 'taro-page', { rootPath: DIST });
    const page = simulate.render(id);
    page.attach(document.createElement('parent-wrapper'));
    const root = page.dom;
    if (!root) throw new Error('the page did not render');
    await waitForText(root, text);
    // Deeper than mini.baseLevel, Taro falls back to its recursive comp component: raise
    // BASE_LEVEL (config/base-level.ts) or flatten the page.
    const depth = depthOf({ page, root });
    if (depth > BASE_LEVEL && deep !== 'allow') {
      throw new Error(`${route} is ${depth} levels deep, more than mini.baseLevel (${BASE_LEVEL})`);
    }
    return { page, root };
  };

  const close = async () => {
    await store.close();
  };

  return {
    deps,
    emulator,
    storage,
    watches,
    calls,
    functionCalls,
    setData,
    run,
    renderPage,
    close,
  };
}

interface WxParts {
  storage: Map<string, unknown>;
  watches: Watch[];
  functionCalls: FunctionCall[];
  record: (name: string) => (options?: unknown) => Promise<{ errMsg: string }>;
  run: Harness['run'];
  client: ReturnType<CloudBaseEmulator['clientDatabase']>;
}

/** Just enough of `wx` for Taro's runtime and our pages. */
function installWx({ storage, watches, functionCalls, record, run, client }: WxParts): void {
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
  const callFunction = (options: Options) => {
    const name = String(options.name);
    const data = options.data as Record<string, unknown>;
    const call: FunctionCall = { name, data, action: `${name}.${String(data.action)}` };
    functionCalls.push(call);
    return run(name, data).then((result) => {
      call.bytes = encoder.encode(JSON.stringify(result)).length;
      return { result, errMsg: 'cloud.callFunction:ok' };
    });
  };
  // The client's view of CloudBase; watches are recorded, then served by the emulator.
  const database = () => ({
    collection: (collection: string) => ({
      where: (where: unknown) => ({
        watch: (handlers: { onChange(s: unknown): void; onError(e: unknown): void }) => {
          watches.push({ collection, where });
          return client.collection(collection).where(where).watch(handlers);
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
    setKeepScreenOn: record('setKeepScreenOn'),
    requestSubscribeMessage: record('requestSubscribeMessage'),
    cloud: { init: () => undefined, callFunction, database },
  };
  Object.assign(globalThis, { wx });
}

/**
 * Counts what the page sends to the view layer: WeChat serialises each setData to JSON and its
 * size is what the audit (and the 1 MB / "setData too large" warnings) measure.
 */
function recordSetData(page: PageInstance, log: SetDataCall[]): void {
  const own = page.setData as Fn;
  const route = String(page.route);
  page.setData = (data: Record<string, unknown>, callback?: () => void) => {
    log.push({ route, bytes: encoder.encode(JSON.stringify(data)).length, data });
    return own.call(page, data, callback);
  };
}

/** Mini-program globals: App/getApp, and Page turned into a Component simulate can render. */
function installMiniProgramGlobals(
  route: { current: string },
  query: { current: Record<string, string> },
  pages: PageInstance[],
  setData: SetDataCall[],
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
            recordSetData(this, setData);
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
