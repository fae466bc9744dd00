/**
 * "如需变动，请致电社工 0512-6888 1234", the number a tel: link a phone's browser dials (H5);
 * contact-line.weapp.tsx is the mini-program twin. Without a number: the service desk.
 */
import { Text, View } from '@tarojs/components';
import { dialDigits, type ContactLineProps } from './contact-line-props';
import './contact-line.scss';

export type { ContactLineProps } from './contact-line-props';

export function ContactLine({ phone, lead = '' }: ContactLineProps) {
  return (
    <View className="bdb-contact-line">
      <Text className="bdb-contact-line__text">
        {phone ? `${lead}请致电社工：` : `${lead}请到服务台找社工`}
      </Text>
      {phone ? (
        <a
          className="bdb-contact-line__call"
          href={`tel:${dialDigits(phone)}`}
          aria-label={`拨打社工电话 ${phone}`}
        >
          {`☎ ${phone}`}
        </a>
      ) : null}
    </View>
  );
}
