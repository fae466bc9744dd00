/** The mini-program's contact line: WeChat opens the dialler (see contact-line.tsx for H5). */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
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
        <BigButton
          variant="secondary"
          // Closing the dialler without calling rejects: nothing to tell the resident.
          onClick={() =>
            void Taro.makePhoneCall({ phoneNumber: dialDigits(phone) }).catch(() => undefined)
          }
          label={`拨打社工电话 ${phone}`}
        >
          {`☎ ${phone}`}
        </BigButton>
      ) : null}
    </View>
  );
}
