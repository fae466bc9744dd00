/** The mini-program shows the check-in code only (see check-in-qr.tsx for the H5 QR image). */
import { Text, View } from '@tarojs/components';
import './check-in-qr.scss';

export interface CheckInQrProps {
  activityId: string;
  code: string;
}

export function CheckInQr(_props: CheckInQrProps) {
  return (
    <View className="bdb-check-in-qr">
      <Text className="bdb-check-in-qr__hint">居民可在通知页输入签到码</Text>
    </View>
  );
}
