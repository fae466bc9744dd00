import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { TimelineView, useTimeline } from '@/features/followup-desk';
import { errorMessage } from '@/lib/gateway';
import { launchParam } from '@/lib/launch-params';
import './index.scss';

/** One resident's thread for staff: `?c=<community>&r=<resident>`. */
export default function TimelinePage() {
  const { params } = useRouter();
  const community = useMemo(() => launchParam(params, 'c'), [params]);
  const resident = useMemo(() => launchParam(params, 'r'), [params]);
  const mode = useElderMode();
  const timeline = useTimeline(community, resident);

  usePullDownRefresh(() => {
    void timeline.reload().finally(() => Taro.stopPullDownRefresh());
  });

  let body;
  if (community === null || resident === null) {
    body = (
      <Text className="bdb-timeline-page__message">请从“回访名单”或“建议处理”里点居民名字进入</Text>
    );
  } else if (timeline.data) {
    body = <TimelineView timeline={timeline.data} />;
  } else if (timeline.error) {
    body = (
      <ErrorState message={errorMessage(timeline.error)} onRetry={() => void timeline.reload()} />
    );
  } else {
    body = <LoadingState text="正在加载居民记录…" />;
  }

  return (
    <AccessibleRoot
      title="居民记录"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-timeline-page"
    >
      {body}
    </AccessibleRoot>
  );
}
