import Taro from '@tarojs/taro';
import { act, renderHook } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import { useDeskRun, type RunOptions, type RunResult } from './use-desk-run';

const refusal = (field?: string) =>
  new GatewayError({ code: 'BAD_INPUT', message: '名额请填 1 到 50', ...(field ? { field } : {}) });

/** Runs one action to its end; resolves to its result. */
async function runOnce<T>(
  hook: { current: ReturnType<typeof useDeskRun> },
  action: () => Promise<T>,
  options?: RunOptions<T>,
): Promise<RunResult<T>> {
  let result: RunResult<T> | null = null;
  await act(async () => {
    result = await hook.current.run(action, options);
  });
  if (!result) throw new Error('the run did not end');
  return result;
}

beforeEach(() => jest.mocked(Taro.pageScrollTo).mockClear());

describe('useDeskRun', () => {
  it('is busy while the action runs, loads the page again, then says what was done', async () => {
    const reload = jest.fn(() => Promise.resolve());
    const { result: hook } = renderHook(() => useDeskRun(reload));
    let finish: (value: number) => void = () => undefined;
    let running: Promise<RunResult<number>> | null = null;
    act(() => {
      running = hook.current.run(() => new Promise<number>((r) => (finish = r)), {
        done: (n) => `已保存 ${n} 项`,
      });
    });
    expect(hook.current.busy).toBe(true);
    await act(async () => {
      finish(3);
      await running;
    });
    expect(hook.current.busy).toBe(false);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(hook.current.feedback).toEqual({ kind: 'success', text: '已保存 3 项' });
    expect(Taro.pageScrollTo).not.toHaveBeenCalled();
  });

  it('says a refusal in Chinese, and loads again after it too (someone else may have changed it)', async () => {
    const reload = jest.fn(() => Promise.resolve());
    const { result: hook } = renderHook(() => useDeskRun(reload));
    const result = await runOnce(hook, () => Promise.reject(refusal()), {
      done: '不会说这句',
      scrollTop: true,
    });
    expect(result).toMatchObject({ ok: false, message: '名额请填 1 到 50' });
    expect(hook.current.feedback).toEqual({ kind: 'error', text: '名额请填 1 到 50' });
    expect(reload).toHaveBeenCalledTimes(1);
    expect(Taro.pageScrollTo).toHaveBeenCalledTimes(1);
  });

  it('leaves a field’s refusal to the field: no line, no scroll', async () => {
    const { result: hook } = renderHook(() => useDeskRun());
    const result = await runOnce(hook, () => Promise.reject(refusal('seats')), {
      isField: (f) => f === 'seats',
      scrollTop: true,
    });
    expect(result.ok).toBe(false);
    expect(hook.current.feedback).toBeNull();
    expect(Taro.pageScrollTo).not.toHaveBeenCalled();
  });

  it('says nothing for a form that says its outcome itself, and skips the reload when asked', async () => {
    const reload = jest.fn(() => Promise.resolve());
    const { result: hook } = renderHook(() => useDeskRun(reload));
    await runOnce(hook, () => Promise.reject(refusal()), { inForm: true });
    expect(hook.current.feedback).toBeNull();
    await runOnce(hook, () => Promise.resolve('已导出'), { done: (s) => s, reload: false });
    expect(hook.current.feedback).toEqual({ kind: 'success', text: '已导出' });
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
