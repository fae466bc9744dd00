/**
 * Mini-program transport: WeChat cloud functions. Identity is the caller's openid, which the
 * platform attaches to every call, so there is no session step.
 */
import Taro from '@tarojs/taro';
import { ensureCloud, resetCloudForTests } from '@/lib/cloud';
import type { Identity } from '@/types/contract';
import { networkError, unwrap } from './errors';

/** Sends one action to one function and returns the raw envelope. */
export async function send(fn: string, payload: Record<string, unknown>): Promise<unknown> {
  ensureCloud();
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: payload });
    return res.result;
  } catch {
    throw networkError();
  }
}

/** Who the caller is, from `staff.me`. */
export async function getSession(): Promise<Identity> {
  return unwrap<Identity>(await send('staff', { action: 'me' }));
}

export function resetSessionForTests(): void {
  resetCloudForTests();
}
