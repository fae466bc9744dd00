import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { CallWatch } from '@/features/queue';
import { RoundView, useSurveyRound, type SurveyRoundState } from '@/features/survey';
import { errorMessage } from '@/lib/gateway';
import { launchParam } from '@/lib/launch-params';
import { readString, STORAGE_KEYS } from '@/lib/storage';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

/**
 * 居民点单 of `?c=<community>` (else the one remembered by the tonight page): the latest demand
 * round, to vote in while it is open, with the live ranking; the published menu once there is one.
 */
export default function SurveyVotePage() {
  const { params } = useRouter();
  const community = useMemo(
    () => launchParam(params, 'c') ?? readString(STORAGE_KEYS.community),
    [params],
  );
  const mode = useElderMode();
  const survey = useSurveyRound(community);

  usePullDownRefresh(() => {
    void survey.remote.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const backToTonight = () => {
    const url = community ? `${TONIGHT_PAGE}?c=${encodeURIComponent(community)}` : TONIGHT_PAGE;
    void Taro.reLaunch({ url });
  };

  return (
    <AccessibleRoot
      title="居民点单"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-survey-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-survey-page__body">
        <Text className="bdb-survey-page__title">居民点单</Text>
        <Text className="bdb-survey-page__intro">
          晚间提供哪些服务，由居民来选。选出您最需要的几项，社区按得票多少定下服务菜单。
        </Text>
        {community ? (
          <SurveyBody survey={survey} />
        ) : (
          <EmptyState text="还不知道是哪个社区，请先在“今晚服务”页选择社区" />
        )}
        <View className="bdb-survey-page__footer">
          <BigButton variant="quiet" onClick={backToTonight}>
            回到今晚服务
          </BigButton>
        </View>
      </View>
      <CallWatch />
    </AccessibleRoot>
  );
}

function SurveyBody({ survey }: { survey: SurveyRoundState }) {
  const { remote, round } = survey;
  if (!remote.data) {
    return remote.error ? (
      <ErrorState message={errorMessage(remote.error)} onRetry={() => void remote.reload()} />
    ) : (
      <LoadingState text="正在打开居民点单…" />
    );
  }
  if (!round) return <EmptyState text="现在没有进行中的点单" />;
  return <RoundView round={round} onVoted={survey.apply} onClosed={() => void remote.reload()} />;
}
