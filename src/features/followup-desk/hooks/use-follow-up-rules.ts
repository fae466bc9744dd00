import { useCallback, useEffect, useState } from 'react';
import { useDeskRun, type Feedback } from '@/hooks/use-desk-run';
import { useRemote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import type { FollowUpRule } from '@/types/contract';
import { configureFollowUp, getFollowUpRules } from '../api/follow-ups';
import { delayText } from '../model/rules';

export interface FollowUpRules {
  rules: FollowUpRule[] | null;
  /** The load failed (Chinese), while there are no rules to show. */
  loadError: string | null;
  reload: () => Promise<unknown>;
  busy: boolean;
  /** What the last save came to: "已保存：…", or the refusal. */
  feedback: Feedback;
  /** Saves one rule. */
  save: (rule: FollowUpRule) => Promise<void>;
}

/** 回访设置, loaded when the panel opens (community null: closed, nothing loaded). */
export function useFollowUpRules(community: string | null): FollowUpRules {
  const remote = useRemote(community, getFollowUpRules);
  // The server answers a change with every rule: shown at once, no second load.
  const [saved, setSaved] = useState<FollowUpRule[] | null>(null);
  const { busy, feedback, run } = useDeskRun();
  useEffect(() => setSaved(null), [remote.data]);

  const save = useCallback(
    async (rule: FollowUpRule) => {
      if (!community) return;
      const { service, followUp, delayDays } = rule;
      const said = followUp ? delayText(delayDays) : '不回访';
      const result = await run(
        () => configureFollowUp({ community, service, followUp, delayDays }),
        { done: `已保存：${rule.name} ${said}` },
      );
      if (result.ok) setSaved(result.value);
    },
    [community, run],
  );

  const rules = saved ?? remote.data;
  const loadError = !rules && remote.error ? errorMessage(remote.error) : null;
  return { rules, loadError, reload: remote.reload, busy, feedback, save };
}
