import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { DateTabs } from '@/features/booking/staff-entry';
import { useWideScreen } from '@/hooks/use-wide-screen';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { formatDate } from '@/lib/shanghai-time';
import type { BookableService, BookingList, BookingServices } from '@/types/contract';
import type { BookingDeskState } from '../hooks/use-booking-desk';
import { byTime, FIGURES, matchesQuery } from '../model/desk-text';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { BookForForm } from './book-for-form';
import { DeskSettings } from './desk-settings';
import { DeskCards, DeskTable } from './desk-rows';
import '@/components/desk-parts/desk-forms.scss';
import './booking-desk.scss';

export interface BookingDeskProps {
  services: BookingServices;
  desk: BookingDeskState;
  /** A setting (a service's, or the contact phone) was saved: the page loads the services again. */
  onSettingsSaved: () => void;
}

/**
 * The bookings of one community for staff: one evening at a time, with every desk move. On the
 * service-desk PC (≥ 1024 px) the list is a dense table and the forms sit side by side; on a
 * phone, cards in one column.
 */
export function BookingDesk({ services, desk, onSettingsSaved }: BookingDeskProps) {
  const wide = useWideScreen();
  const act = (action: () => Promise<unknown>) => desk.run(action);
  const community = services.community.id;

  return (
    <View className={`bdb-desk-page bdb-desk${wide ? ' bdb-desk--wide' : ''}`}>
      <Text className="bdb-desk-page__title">{`${services.community.name} 预约管理`}</Text>
      {services.services.length === 0 ? (
        <EmptyState text="这个社区还没有可预约的服务" />
      ) : (
        <>
          <View className="bdb-desk__controls">
            <DateTabs dates={services.dates} selected={desk.date} onSelect={desk.setDate} />
            <ServiceFilter
              services={services.services}
              selected={desk.service}
              onSelect={desk.setService}
            />
          </View>
          <FeedbackLine feedback={desk.feedback} />
          {/* One stable node whatever the list's state: its arrival re-sends only this part in
              weapp, not the whole desk (issue #15's first-render setData). */}
          <View className="bdb-desk__bookings">
            <DeskList desk={desk} wide={wide} onAct={(action) => void act(action)} />
          </View>
          <View className="bdb-desk__tools">
            <BookForForm
              community={community}
              services={services.services}
              date={desk.date}
              preferred={desk.service}
              desk={desk}
            />
            <DeskSettings services={services} onSaved={onSettingsSaved} />
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
  wide: boolean;
  onAct: (action: () => Promise<unknown>) => void;
}

/** The evening's figures and bookings, found by code, 称呼 or phone; or why they are not there. */
function DeskList({ desk, wide, onAct }: DeskListProps) {
  const [query, setQuery] = useState('');
  const { data, error } = desk.list;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void desk.list.reload()} />
    ) : (
      <LoadingState text="正在加载预约名单…" />
    );
  }
  const all = [...data.bookings].sort(byTime);
  const rows = all.filter((b) => matchesQuery(b, query));
  const title = `${formatDate(data.date)} 预约名单`;
  const count =
    rows.length === all.length ? `${all.length} 条` : `找到 ${rows.length} / ${all.length} 条`;
  const Rows = wide ? DeskTable : DeskCards;
  return (
    <>
      <Figures list={data} />
      <View className="bdb-desk-page__list">
        <View className="bdb-desk__list-head">
          <Text className="bdb-desk-page__section-title">{`${title}（${count}）`}</Text>
          <Input
            className="bdb-desk__search"
            value={query}
            placeholder="查找：预约码、称呼或电话后四位"
            maxlength={20}
            onInput={(e) => setQuery(e.detail.value)}
            {...a11y({ label: '查找预约：预约码、称呼或电话后四位' })}
          />
        </View>
        {all.length === 0 ? <Text className="bdb-desk-page__hint">这一天还没有预约</Text> : null}
        {all.length > 0 && rows.length === 0 ? (
          <Text className="bdb-desk-page__hint">{`没有找到“${query.trim()}”`}</Text>
        ) : null}
        {rows.length > 0 ? <Rows rows={rows} label={title} busy={desk.busy} onAct={onAct} /> : null}
      </View>
      <BigButton variant="secondary" disabled={desk.busy} onClick={() => void desk.list.reload()}>
        刷新名单
      </BigButton>
    </>
  );
}

function Figures({ list }: { list: BookingList }) {
  return (
    <View className="bdb-desk-figures" {...a11y({ role: 'status', live: 'polite' })}>
      {FIGURES.map(([key, name]) => (
        <View key={key} className="bdb-desk-figures__item">
          <Text className="bdb-desk-figures__name">{name}</Text>
          <Text className="bdb-desk-figures__value">{`${list.figures[key]} 位`}</Text>
        </View>
      ))}
    </View>
  );
}
