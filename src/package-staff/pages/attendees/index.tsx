import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { AttendeesView, pageParam, useAttendees } from '@/features/notice-desk';
import { errorMessage } from '@/lib/gateway';
import './index.scss';

/** Sign-ups and check-in of one activity: `?a=<activityId>`. */
export default function AttendeesPage() {
  const { params } = useRouter();
  const activityId = useMemo(() => pageParam(params, 'a'), [params]);
  const mode = useElderMode();
  const state = useAttendees(activityId);
  const { data } = state;

  usePullDownRefresh(() => {
    void data.reload().finally(() => Taro.stopPullDownRefresh());
  });

  let body;
  if (activityId === null) {
    body = <Text className="bdb-attendees-page__message">请从“活动通知”的报名情况进入</Text>;
  } else if (data.data) {
    body = <AttendeesView attendees={data.data} state={state} />;
  } else if (data.error) {
    body = <ErrorState message={errorMessage(data.error)} onRetry={() => void data.reload()} />;
  } else {
    body = <LoadingState text="正在加载报名名单…" />;
  }

  return (
    <AccessibleRoot
      title="报名和签到"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-attendees-page"
    >
      {body}
    </AccessibleRoot>
  );
}
