import Taro from '@tarojs/taro';
import { errorMessage } from './errors';

/**
 * For a failed user action while the page itself stays usable (e.g. a refresh): a short,
 * non-blocking toast. Page-level load failures are shown inline instead.
 */
export function showActionError(error: unknown): void {
  void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 3000 });
}
