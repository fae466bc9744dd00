import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import type { ServiceInfo } from '@/types/contract';
import { bookUrl } from '../model/urls';
import './booking-link.scss';

export interface BookingLinkProps {
  community: string;
  service: ServiceInfo;
}

/** The big 预约 button under a bookable service: opens its booking page (any evening, open or not). */
export function BookingLink({ community, service }: BookingLinkProps) {
  return (
    <View className="bdb-booking-link">
      <BigButton
        className="bdb-booking-link__button"
        onClick={() => void Taro.navigateTo({ url: bookUrl(community, service.id) })}
        label={`${service.name} 预约`}
      >
        预约
      </BigButton>
    </View>
  );
}
