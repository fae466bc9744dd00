import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { submitUrl, useSuggestionBoard, VoiceBoard } from '@/features/voice';
import type { Remote } from '@/hooks/use-remote';
import { errorMessage } from '@/lib/gateway';
import { launchParam } from '@/lib/launch-params';
import { readString, STORAGE_KEYS } from '@/lib/storage';
import type { SuggestionBoard } from '@/types/contract';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

/** The public 社区回音墙 of `?c=<community>` (else the one remembered by the tonight page). */
export default function VoiceBoardPage() {
  const { params } = useRouter();
  const community = useMemo(
    () => launchParam(params, 'c') ?? readString(STORAGE_KEYS.community),
    [params],
  );
  const mode = useElderMode();
  const board = useSuggestionBoard(community);

  usePullDownRefresh(() => {
    void board.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const backToTonight = () => {
    const url = community ? `${TONIGHT_PAGE}?c=${encodeURIComponent(community)}` : TONIGHT_PAGE;
    void Taro.reLaunch({ url });
  };

  return (
    <AccessibleRoot
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-voice-board-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-voice-board-page__body">
        <Text className="bdb-voice-board-page__title">社区回音墙</Text>
        {board.data ? (
          <Text className="bdb-voice-board-page__subtitle">{board.data.community.name}</Text>
        ) : null}
        <Text className="bdb-voice-board-page__intro">
          居民的建议和社区的答复都在这里，不显示是谁提的。
        </Text>
        {community ? (
          <BoardBody board={board} />
        ) : (
          <EmptyState text="还不知道是哪个社区，请先在“今晚服务”页选择社区" />
        )}
        <View className="bdb-voice-board-page__footer">
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
    </AccessibleRoot>
  );
}

function BoardBody({ board }: { board: Remote<SuggestionBoard> }) {
  const { data, error } = board;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void board.reload()} />
    ) : (
      <LoadingState text="正在打开回音墙…" />
    );
  }
  return <VoiceBoard board={data} />;
}
