/**
 * WeChat cloud initialisation, shared by the weapp transport and the weapp line feed (only
 * mini-program files import this; H5 never calls Taro.cloud).
 */
import Taro from '@tarojs/taro';

let initialised = false;

export function ensureCloud(): void {
  if (initialised) return;
  // An empty env id means "the mini-program's default environment".
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true });
  initialised = true;
}

/** Test hook: the next call initialises again. */
export function resetCloudForTests(): void {
  initialised = false;
}
