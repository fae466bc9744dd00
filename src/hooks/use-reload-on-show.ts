import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/** Loads again when the page comes back on screen (the first show is the first load). */
export function useReloadOnShow(reload: () => Promise<unknown>): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
}
