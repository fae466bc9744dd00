import { useCallback, useState } from 'react';
import { readString, STORAGE_KEYS, writeString } from '@/lib/storage';
import { readFontSetting } from '../font-setting';

export interface ElderMode {
  elder: boolean;
  /** WeChat's font scale factor, applied on top of either mode. */
  fontFactor: number;
  /** An explicit choice: remembered, and it beats WeChat's font setting from then on. */
  setElder: (elder: boolean) => void;
}

function initialElder(largeFont: boolean): boolean {
  const stored = readString(STORAGE_KEYS.elderMode);
  if (stored === 'elder') return true;
  if (stored === 'standard') return false;
  return largeFont;
}

export function useElderMode(): ElderMode {
  const [font] = useState(readFontSetting);
  const [elder, setElderState] = useState(() => initialElder(font.large));
  const setElder = useCallback((next: boolean) => {
    setElderState(next);
    writeString(STORAGE_KEYS.elderMode, next ? 'elder' : 'standard');
  }, []);
  return { elder, fontFactor: font.factor, setElder };
}
