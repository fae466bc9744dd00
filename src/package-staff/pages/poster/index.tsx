import { Text } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { AccessibleRoot, useElderMode } from '@/features/elder-mode';
import { PosterView, usePoster } from '@/features/report-desk';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

/** 打印本周海报 of a community for staff: `?c=<community>`. */
export default function PosterPage() {
  const { params } = useRouter();
  const { community } = useMemo(() => parseLaunchParams(params), [params]);
  const mode = useElderMode();
  const poster = usePoster(community);

  usePullDownRefresh(() => {
    void poster.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <AccessibleRoot
      title="打印本周海报"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-poster-page-root"
    >
      {community === null ? (
        <Text className="bdb-poster-page-root__message">请从“工作人员入口”进入本周海报</Text>
      ) : (
        <PosterView poster={poster} />
      )}
    </AccessibleRoot>
  );
}
