import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { useCommunities } from '@/features/community';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { CallDesk, useCallDesk } from '@/features/followup-desk';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

/** 回访名单 of a community for staff: `?c=<community>`. */
export default function CallsPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const mode = useElderMode();
  const desk = useCallDesk(community);
  const communities = useCommunities(community !== null);
  const name = communities.data?.find((c) => c.id === community)?.name ?? null;

  usePullDownRefresh(() => {
    void desk.list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <AccessibleRoot
      title="回访名单"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-calls-page"
    >
      {community === null ? (
        <Text className="bdb-calls-page__message">请从“工作人员入口”进入回访名单</Text>
      ) : (
        <CallDesk community={community} communityName={name} desk={desk} />
      )}
    </AccessibleRoot>
  );
}
