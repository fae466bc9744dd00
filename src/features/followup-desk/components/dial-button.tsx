/**
 * H5: 拨打 as a tel: link, which a phone's browser hands to its dialler. dial-button.weapp.tsx
 * is the mini-program twin (Taro.makePhoneCall).
 */
import { dialNumber } from '../model/call-text';
import type { DialButtonProps } from './dial-button-props';
import './dial-button.scss';

export type { DialButtonProps } from './dial-button-props';

export function DialButton({ phone, name }: DialButtonProps) {
  return (
    <a
      className="bdb-dial-button"
      href={`tel:${dialNumber(phone)}`}
      aria-label={`拨打 ${name} 的电话`}
    >
      拨打
    </a>
  );
}
