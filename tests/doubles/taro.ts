/**
 * A small stand-in for @tarojs/taro in jest (mapped in jest.config.js): storage over a Map, UI
 * calls as jest.fn, page hooks wired to React effects, and a router whose params tests set.
 * Call `resetTaroDouble()` in beforeEach.
 */
import { useEffect, useRef } from 'react';

const storage = new Map<string, unknown>();
let routerParams: Record<string, string | undefined> = {};
let appBaseInfo: Record<string, unknown> = { language: 'zh_CN' };
const pullDownHandlers = new Set<() => void>();
const hideHandlers = new Set<() => void>();
const showHandlers = new Set<() => void>();

export function getStorageSync(key: string): unknown {
  return storage.has(key) ? storage.get(key) : '';
}
export function setStorageSync(key: string, value: unknown): void {
  storage.set(key, value);
}
export function removeStorageSync(key: string): void {
  storage.delete(key);
}

export const showToast = jest.fn(() => Promise.resolve({ errMsg: 'showToast:ok' }));
export const navigateTo = jest.fn(() => Promise.resolve({ errMsg: 'navigateTo:ok' }));
export const reLaunch = jest.fn(() => Promise.resolve({ errMsg: 'reLaunch:ok' }));
export const stopPullDownRefresh = jest.fn();
export const pageScrollTo = jest.fn(() => Promise.resolve({ errMsg: 'pageScrollTo:ok' }));
export const vibrateLong = jest.fn(() => Promise.resolve({ errMsg: 'vibrateLong:ok' }));
export const vibrateShort = jest.fn(() => Promise.resolve({ errMsg: 'vibrateShort:ok' }));
export const setKeepScreenOn = jest.fn((_options: { keepScreenOn: boolean }) =>
  Promise.resolve({ errMsg: 'setKeepScreenOn:ok' }),
);
export const requestSubscribeMessage = jest.fn(() =>
  Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' }),
);
export const getAppBaseInfo = jest.fn(() => appBaseInfo);

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB' } as const;
export const getEnv = jest.fn(() => ENV_TYPE.WEB);

export const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(),
  database: jest.fn(),
};

export function useRouter() {
  return { params: routerParams, path: '' };
}

/** Runs once after mount, like Taro's onLoad. */
export function useLoad(handler: (params: Record<string, string | undefined>) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => ref.current(routerParams), []);
}

/** Runs once after mount (the page's first show), and on `triggerDidShow()`. */
export function useDidShow(handler: () => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const run = () => ref.current();
    showHandlers.add(run);
    run();
    return () => {
      showHandlers.delete(run);
    };
  }, []);
}

/** Runs on `triggerDidHide()`: another page covers this one, or the app went to the background. */
export function useDidHide(handler: () => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const run = () => ref.current();
    hideHandlers.add(run);
    return () => {
      hideHandlers.delete(run);
    };
  }, []);
}

export function usePullDownRefresh(handler: () => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const run = () => ref.current();
    pullDownHandlers.add(run);
    return () => {
      pullDownHandlers.delete(run);
    };
  }, []);
}

// ----- test controls -----

/** Simulates the page being covered (navigateTo another page) or the app going to background. */
export function triggerDidHide(): void {
  hideHandlers.forEach((run) => run());
}

/** Simulates the page coming back on screen. */
export function triggerDidShow(): void {
  showHandlers.forEach((run) => run());
}

/** Simulates the user pulling the page down. */
export function triggerPullDownRefresh(): void {
  pullDownHandlers.forEach((run) => run());
}

export function setRouterParams(params: Record<string, string | undefined>): void {
  routerParams = params;
}

export function setAppBaseInfo(info: Record<string, unknown>): void {
  appBaseInfo = info;
}

export function peekStorage(key: string): unknown {
  return storage.get(key);
}

export function resetTaroDouble(): void {
  storage.clear();
  routerParams = {};
  appBaseInfo = { language: 'zh_CN' };
  pullDownHandlers.clear();
  hideHandlers.clear();
  showHandlers.clear();
  showToast.mockClear();
  navigateTo.mockClear();
  reLaunch.mockClear();
  stopPullDownRefresh.mockClear();
  pageScrollTo.mockClear();
  vibrateLong.mockClear();
  vibrateShort.mockClear();
  setKeepScreenOn.mockClear();
  requestSubscribeMessage.mockClear();
  getAppBaseInfo.mockClear();
  cloud.init.mockClear();
  cloud.callFunction.mockClear();
  cloud.database.mockReset();
}

const Taro = {
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  showToast,
  navigateTo,
  reLaunch,
  stopPullDownRefresh,
  pageScrollTo,
  vibrateLong,
  vibrateShort,
  setKeepScreenOn,
  requestSubscribeMessage,
  getAppBaseInfo,
  getEnv,
  ENV_TYPE,
  cloud,
  useRouter,
  useLoad,
  useDidShow,
  useDidHide,
  usePullDownRefresh,
};

export default Taro;
