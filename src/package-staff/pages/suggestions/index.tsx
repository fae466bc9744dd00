import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { useCommunities } from '@/features/community';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { SuggestionDesk, useSuggestionDesk } from '@/features/suggestion-desk';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

/** 建议处理 of a community for staff: `?c=<community>`. */
export default function SuggestionsPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const mode = useElderMode();
  const desk = useSuggestionDesk(community);
  const communities = useCommunities(community !== null);
  const name = communities.data?.find((c) => c.id === community)?.name ?? null;

  usePullDownRefresh(() => {
    void desk.list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <AccessibleRoot
      title="建议处理"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-suggestions-page"
    >
      {community === null ? (
        <Text className="bdb-suggestions-page__message">请从“工作人员入口”进入建议处理</Text>
      ) : (
        <SuggestionDesk community={community} communityName={name} desk={desk} />
      )}
    </AccessibleRoot>
  );
}
