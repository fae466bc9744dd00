import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { useCommunities } from '@/features/community';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { useEveningDate } from '@/features/report-desk';
import { VolunteersDesk } from '@/features/volunteer';
import { launchParam, parseLaunchParams } from '@/lib/launch-params';

/** 志愿者与组织 of a community for its staff (#16): `?c=<community>[&d=YYYY-MM-DD]`. */
export default function VolunteersPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const linked = useMemo(() => launchParam(params, 'd'), [params]);
  const mode = useElderMode();
  const { date, setDate } = useEveningDate(community, linked, 'today');
  const communities = useCommunities(community !== null);
  const name = communities.data?.find((c) => c.id === community)?.name ?? community ?? '';
  return (
    <AccessibleRoot title="志愿者与组织" elder={mode.elder} fontFactor={mode.fontFactor}>
      {community === null ? (
        <Text className="bdb-desk-page__hint">请从“值班与调休”页进入志愿者与组织</Text>
      ) : (
        <VolunteersDesk community={community} communityName={name} date={date} onDate={setDate} />
      )}
    </AccessibleRoot>
  );
}
