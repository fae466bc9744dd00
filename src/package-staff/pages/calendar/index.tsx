import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { CalendarDesk } from '@/features/calendar-desk';
import { useCommunities } from '@/features/community';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

/** 开放日历 of a community for its staff and the admins: `?c=<community>`. */
export default function CalendarPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const mode = useElderMode();
  const communities = useCommunities(community !== null);
  const name = communities.data?.find((c) => c.id === community)?.name ?? community ?? '';

  return (
    <AccessibleRoot
      title="开放日历"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-calendar-page"
    >
      {community === null ? (
        <Text className="bdb-calendar-page__message">请从“工作人员入口”进入开放日历</Text>
      ) : (
        <CalendarDesk community={community} communityName={name} />
      )}
    </AccessibleRoot>
  );
}
