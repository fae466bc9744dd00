import { useCallback, useState } from 'react';
import { readString, STORAGE_KEYS, writeString } from '@/lib/storage';

export interface CommunityChoice {
  /** The community to show, or null when the resident still has to pick one. */
  community: string | null;
  /** The picker is open on purpose ("切换社区"). */
  picking: boolean;
  /** The remembered community no longer exists: the picker says so. */
  lost: boolean;
  choose: (community: string) => void;
  startPicking: () => void;
  cancelPicking: () => void;
  /** The server answered for `community`: remember it for the next visit. */
  confirm: (community: string) => void;
  /** The server does not know `community`: forget it, and ask again if it was the remembered one. */
  forget: (community: string) => void;
}

/**
 * Which community the resident looks at: the one in the launch link or QR code, else the one they
 * picked last time. Only a community the server answered for is remembered, so a mistyped or
 * withdrawn `?c=` never breaks the plain link later.
 */
export function useCommunityChoice(fromLaunch: string | null): CommunityChoice {
  // Picked here, under the launch link of that moment: a new launch link replaces the choice.
  const [picked, setPicked] = useState<{ under: string | null; id: string } | null>(null);
  const chosen = picked?.under === fromLaunch ? picked.id : null;
  const [remembered, setRemembered] = useState(() => readString(STORAGE_KEYS.community));
  const [picking, setPicking] = useState(false);
  const [lost, setLost] = useState(false);
  // A choice made here wins over the launch link, which wins over the remembered community.
  const community = chosen ?? fromLaunch ?? remembered;

  const choose = useCallback(
    (next: string) => {
      setPicked({ under: fromLaunch, id: next });
      setPicking(false);
      setLost(false);
    },
    [fromLaunch],
  );
  const startPicking = useCallback(() => setPicking(true), []);
  const cancelPicking = useCallback(() => setPicking(false), []);

  const confirm = useCallback((id: string) => {
    if (readString(STORAGE_KEYS.community) !== id) writeString(STORAGE_KEYS.community, id);
  }, []);

  const forget = useCallback(
    (id: string) => {
      if (readString(STORAGE_KEYS.community) === id) writeString(STORAGE_KEYS.community, null);
      // A link's unknown community is explained where it failed; a remembered one that is gone
      // (withdrawn, renamed) just sends the resident back to the list.
      if (chosen === null && fromLaunch === null && remembered === id) {
        setRemembered(null);
        setLost(true);
      }
    },
    [chosen, fromLaunch, remembered],
  );

  return { community, picking, lost, choose, startPicking, cancelPicking, confirm, forget };
}
