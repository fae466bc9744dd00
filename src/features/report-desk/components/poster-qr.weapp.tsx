/** The mini-program has no QR image of the web tonight page (see poster-qr.tsx for H5). */
import { Text, View } from '@tarojs/components';
import './poster-view.scss';

export function PosterQr(_props: { community: string; name: string }) {
  return (
    <View className="bdb-poster__qr">
      <Text className="bdb-poster__qr-hint">二维码在服务中心电脑打印的海报上</Text>
    </View>
  );
}
