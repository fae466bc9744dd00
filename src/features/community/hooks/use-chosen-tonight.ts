import { useCallback } from 'react';
import { useRemote, type Remote } from '@/hooks/use-remote';
import { GatewayError } from '@/lib/gateway';
import type { Tonight } from '@/types/contract';
import { getTonight } from '../api/get-tonight';
import { useCommunityChoice, type CommunityChoice } from './use-community-choice';

export interface ChosenTonight {
  choice: CommunityChoice;
  /** No community yet, or 切换社区: the page shows the picker instead of tonight. */
  showPicker: boolean;
  tonight: Remote<Tonight>;
}

const isUnknownCommunity = (error: unknown) =>
  error instanceof GatewayError && error.code === 'NOT_FOUND';

/**
 * The tonight page's community and its answer. A community is remembered only once the server
 * has answered for it, and forgotten as soon as the server says it does not know it.
 */
export function useChosenTonight(fromLaunch: string | null): ChosenTonight {
  const choice = useCommunityChoice(fromLaunch);
  const showPicker = choice.community === null || choice.picking;
  const { confirm, forget } = choice;
  // The outcome is tied to the very community asked for, whatever the page shows meanwhile.
  const load = useCallback(
    async (community: string) => {
      try {
        const tonight = await getTonight(community);
        confirm(community);
        return tonight;
      } catch (error: unknown) {
        if (isUnknownCommunity(error)) forget(community);
        throw error;
      }
    },
    [confirm, forget],
  );
  const tonight = useRemote(showPicker ? null : choice.community, load);
  return { choice, showPicker, tonight };
}
