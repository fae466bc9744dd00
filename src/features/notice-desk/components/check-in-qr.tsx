/**
 * H5: the activity's check-in QR code, drawn by the local host (`/qr/check-in.png`). WeChat scans
 * it into the resident's check-in page. check-in-qr.weapp.tsx shows the code only.
 */
import { Text, View } from '@tarojs/components';
import './check-in-qr.scss';

export interface CheckInQrProps {
  activityId: string;
  code: string;
}

export function checkInQrSrc(activityId: string, code: string): string {
  const base = process.env.TARO_APP_API_BASE || '';
  return `${base}/qr/check-in.png?a=${encodeURIComponent(activityId)}&k=${encodeURIComponent(code)}`;
}

export function CheckInQr({ activityId, code }: CheckInQrProps) {
  return (
    <View className="bdb-check-in-qr">
      <img
        className="bdb-check-in-qr__image"
        src={checkInQrSrc(activityId, code)}
        alt={`签到二维码，签到码 ${code}`}
        width={240}
        height={240}
      />
      <Text className="bdb-check-in-qr__hint">居民用微信扫码签到，或在通知页输入签到码</Text>
    </View>
  );
}
