import { useDidHide, useDidShow } from '@tarojs/taro';
import { useState } from 'react';

/**
 * Is this page the one on screen? A page under another one in the stack (tonight under the
 * ticket page) or an app in the background should not hold a live connection open.
 */
export function usePageShown(): boolean {
  const [shown, setShown] = useState(true);
  useDidShow(() => setShown(true));
  useDidHide(() => setShown(false));
  return shown;
}
