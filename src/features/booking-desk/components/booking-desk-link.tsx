import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import type { Tonight } from '@/types/contract';

export const BOOKING_DESK_PAGE = '/package-staff/pages/bookings/index';

export function bookingDeskUrl(community: string): string {
  return `${BOOKING_DESK_PAGE}?c=${encodeURIComponent(community)}`;
}

/** Staff: the bookings desk of a community, next to its walk-in desks (when it takes bookings). */
export function BookingDeskLink({ tonight }: { tonight: Tonight }) {
  if (!tonight.services.some((s) => s.kind === 'booking')) return null;
  const { id, name } = tonight.community;
  return (
    <BigButton
      variant="secondary"
      onClick={() => void Taro.navigateTo({ url: bookingDeskUrl(id) })}
      label={`${name} 预约管理`}
    >
      预约管理
    </BigButton>
  );
}
