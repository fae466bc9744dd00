/** The mini-program's 拨打: WeChat opens the phone's dialler (see dial-button.tsx for H5). */
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import { dialNumber } from '../model/call-text';
import type { DialButtonProps } from './dial-button-props';

export type { DialButtonProps } from './dial-button-props';

export function DialButton({ phone, name }: DialButtonProps) {
  return (
    <BigButton
      onClick={() => {
        // Closing the dialler without calling rejects: nothing to tell staff.
        Taro.makePhoneCall({ phoneNumber: dialNumber(phone) }).catch(() => undefined);
      }}
      label={`拨打 ${name} 的电话`}
    >
      拨打
    </BigButton>
  );
}
