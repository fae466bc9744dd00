import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { QueueDeskView, useQueueDesk } from '@/features/queue-desk';
import { errorMessage } from '@/lib/gateway';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

/** The desk of one walk-in line: `?c=<community>&q=<queue>`. */
export default function QueueDeskPage() {
  const { params } = useRouter();
  const { community, queue } = useMemo(() => parseLaunchParams(params), [params]);
  const mode = useElderMode();
  const state = useQueueDesk(community, queue);

  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh());
  });

  let body;
  if (community === null || queue === null) {
    body = <Text className="bdb-queue-desk-page__message">请从“工作人员入口”进入叫号台</Text>;
  } else if (state.data) {
    body = <QueueDeskView line={{ community, queue }} desk={state.data} state={state} />;
  } else if (state.error) {
    body = <ErrorState message={errorMessage(state.error)} onRetry={() => void state.reload()} />;
  } else {
    body = <LoadingState text="正在打开叫号台…" />;
  }

  return (
    <AccessibleRoot
      title="叫号台"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-queue-desk-page"
    >
      {body}
    </AccessibleRoot>
  );
}
