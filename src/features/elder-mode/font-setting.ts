import Taro from '@tarojs/taro';

/** WeChat's own font setting (我 → 设置 → 通用 → 字体大小), as far as the platform tells us. */
export interface FontSetting {
  /** Multiplier for our text sizes, clamped to 1…2 (we never go below our own minimums). */
  factor: number;
  /** The resident chose large text in WeChat: start in elder mode. */
  large: boolean;
}

// Older Taro typings lack these two fields of wx.getAppBaseInfo().
interface AppBaseInfoFont {
  fontSizeSetting?: unknown;
  fontSizeScaleFactor?: unknown;
}

const LARGE_FACTOR = 1.2;
const LARGE_SETTING_PX = 20;

function toNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function readFontSetting(): FontSetting {
  let info: AppBaseInfoFont | undefined;
  try {
    // Missing in H5 and old base libraries; any failure means "no preference".
    info = Taro.getAppBaseInfo?.() as AppBaseInfoFont | undefined;
  } catch {
    info = undefined;
  }
  const raw = toNumber(info?.fontSizeScaleFactor) ?? 1;
  const factor = Math.min(2, Math.max(1, raw));
  const settingPx = toNumber(info?.fontSizeSetting) ?? 0;
  return { factor, large: factor >= LARGE_FACTOR || settingPx >= LARGE_SETTING_PX };
}
