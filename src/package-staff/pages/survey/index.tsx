import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { useCommunities } from '@/features/community';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { SurveyDesk, useSurveyDesk } from '@/features/survey-desk';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

/** 居民点单 of a community for staff: `?c=<community>`. */
export default function SurveyPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const mode = useElderMode();
  const desk = useSurveyDesk(community);
  const communities = useCommunities(community !== null);
  const name = communities.data?.find((c) => c.id === community)?.name ?? null;

  usePullDownRefresh(() => {
    void desk.rounds.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <AccessibleRoot
      title="居民点单"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-survey-page"
    >
      {community === null ? (
        <Text className="bdb-survey-page__message">请从“工作人员入口”进入居民点单</Text>
      ) : (
        <SurveyDesk community={community} communityName={name} desk={desk} />
      )}
    </AccessibleRoot>
  );
}
