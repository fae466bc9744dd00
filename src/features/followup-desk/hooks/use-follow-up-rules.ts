import { useCallback, useEffect, useState } from 'react';
import { useRemote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import type { FollowUpRule } from '@/types/contract';
import { configureFollowUp, getFollowUpRules } from '../api/follow-ups';

export interface FollowUpRules {
  rules: FollowUpRule[] | null;
  /** The load failed (Chinese), while there are no rules to show. */
  loadError: string | null;
  reload: () => Promise<unknown>;
  busy: boolean;
  /** Saves one rule; resolves to the Chinese refusal, or null once saved. */
  save: (rule: FollowUpRule) => Promise<string | null>;
}

/** 回访设置, loaded when the panel opens (community null: closed, nothing loaded). */
export function useFollowUpRules(community: string | null): FollowUpRules {
  const remote = useRemote(community, getFollowUpRules);
  // The server answers a change with every rule: shown at once, no second load.
  const [saved, setSaved] = useState<FollowUpRule[] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setSaved(null), [remote.data]);

  const save = useCallback(
    async (rule: FollowUpRule) => {
      if (!community) return null;
      setBusy(true);
      try {
        const { service, followUp, delayDays } = rule;
        setSaved(await configureFollowUp({ community, service, followUp, delayDays }));
        return null;
      } catch (e: unknown) {
        return errorMessage(e);
      } finally {
        setBusy(false);
      }
    },
    [community],
  );

  const rules = saved ?? remote.data;
  const loadError = !rules && remote.error ? errorMessage(remote.error) : null;
  return { rules, loadError, reload: remote.reload, busy, save };
}
