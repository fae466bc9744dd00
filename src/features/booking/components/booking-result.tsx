import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import { bookingCompanion, NeedCompanion } from '@/features/companion/entry';
import { a11y } from '@/lib/a11y';
import { formatDayTime } from '@/lib/shanghai-time';
import type { Booking } from '@/types/contract';
import { bringText, codeText, statusText, whenText } from '../model/booking-text';
import { myBookingsUrl } from '../model/urls';
import { ContactLine } from './contact-line';
import './booking-result.scss';

export interface BookingResultProps {
  booking: Booking;
  /** Back to the dates and slots, for another booking. */
  onAgain: () => void;
}

function resultTitle(booking: Booking): string {
  if (booking.status === 'confirmed') return '预约成功';
  if (booking.status === 'waitlisted') {
    return booking.waitlistPosition === null
      ? '已加入候补'
      : `已加入候补，第 ${booking.waitlistPosition} 位`;
  }
  return statusText(booking);
}

/**
 * "预约成功" or "已加入候补，第 N 位", with the booking code, the when, what to bring, until when it
 * can change (or whom to call once it cannot), and the way to 我的预约; under a seat, "需要社工陪同"
 * (outside the status box, so the box is not read out again as it changes).
 */
export function BookingResult({ booking, onAgain }: BookingResultProps) {
  const companion = bookingCompanion(booking);
  return (
    <View className="bdb-book-result-wrap">
      <ResultBox booking={booking} onAgain={onAgain} />
      {booking.changeable ? null : (
        <View className="bdb-book-result__late">
          <Text className="bdb-book-result__late-text">
            这个时段临近开始，不能在网上取消或改约。
          </Text>
          <ContactLine phone={booking.contactPhone} lead="如需变动，" />
        </View>
      )}
      {companion ? <NeedCompanion key={companion.ref} subject={companion} /> : null}
    </View>
  );
}

function ResultBox({ booking, onAgain }: BookingResultProps) {
  const waitlisted = booking.status === 'waitlisted';
  const bring = bringText(booking.bring);
  return (
    <View
      className={`bdb-book-result bdb-book-result--${waitlisted ? 'waitlisted' : 'confirmed'}`}
      {...a11y({ role: 'status', live: 'polite' })}
    >
      <Text className="bdb-book-result__icon" {...a11y({ hidden: true })}>
        {waitlisted ? '…' : '✓'}
      </Text>
      <Text className="bdb-book-result__title">{resultTitle(booking)}</Text>
      <Text className="bdb-book-result__code">{codeText(booking.code)}</Text>
      <Text className="bdb-book-result__note">到服务台时报预约码，社工就能找到您的预约</Text>
      <Text className="bdb-book-result__what">{booking.serviceName}</Text>
      <Text className="bdb-book-result__when">{whenText(booking)}</Text>
      {waitlisted ? (
        <Text className="bdb-book-result__note">
          有人取消时按顺序转为预约，结果请在“我的预约”查看
        </Text>
      ) : null}
      {bring ? <Text className="bdb-book-result__bring">{bring}</Text> : null}
      {booking.changeable ? (
        <Text className="bdb-book-result__note">
          {`取消或改约截止：${formatDayTime(booking.changeableUntil)}`}
        </Text>
      ) : null}
      <View className="bdb-book-result__actions">
        <BigButton onClick={() => void Taro.navigateTo({ url: myBookingsUrl(booking.id) })}>
          查看我的预约
        </BigButton>
        <BigButton variant="secondary" onClick={onAgain}>
          再预约一个时段
        </BigButton>
      </View>
    </View>
  );
}
