import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { useAttemptId } from '@/hooks/use-attempt-id';
import { a11y } from '@/lib/a11y';
import { errorMessage, GatewayError } from '@/lib/gateway';
import type { Booking, BookingServices, Slot } from '@/types/contract';
import { useBookingServices } from '../api/get-services';
import { useSlots } from '../api/get-slots';
import { rescheduleBooking } from '../api/reschedule-booking';
import { slotView, whenText } from '../model/booking-text';
import { DateTabs } from './date-tabs';
import { SlotList } from './slot-list';
import './reschedule-panel.scss';

/** What a CONFLICT on reschedule means: the new slot filled up, nothing changed. */
export const MOVE_FULL_MESSAGE = '新时段已满，原预约保留';

export interface ReschedulePanelProps {
  booking: Booking;
  /** The booking the move answered with (a new one: the old slot is released). */
  onMoved: (moved: Booking) => void;
  onClose: () => void;
}

/** The evenings this service can be booked on (its own, falling back to the community's). */
function serviceDates(data: BookingServices | null, service: string): string[] | null {
  if (!data) return null;
  return data.services.find((s) => s.id === service)?.dates ?? data.dates;
}

/** 改约: another slot of the same service, picked from the same slot list as booking. */
export function ReschedulePanel({ booking, onMoved, onClose }: ReschedulePanelProps) {
  const services = useBookingServices(booking.community);
  const dates = serviceDates(services.data, booking.service);
  const [picked, setPicked] = useState<string | null>(null);
  // The booking's own evening first, while it is still one of the bookable ones.
  const date = picked ?? (dates?.includes(booking.date) ? booking.date : (dates?.[0] ?? null));
  const slots = useSlots(
    date ? { community: booking.community, service: booking.service, date } : null,
  );
  const [slotId, setSlotId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attempt = useAttemptId();

  const move = async (slot: Slot) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const requestId = attempt.take(slot.id);
      const moved = await rescheduleBooking({ bookingId: booking.id, slotId: slot.id, requestId });
      attempt.settle();
      onMoved(moved);
    } catch (e: unknown) {
      attempt.settle(e);
      setError(
        e instanceof GatewayError && e.code === 'CONFLICT' ? MOVE_FULL_MESSAGE : errorMessage(e),
      );
      void slots.reload();
    } finally {
      setBusy(false);
    }
  };

  let body;
  if (dates) {
    body = (
      <>
        <DateTabs
          dates={dates}
          selected={date}
          onSelect={(next) => {
            setPicked(next);
            setSlotId(null);
            setError(null);
          }}
        />
        <SlotList
          slots={slots}
          mode="move"
          currentSlotId={booking.slotId}
          selectedId={slotId}
          onPick={(slot) => {
            setSlotId(slot.id);
            setError(null);
          }}
          renderSelected={(slot) => (
            <View className="bdb-reschedule__confirm">
              <Text className="bdb-reschedule__to">{`改到 ${whenText(slot)}`}</Text>
              {slot.late ? (
                <Text className="bdb-reschedule__late">
                  这个时段临近开始，改过去以后就不能在网上取消或再改约了。
                </Text>
              ) : null}
              <BigButton
                onClick={() => void move(slot)}
                disabled={busy || slotView(slot, 'move', booking.slotId).disabled}
              >
                {busy ? '正在改约…' : '确认改约'}
              </BigButton>
              {error ? (
                <Text className="bdb-reschedule__error" {...a11y({ role: 'alert' })}>
                  {`✕ ${error}`}
                </Text>
              ) : null}
            </View>
          )}
        />
      </>
    );
  } else if (services.error) {
    body = (
      <ErrorState message={errorMessage(services.error)} onRetry={() => void services.reload()} />
    );
  } else {
    body = <LoadingState text="正在查看可改的时段…" />;
  }

  return (
    <View className="bdb-reschedule" {...a11y({ role: 'group', label: '改约' })}>
      <View className="bdb-reschedule__head">
        <Text className="bdb-reschedule__title">改到哪个时段？</Text>
        <BigButton variant="secondary" onClick={onClose} disabled={busy}>
          不改了
        </BigButton>
      </View>
      <Text className="bdb-reschedule__hint">
        只能改到同一项服务的其他时段；新时段约上以后，原时段才会取消
      </Text>
      {body}
    </View>
  );
}
