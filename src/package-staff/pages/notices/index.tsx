import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { useCommunities } from '@/features/community';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { NoticeDesk, useNoticeDesk } from '@/features/notice-desk';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

/** A community's weekly notices for staff: `?c=<community>`. */
export default function NoticesPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const mode = useElderMode();
  const desk = useNoticeDesk(community);
  const communities = useCommunities(community !== null);
  const name = communities.data?.find((c) => c.id === community)?.name ?? null;

  usePullDownRefresh(() => {
    void desk.list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <AccessibleRoot
      title="活动通知"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-notices-page"
    >
      {community === null ? (
        <Text className="bdb-notices-page__message">请从“工作人员入口”进入活动通知</Text>
      ) : (
        <NoticeDesk community={community} communityName={name} desk={desk} />
      )}
    </AccessibleRoot>
  );
}
