import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { useBefore } from '@/hooks/use-before';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { formatDayTime } from '@/lib/shanghai-time';
import type { Booking } from '@/types/contract';
import { cancelBooking } from '../api/cancel-booking';
import { bringText, codeText, isChangeable, statusText, whenText } from '../model/booking-text';
import { ContactLine } from './contact-line';
import { ReschedulePanel } from './reschedule-panel';
import './booking-card.scss';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BookingCardProps {
  booking: Booking;
  /** Opened from a link to this booking (`?id=`): framed and marked in words. */
  highlighted: boolean;
  /** In the past section: nothing left to change. */
  past: boolean;
  /** The answer of a cancel: the page shows it at once. */
  onChanged: (booking: Booking) => void;
  /** The answer of a move: a new booking on the new slot. */
  onMoved: (booking: Booking) => void;
}

type Mode = 'idle' | 'cancelling' | 'moving';

/** One booking: service, when, status in words, phone, what to bring, cancel and 改约. */
export function BookingCard({ booking, highlighted, past, onChanged, onMoved }: BookingCardProps) {
  const [mode, setMode] = useState<Mode>('idle');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The server says whether a change is still allowed (`changeable`, by its clock) and refuses a
  // late one in its own words. The phone's clock (which may be wrong, or differ from the demo
  // clock) only hides the buttons of a page left open once it is a whole day past the deadline.
  const hideAt = useMemo(
    () =>
      booking.changeable
        ? new Date(Date.parse(booking.changeableUntil) + DAY_MS).toISOString()
        : null,
    [booking],
  );
  const showActions = useBefore(hideAt) && !past;
  // A seat still to come that only the social workers can change now: say whom to call.
  const callToChange = !showActions && !past && isChangeable(booking);
  const bring = bringText(booking.bring);

  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await cancelBooking(booking.id));
      setMode('idle');
    } catch (e: unknown) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const highlight = highlighted ? ' bdb-booking-card--highlighted' : '';
  return (
    <View className={`bdb-booking-card bdb-booking-card--${booking.status}${highlight}`}>
      {highlighted ? <Text className="bdb-booking-card__marker">▶ 您要查看的预约</Text> : null}
      <View className="bdb-booking-card__head">
        <Text className="bdb-booking-card__service">{booking.serviceName}</Text>
        <Text className="bdb-booking-card__status">{statusText(booking)}</Text>
      </View>
      <Text className="bdb-booking-card__when">{whenText(booking)}</Text>
      {booking.cancelledReason ? (
        <Text className="bdb-booking-card__detail bdb-booking-card__closed">
          {`这一晚暂停开放：${booking.cancelledReason}，预约已取消，请另选时间`}
        </Text>
      ) : null}
      <Text className="bdb-booking-card__code">{codeText(booking.code)}</Text>
      {booking.phone ? (
        <Text className="bdb-booking-card__detail">{`联系电话：${booking.phone}`}</Text>
      ) : null}
      {bring ? <Text className="bdb-booking-card__detail">{bring}</Text> : null}
      {showActions ? (
        <>
          <Text className="bdb-booking-card__detail">
            {`取消或改约截止：${formatDayTime(booking.changeableUntil)}`}
          </Text>
          <CardActions
            booking={booking}
            mode={mode}
            busy={busy}
            onMode={(next) => {
              setMode(next);
              setError(null);
            }}
            onCancel={() => void cancel()}
            onMoved={onMoved}
          />
        </>
      ) : null}
      {callToChange ? (
        <View className="bdb-booking-card__late">
          <Text className="bdb-booking-card__detail">已过取消或改约时间，不能在网上更改。</Text>
          <ContactLine phone={booking.contactPhone} lead="如需变动，" />
        </View>
      ) : null}
      {error ? (
        <Text className="bdb-booking-card__error" {...a11y({ role: 'alert' })}>
          {`✕ ${error}`}
        </Text>
      ) : null}
    </View>
  );
}

interface CardActionsProps {
  booking: Booking;
  mode: Mode;
  busy: boolean;
  onMode: (mode: Mode) => void;
  onCancel: () => void;
  onMoved: (booking: Booking) => void;
}

/** 取消预约 (two taps, confirmed on the card itself) and 改约 (the slot list, inline). */
function CardActions({ booking, mode, busy, onMode, onCancel, onMoved }: CardActionsProps) {
  if (mode === 'moving') {
    return <ReschedulePanel booking={booking} onMoved={onMoved} onClose={() => onMode('idle')} />;
  }
  if (mode === 'cancelling') {
    return (
      <View className="bdb-booking-card__confirm" {...a11y({ role: 'group', label: '确认取消' })}>
        <Text className="bdb-booking-card__confirm-text">
          取消后名额会让给其他居民，确定取消这个预约吗？
        </Text>
        <View className="bdb-booking-card__actions">
          <BigButton onClick={onCancel} disabled={busy}>
            {busy ? '正在取消…' : '确认取消'}
          </BigButton>
          <BigButton variant="secondary" onClick={() => onMode('idle')} disabled={busy}>
            不取消
          </BigButton>
        </View>
      </View>
    );
  }
  const what = `${booking.serviceName} ${whenText(booking)}`;
  return (
    <View className="bdb-booking-card__actions">
      <BigButton
        variant="secondary"
        onClick={() => onMode('cancelling')}
        label={`取消预约 ${what}`}
      >
        取消预约
      </BigButton>
      <BigButton variant="secondary" onClick={() => onMode('moving')} label={`改约 ${what}`}>
        改约
      </BigButton>
    </View>
  );
}
