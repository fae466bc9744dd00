import { useCallback, useEffect, useState } from 'react';
import { readString, STORAGE_KEYS, writeString } from '@/lib/storage';

export interface CommunityChoice {
  /** The community to show, or null when the resident still has to pick one. */
  community: string | null;
  /** The picker is open on purpose ("切换社区"). */
  picking: boolean;
  choose: (community: string) => void;
  startPicking: () => void;
  cancelPicking: () => void;
}

/**
 * Which community the resident looks at: the one in the launch link or QR code, else the one they
 * picked last time. Both are remembered, so opening the app from the chat list later still works.
 */
export function useCommunityChoice(fromLaunch: string | null): CommunityChoice {
  const [community, setCommunity] = useState<string | null>(
    () => fromLaunch ?? readString(STORAGE_KEYS.community),
  );
  const [picking, setPicking] = useState(false);

  useEffect(() => {
    if (fromLaunch === null) return;
    setCommunity(fromLaunch);
    writeString(STORAGE_KEYS.community, fromLaunch);
  }, [fromLaunch]);

  const choose = useCallback((next: string) => {
    setCommunity(next);
    setPicking(false);
    writeString(STORAGE_KEYS.community, next);
  }, []);
  const startPicking = useCallback(() => setPicking(true), []);
  const cancelPicking = useCallback(() => setPicking(false), []);

  return { community, picking, choose, startPicking, cancelPicking };
}
