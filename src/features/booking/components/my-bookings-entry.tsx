import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import { formatDate } from '@/lib/shanghai-time';
import type { BookingBrief } from '@/types/contract';
import { codeText, liveBookings, statusText } from '../model/booking-text';
import { myBookingsUrl } from '../model/urls';
import './my-bookings-entry.scss';

export interface MyBookingsEntryProps {
  /**
   * My bookings as the tonight answer brings them (a full Booking fits too); null without them
   * (the entry still leads to the page).
   */
  bookings: BookingBrief[] | null;
  /** The community's date (server time), to tell what is still to come. */
  today: string;
}

/** "我的预约" on the tonight page: how many are still to come and the next one. */
export function MyBookingsEntry({ bookings, today }: MyBookingsEntryProps) {
  const live = liveBookings(bookings ?? [], today);
  const next = live[0] ?? null;
  return (
    <View className="bdb-bookings-entry">
      <View className="bdb-bookings-entry__text">
        <Text className="bdb-bookings-entry__title">
          {live.length > 0 ? `我的预约（${live.length} 个）` : '我的预约'}
        </Text>
        <Text className="bdb-bookings-entry__main">
          {next
            ? `${formatDate(next.date)} ${next.startsAt} ${next.serviceName} · ${statusText(next)}`
            : '暂无待到访的预约'}
        </Text>
        {next ? <Text className="bdb-bookings-entry__code">{codeText(next.code)}</Text> : null}
      </View>
      <BigButton
        variant={next ? 'primary' : 'secondary'}
        onClick={() => void Taro.navigateTo({ url: myBookingsUrl(next?.id) })}
      >
        查看我的预约
      </BigButton>
    </View>
  );
}
