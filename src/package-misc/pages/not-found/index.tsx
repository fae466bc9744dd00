import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { AccessibleRoot, ElderModeSwitch, useElderMode } from '@/features/elder-mode';
import './index.scss';

const TONIGHT_PAGE = '/pages/tonight/index';

/**
 * Where an unknown route lands (app.ts redirects here): an old or mistyped link, a page that has
 * moved. Said plainly, with the one way on that always works: the tonight page (which opens the
 * remembered community, or asks for one).
 */
export default function NotFoundPage() {
  const mode = useElderMode();
  return (
    <AccessibleRoot
      title="没有找到页面"
      elder={mode.elder}
      fontFactor={mode.fontFactor}
      className="bdb-not-found"
    >
      <ElderModeSwitch elder={mode.elder} onChange={mode.setElder} />
      <View className="bdb-not-found__body" {...a11y({ role: 'status' })}>
        <Text className="bdb-not-found__title">没有找到这个页面</Text>
        <Text className="bdb-not-found__text">
          这个链接可能已经过期，或者输错了。请回到今晚服务，或重新扫描服务中心的二维码。
        </Text>
      </View>
      <BigButton
        className="bdb-not-found__home"
        onClick={() => void Taro.reLaunch({ url: TONIGHT_PAGE })}
      >
        回到今晚服务
      </BigButton>
    </AccessibleRoot>
  );
}
