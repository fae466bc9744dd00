import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { EmptyState } from '@/components/load-state/load-state';
import { bookingLimitsText } from '@/lib/resident-limits';
import type {
  BookableService,
  Booking,
  BookingServices,
  ResidentLimits,
  Slot,
} from '@/types/contract';
import { useSlots } from '../api/get-slots';
import { useBook } from '../hooks/use-book';
import { bringText, cutoffText } from '../model/booking-text';
import { BookingResult } from './booking-result';
import { ConfirmPanel } from './confirm-panel';
import { DateTabs } from './date-tabs';
import { SlotList } from './slot-list';
import './booking-flow.scss';

export interface BookingFlowProps {
  data: BookingServices;
  service: BookableService;
}

/** Booking one service: pick an evening, pick a slot, confirm on the page itself, see the result. */
export function BookingFlow({ data, service }: BookingFlowProps) {
  const community = data.community.id;
  // The service's own evenings: some services run on only some of the community's evenings.
  const [date, setDate] = useState<string | null>(service.dates[0] ?? null);
  const [slotId, setSlotId] = useState<string | null>(null);
  const [result, setResult] = useState<Booking | null>(null);
  const slots = useSlots(date ? { community, service: service.id, date } : null);
  const attempt = useBook(() => void slots.reload());

  const pickDate = (next: string) => {
    setDate(next);
    setSlotId(null);
    attempt.clearErrors();
  };
  const pickSlot = (slot: Slot) => {
    setSlotId(slot.id);
    attempt.clearErrors();
  };
  const confirm = async (slot: Slot) => {
    const booking = await attempt.book(slot);
    if (!booking) return;
    setResult(booking);
    // The result replaces the list the resident had scrolled down: show it from the top.
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  if (result) {
    return (
      <BookingResult
        booking={result}
        onAgain={() => {
          setResult(null);
          setSlotId(null);
          void slots.reload();
        }}
      />
    );
  }

  return (
    <View className="bdb-booking-flow">
      <ServiceIntro communityName={data.community.name} service={service} limits={data.limits} />
      <Text className="bdb-booking-flow__step">1. 选择日期</Text>
      {service.dates.length > 0 ? (
        <DateTabs dates={service.dates} selected={date} onSelect={pickDate} />
      ) : (
        <EmptyState text="近期没有可预约的服务日" />
      )}
      {date ? (
        <>
          <Text className="bdb-booking-flow__step">2. 选择时段</Text>
          <SlotList
            slots={slots}
            mode="book"
            selectedId={slotId}
            onPick={pickSlot}
            renderSelected={(slot) => (
              <ConfirmPanel
                service={service}
                slot={slot}
                attempt={attempt}
                contactPhone={data.community.contactPhone}
                onConfirm={() => void confirm(slot)}
                onCancel={() => setSlotId(null)}
              />
            )}
          />
        </>
      ) : null}
    </View>
  );
}

/** The service, what it is, what to bring, and the rules that matter before booking. */
function ServiceIntro({
  communityName,
  service,
  limits,
}: {
  communityName: string;
  service: BookableService;
  limits: ResidentLimits;
}) {
  const bring = bringText(service.bring);
  return (
    <View className="bdb-booking-flow__intro">
      <Text className="bdb-booking-flow__community">{communityName}</Text>
      <Text className="bdb-booking-flow__name">{service.name}</Text>
      <Text className="bdb-booking-flow__desc">{service.description}</Text>
      {bring ? <Text className="bdb-booking-flow__bring">{bring}</Text> : null}
      <Text className="bdb-booking-flow__rules">
        {`每段 ${service.slotMinutes} 分钟，每段 ${service.seatsPerSlot} 位；${cutoffText(service.cutoffHours)}`}
      </Text>
      <Text className="bdb-booking-flow__rules">{bookingLimitsText(limits)}</Text>
    </View>
  );
}
