/**
 * The mini-program: the tonight page's QR code drawn in the page (an SVG data URL, qr-svg.ts) from
 * the poster's tonightUrl, so a printed or screenshot poster carries it as the H5 one does
 * (poster-qr.tsx). Without a public address on the server there is no URL to encode.
 */
import { Image, Text, View } from '@tarojs/components';
import { useMemo } from 'react';
import { a11y } from '@/lib/a11y';
import { qrDataUrl } from '../model/qr-svg';
import './poster-view.scss';

export function PosterQr({ name, url }: { community: string; name: string; url: string | null }) {
  const src = useMemo(() => (url ? qrDataUrl(url) : null), [url]);
  if (!src) {
    return (
      <View className="bdb-poster__qr">
        <Text className="bdb-poster__qr-hint">二维码在服务中心电脑打印的海报上</Text>
      </View>
    );
  }
  return (
    <View className="bdb-poster__qr">
      <Image
        className="bdb-poster__qr-image"
        src={src}
        mode="aspectFit"
        {...a11y({ label: `${name}今晚服务二维码` })}
      />
      <Text className="bdb-poster__qr-hint">微信扫一扫：看今晚服务、取号、预约</Text>
    </View>
  );
}
