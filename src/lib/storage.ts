import Taro from '@tarojs/taro';

/** Storage keys, in one place so nothing collides. */
export const STORAGE_KEYS = {
  community: 'bdb.community',
  elderMode: 'bdb.elder-mode',
} as const;

type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

// Storage can throw (quota, private mode in H5); a lost preference is not worth a crash.
export function readString(key: StorageKey): string | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

export function writeString(key: StorageKey, value: string | null): void {
  try {
    if (value === null) Taro.removeStorageSync(key);
    else Taro.setStorageSync(key, value);
  } catch {
    // ignore: see above
  }
}
