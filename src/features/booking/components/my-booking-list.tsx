import { Text, View } from '@tarojs/components';
import { bookingCompanion, NeedCompanion } from '@/features/companion/entry';
import type { Booking } from '@/types/contract';
import { splitByDate } from '../model/booking-text';
import { BookingCard } from './booking-card';
import './my-booking-list.scss';

export interface MyBookingListProps {
  bookings: Booking[];
  /** "YYYY-MM-DD" in Asia/Shanghai: bookings on this date or later are upcoming. */
  today: string;
  highlightId: string | null;
  onChanged: (booking: Booking) => void;
  onMoved: (booking: Booking) => void;
}

/** Upcoming bookings (soonest first), then past and cancelled ones (latest first). */
export function MyBookingList({
  bookings,
  today,
  highlightId,
  onChanged,
  onMoved,
}: MyBookingListProps) {
  const { upcoming, past } = splitByDate(bookings, today);
  const card = (b: Booking, isPast: boolean) => {
    // A coming seat shows its companion request's state (or the button) under the card.
    const companion = isPast ? null : bookingCompanion(b);
    return (
      <View key={b.id} className="bdb-my-bookings__item">
        <BookingCard
          booking={b}
          highlighted={b.id === highlightId}
          past={isPast}
          onChanged={onChanged}
          onMoved={onMoved}
        />
        {companion ? <NeedCompanion key={companion.ref} subject={companion} /> : null}
      </View>
    );
  };
  return (
    <View className="bdb-my-bookings">
      <View className="bdb-my-bookings__section bdb-my-bookings__section--upcoming">
        <Text className="bdb-my-bookings__title">{`接下来的预约（${upcoming.length} 个）`}</Text>
        {upcoming.length === 0 ? (
          <Text className="bdb-my-bookings__empty">暂无接下来的预约</Text>
        ) : (
          upcoming.map((b) => card(b, false))
        )}
      </View>
      {past.length > 0 ? (
        <View className="bdb-my-bookings__section bdb-my-bookings__section--past">
          <Text className="bdb-my-bookings__title">{`以往和已取消的预约（${past.length} 个）`}</Text>
          {past.map((b) => card(b, true))}
        </View>
      ) : null}
    </View>
  );
}
