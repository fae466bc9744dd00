/**
 * H5: the tonight page's QR code of a community, drawn by the local host (`/qr/<community>.png`,
 * pointing at PUBLIC_URL). poster-qr.weapp.tsx says where to print it instead.
 */
import { Text, View } from '@tarojs/components';
import './poster-view.scss';

export function posterQrSrc(community: string): string {
  const base = process.env.TARO_APP_API_BASE || '';
  return `${base}/qr/${encodeURIComponent(community)}.png`;
}

/** `url` (the poster's tonightUrl) is the weapp's; the local host draws the same URL here. */
export function PosterQr({
  community,
  name,
}: {
  community: string;
  name: string;
  url: string | null;
}) {
  return (
    <View className="bdb-poster__qr">
      <img
        className="bdb-poster__qr-image"
        src={posterQrSrc(community)}
        alt={`${name}今晚服务二维码`}
        width={260}
        height={260}
      />
      <Text className="bdb-poster__qr-hint">微信扫一扫：看今晚服务、取号、预约</Text>
    </View>
  );
}
