import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { useCommunities } from '@/features/community';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { ReportDesk, useEveningDate, useReport } from '@/features/report-desk';
import { launchParam, parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

/** 晚间报表 of a community for staff: `?c=<community>[&d=YYYY-MM-DD]`. */
export default function ReportPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const linked = useMemo(() => launchParam(params, 'd'), [params]);
  const mode = useElderMode();
  const { date, setDate } = useEveningDate(community, linked, 'last-evening');
  const state = useReport(community, date);
  const communities = useCommunities(community !== null);
  const name = communities.data?.find((c) => c.id === community)?.name ?? null;

  usePullDownRefresh(() => {
    void state.report.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <AccessibleRoot
      title="晚间报表"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-report-page"
    >
      {community === null ? (
        <Text className="bdb-report-page__message">请从“工作人员入口”进入晚间报表</Text>
      ) : (
        <ReportDesk
          community={community}
          communityName={name}
          date={date}
          onDate={setDate}
          state={state}
        />
      )}
    </AccessibleRoot>
  );
}
