import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useMemo } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { CommunityPicker, TonightView, useCommunityChoice, useTonight } from '@/features/community';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { showActionError } from '@/lib/gateway';
import { parseLaunchParams } from '@/lib/launch-params';
import './index.scss';

const STAFF_PAGE = '/package-staff/pages/sign-in/index';

export default function TonightPage() {
  const { params } = useRouter();
  const launch = useMemo(() => parseLaunchParams(params), [params]);
  const choice = useCommunityChoice(launch.community);
  const mode = useElderMode();
  const showPicker = choice.community === null || choice.picking;
  const tonight = useTonight(showPicker ? null : choice.community);
  const { data, reload } = tonight;

  const refresh = useCallback(async () => {
    const error = await reload();
    // The page keeps showing the last good answer; only then is a toast the right place.
    if (error && data) showActionError(error);
  }, [reload, data]);

  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <AccessibleRoot elder={mode.elder} fontFactor={mode.fontFactor} className="bdb-tonight-page">
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      {showPicker ? (
        <CommunityPicker
          current={choice.community}
          onPick={choice.choose}
          onCancel={choice.community ? choice.cancelPicking : undefined}
        />
      ) : (
        <TonightView
          tonight={tonight}
          onSwitchCommunity={choice.startPicking}
          onRefresh={() => void refresh()}
        />
      )}
      <View className="bdb-tonight-page__footer">
        <BigButton variant="quiet" onClick={() => void Taro.navigateTo({ url: STAFF_PAGE })}>
          工作人员入口
        </BigButton>
      </View>
    </AccessibleRoot>
  );
}
