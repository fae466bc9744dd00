import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { useCommunities } from '@/features/community';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { SignOutButton, TeamDesk } from '@/features/staff';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

const SIGN_IN_PAGE = '/package-staff/pages/sign-in/index';

/** 社工名单 of a community for its staff and the admins: `?c=<community>`; 退出登录 in H5. */
export default function TeamPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const mode = useElderMode();
  const communities = useCommunities(community !== null);
  const name = communities.data?.find((c) => c.id === community)?.name ?? community ?? '';

  return (
    <AccessibleRoot
      title="社工名单"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-team-page"
    >
      {community === null ? (
        <Text className="bdb-team-page__message">请从“工作人员入口”进入社工名单</Text>
      ) : (
        <TeamDesk community={community} communityName={name} />
      )}
      <View className="bdb-team-page__sign-out">
        <SignOutButton onSignedOut={() => void Taro.reLaunch({ url: SIGN_IN_PAGE })} />
      </View>
    </AccessibleRoot>
  );
}
