import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState } from '@/components/load-state/load-state';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import { CallWatch } from '@/features/queue';
import { CheckInPanel, checkInParams } from '@/features/notice';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

/**
 * What an activity's self check-in QR code opens: `?a=<activityId>&k=<code>`, or the same as the
 * `scene` of a mini-program code.
 */
export default function CheckInPage() {
  const { params } = useRouter();
  const target = useMemo(() => checkInParams(params), [params]);
  const mode = useElderMode();

  return (
    <AccessibleRoot
      title="活动签到"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-check-in-page"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-check-in-page__body">
        {target ? (
          <CheckInPanel activityId={target.activityId} code={target.code} />
        ) : (
          <EmptyState text="签到信息不完整，请重新扫描社工出示的签到二维码" />
        )}
        <BigButton variant="secondary" onClick={() => void Taro.reLaunch({ url: TONIGHT_PAGE })}>
          回到今晚服务
        </BigButton>
      </View>
      <CallWatch />
    </AccessibleRoot>
  );
}
