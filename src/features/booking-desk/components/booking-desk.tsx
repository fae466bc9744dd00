import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { DateTabs, statusText, timeRange } from '@/features/booking/shared';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { formatDate } from '@/lib/shanghai-time';
import type { BookableService, BookingList, BookingServices, StaffBooking } from '@/types/contract';
import * as moves from '../api/desk-moves';
import type { BookingDeskState } from '../hooks/use-booking-desk';
import { useServiceEvenings } from '../hooks/use-service-evenings';
import { byTime, FIGURES, MOVES_ALLOWED, whoText } from '../model/desk-text';
import { BookForForm } from './book-for-form';
import { ServiceSettings } from './service-settings';
import './booking-desk.scss';

export interface BookingDeskProps {
  services: BookingServices;
  desk: BookingDeskState;
  /** A service's settings were saved: the page loads the services again. */
  onSettingsSaved: () => void;
}

/** The bookings of one community for staff: one evening at a time, with every desk move. */
export function BookingDesk({ services, desk, onSettingsSaved }: BookingDeskProps) {
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(await desk.run(action));
  };
  const community = services.community.id;
  const evenings = useServiceEvenings(community);

  return (
    <View className="bdb-desk">
      <Text className="bdb-desk__title">{`${services.community.name} 预约管理`}</Text>
      {services.services.length === 0 ? (
        <EmptyState text="这个社区还没有可预约的服务" />
      ) : (
        <>
          <DateTabs dates={services.dates} selected={desk.date} onSelect={desk.setDate} />
          <ServiceFilter
            services={services.services}
            selected={desk.service}
            onSelect={desk.setService}
          />
          {error ? (
            <Text className="bdb-desk__error" {...a11y({ role: 'alert' })}>
              {`✕ ${error}`}
            </Text>
          ) : null}
          <DeskList desk={desk} onAct={(action) => void act(action)} />
          <BookForForm
            community={community}
            services={services.services}
            date={desk.date}
            preferred={desk.service}
            desk={desk}
          />
          <View className="bdb-desk__settings">
            <Text className="bdb-desk__section-title">预约设置</Text>
            {services.services.map((s) => (
              <ServiceSettings
                key={s.id}
                community={community}
                service={s}
                evenings={evenings}
                onSaved={onSettingsSaved}
              />
            ))}
          </View>
        </>
      )}
    </View>
  );
}

interface ServiceFilterProps {
  services: BookableService[];
  selected: string | null;
  onSelect: (service: string | null) => void;
}

/** 全部服务 or one service; the current one has a tick, not only a colour. */
function ServiceFilter({ services, selected, onSelect }: ServiceFilterProps) {
  const options: Array<{ id: string | null; name: string }> = [
    { id: null, name: '全部服务' },
    ...services.map((s) => ({ id: s.id, name: s.name })),
  ];
  return (
    <View className="bdb-desk__filter" {...a11y({ role: 'group', label: '按服务筛选' })}>
      {options.map((o) => (
        <BigButton
          key={o.id ?? 'all'}
          variant={o.id === selected ? 'primary' : 'secondary'}
          onClick={() => onSelect(o.id)}
        >
          {o.id === selected ? `✓ ${o.name}` : o.name}
        </BigButton>
      ))}
    </View>
  );
}

interface DeskListProps {
  desk: BookingDeskState;
  onAct: (action: () => Promise<unknown>) => void;
}

/** The evening's figures and bookings, or why they are not there. */
function DeskList({ desk, onAct }: DeskListProps) {
  const { data, error } = desk.list;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void desk.list.reload()} />
    ) : (
      <LoadingState text="正在加载预约名单…" />
    );
  }
  const rows = [...data.bookings].sort(byTime);
  return (
    <>
      <Figures list={data} />
      <View className="bdb-desk__list">
        <Text className="bdb-desk__section-title">{`${formatDate(data.date)} 预约名单（${rows.length} 条）`}</Text>
        {rows.length === 0 ? <Text className="bdb-desk__empty">这一天还没有预约</Text> : null}
        {rows.map((b) => (
          <DeskRow key={b.id} booking={b} busy={desk.busy} onAct={onAct} />
        ))}
      </View>
      <BigButton variant="secondary" disabled={desk.busy} onClick={() => void desk.list.reload()}>
        刷新名单
      </BigButton>
    </>
  );
}

function Figures({ list }: { list: BookingList }) {
  return (
    <View className="bdb-desk__figures" {...a11y({ role: 'status', live: 'polite' })}>
      {FIGURES.map(([key, name]) => (
        <View key={key} className="bdb-desk__figure">
          <Text className="bdb-desk__figure-name">{name}</Text>
          <Text className="bdb-desk__figure-value">{`${list.figures[key]} 位`}</Text>
        </View>
      ))}
    </View>
  );
}

interface DeskRowProps {
  booking: StaffBooking;
  busy: boolean;
  onAct: (action: () => Promise<unknown>) => void;
}

/** One booking: time, who, service and phone, status in words, and 签到 / 完成 / 未到. */
function DeskRow({ booking: b, busy, onAct }: DeskRowProps) {
  const who = whoText(b);
  const time = timeRange(b);
  const button = (name: string, allowed: boolean, move: (id: string) => Promise<unknown>) => (
    <BigButton
      variant={name === '完成' ? 'primary' : 'secondary'}
      disabled={busy || !allowed}
      onClick={() => onAct(() => move(b.id))}
      label={`${who} ${time} ${name}`}
    >
      {name}
    </BigButton>
  );
  return (
    <View className={`bdb-desk__row bdb-desk__row--${b.status}`}>
      <View className="bdb-desk__row-head">
        <Text className="bdb-desk__time">{time}</Text>
        <Text className="bdb-desk__status">{statusText(b)}</Text>
      </View>
      <Text className="bdb-desk__who">{who}</Text>
      <Text className="bdb-desk__meta">{`${b.serviceName} · ${b.phone ?? '未留电话'}`}</Text>
      <View className="bdb-desk__row-actions">
        {button('签到', MOVES_ALLOWED.checkIn(b), moves.checkIn)}
        {button('完成', MOVES_ALLOWED.complete(b), moves.complete)}
        {button('未到', MOVES_ALLOWED.noShow(b), moves.noShow)}
      </View>
    </View>
  );
}
