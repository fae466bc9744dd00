import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { useCommunities } from '@/features/community';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { useEveningDate } from '@/features/report-desk';
import { RosterDesk, useRoster } from '@/features/roster-desk';
import { VolunteerRoster } from '@/features/volunteer';
import { launchParam, parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

/** 值班与调休 of a community for staff: `?c=<community>[&d=YYYY-MM-DD]` (default: today). */
export default function RosterPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const linked = useMemo(() => launchParam(params, 'd'), [params]);
  const mode = useElderMode();
  const { date, setDate } = useEveningDate(community, linked, 'today');
  const state = useRoster(community, date);
  const communities = useCommunities(community !== null);
  const names = useMemo(
    () => Object.fromEntries((communities.data ?? []).map((c) => [c.id, c.name])),
    [communities.data],
  );

  usePullDownRefresh(() => {
    void Promise.all([state.evening.reload(), state.mine.reload()]).finally(() =>
      Taro.stopPullDownRefresh(),
    );
  });

  return (
    <AccessibleRoot
      title="值班与调休"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-roster-page"
    >
      {community === null ? (
        <Text className="bdb-roster-page__message">请从“工作人员入口”进入值班与调休</Text>
      ) : (
        <>
          <RosterDesk
            community={community}
            communityName={names[community] ?? null}
            communityNames={names}
            date={date}
            onDate={setDate}
            state={state}
          />
          <VolunteerRoster community={community} date={date} />
        </>
      )}
    </AccessibleRoot>
  );
}
