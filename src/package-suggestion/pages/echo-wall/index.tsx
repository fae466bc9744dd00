import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { CallWatch } from '@/features/queue';
import { EchoWallView, submitUrl, useEchoWall } from '@/features/suggestion';
import type { Remote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import { launchParam } from '@/lib/launch-params';
import { readString, STORAGE_KEYS } from '@/lib/storage';
import type { EchoWall } from '@/types/contract';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

/** The public 社区回音墙 of `?c=<community>` (else the one remembered by the tonight page). */
export default function EchoWallPage() {
  const { params } = useRouter();
  const community = useMemo(
    () => launchParam(params, 'c') ?? readString(STORAGE_KEYS.community),
    [params],
  );
  const mode = useElderMode();
  const wall = useEchoWall(community);

  usePullDownRefresh(() => {
    void wall.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const backToTonight = () => {
    const url = community ? `${TONIGHT_PAGE}?c=${encodeURIComponent(community)}` : TONIGHT_PAGE;
    void Taro.reLaunch({ url });
  };

  return (
    <AccessibleRoot
      title="社区回音墙"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-echo-wall-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-echo-wall-page__body">
        <Text className="bdb-echo-wall-page__title">社区回音墙</Text>
        {wall.data ? (
          <Text className="bdb-echo-wall-page__subtitle">{wall.data.community.name}</Text>
        ) : null}
        <Text className="bdb-echo-wall-page__intro">
          居民的建议和社区的答复都在这里，不显示是谁提的。
        </Text>
        {community ? (
          <WallBody wall={wall} />
        ) : (
          <EmptyState text="还不知道是哪个社区，请先在“今晚服务”页选择社区" />
        )}
        <View className="bdb-echo-wall-page__footer">
          {community ? (
            <BigButton onClick={() => void Taro.navigateTo({ url: submitUrl(community) })}>
              提建议
            </BigButton>
          ) : null}
          <BigButton variant="quiet" onClick={backToTonight}>
            回到今晚服务
          </BigButton>
        </View>
      </View>
      <CallWatch />
    </AccessibleRoot>
  );
}

function WallBody({ wall }: { wall: Remote<EchoWall> }) {
  const { data, error } = wall;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void wall.reload()} />
    ) : (
      <LoadingState text="正在打开回音墙…" />
    );
  }
  return <EchoWallView wall={data} />;
}
