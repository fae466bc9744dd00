import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { TextField } from '@/components/text-field/text-field';
import { errorMessage } from '@/lib/gateway';
import { fieldOf } from '@/hooks/use-desk-run';
import type { CalendarEvening } from '@/types/contract';
import { addEvening, cancelDate, removeEvening, restoreDate } from '../api/calendar';
import { useCalendar, type CalendarState } from '../hooks/use-calendar';
import { cancelledText, eveningTitle, extraErrors, type ExtraDraft } from '../model/calendar-text';
import '@/components/desk-parts/desk-forms.scss';
import './calendar-desk.scss';

export interface CalendarDeskProps {
  community: string;
  communityName: string;
}

/**
 * 开放日历: the next 8 weeks' evenings, each with 暂停开放 (a reason residents see) or 恢复开放,
 * and 加开一晚. Cancelling cancels that evening's bookings and tells the residents.
 */
export function CalendarDesk({ community, communityName }: CalendarDeskProps) {
  const state = useCalendar(community);
  const { calendar } = state;
  return (
    <View className="bdb-calendar-desk">
      <Text className="bdb-calendar-desk__title">{`${communityName} 开放日历`}</Text>
      <FeedbackLine feedback={state.feedback} />
      {calendar.data === null && calendar.error ? (
        <ErrorState message={errorMessage(calendar.error)} onRetry={() => void calendar.reload()} />
      ) : calendar.data === null ? (
        <LoadingState />
      ) : calendar.data.evenings.length === 0 ? (
        <EmptyState text="接下来 8 周没有服务夜，可以在下面加开一晚" />
      ) : (
        calendar.data.evenings.map((e) => (
          <EveningRow key={e.date} community={community} evening={e} state={state} />
        ))
      )}
      <ExtraForm community={community} state={state} />
    </View>
  );
}

interface RowProps {
  community: string;
  evening: CalendarEvening;
  state: CalendarState;
}

/** One evening: its date and hours, then what staff can do with it as it stands. */
function EveningRow(props: RowProps) {
  const { evening: e } = props;
  return (
    <View className={`bdb-calendar-desk__row${e.cancelled ? ' bdb-calendar-desk__row--off' : ''}`}>
      <Text className="bdb-calendar-desk__when">{eveningTitle(e)}</Text>
      {e.cancelled ? <CancelledActions {...props} /> : <OpenActions {...props} />}
    </View>
  );
}

/**
 * An evening's button, named with its date ("暂停开放 2026-12-09") so a screen reader tells the
 * rows' buttons apart.
 */
function DateButton(props: {
  state: CalendarState;
  date: string;
  text: string;
  onClick: () => void;
}) {
  return (
    <BigButton
      variant="secondary"
      disabled={props.state.busy}
      label={`${props.text} ${props.date}`}
      onClick={props.onClick}
    >
      {props.text}
    </BigButton>
  );
}

function CancelledActions({ community, evening: e, state }: RowProps) {
  return (
    <>
      <Text className="bdb-calendar-desk__reason">{`已暂停开放：${e.reason}`}</Text>
      <Text className="bdb-desk-form__hint">
        恢复开放后，已取消的预约不会自动恢复，请居民重新预约
      </Text>
      <DateButton
        state={state}
        date={e.date}
        text="恢复开放"
        onClick={() => void state.run(() => restoreDate(community, e.date), { done: '已恢复开放' })}
      />
    </>
  );
}

function OpenActions({ community, evening: e, state }: RowProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const cancel = async () => {
    const result = await state.run(() => cancelDate({ community, date: e.date, reason }), {
      done: (r) => cancelledText(e.date, r.cancelledBookings, r.told, r.cancelledSignUps),
      isField: (field) => field === 'reason',
    });
    setError(fieldOf(result) === 'reason' && !result.ok ? result.message : null);
    if (result.ok) setReason('');
  };
  return (
    <>
      <TextField
        label="暂停原因"
        name={`${e.date} 暂停原因`}
        hint="居民会在今晚页面和预约里看到，最多 60 字"
        value={reason}
        maxlength={60}
        onInput={setReason}
        error={error}
      />
      <View className="bdb-desk-form__row">
        <DateButton state={state} date={e.date} text="暂停开放" onClick={() => void cancel()} />
        {e.source === 'extra' ? (
          <DateButton
            state={state}
            date={e.date}
            text="取消加开"
            onClick={() =>
              void state.run(() => removeEvening(community, e.date), { done: '已取消加开' })
            }
          />
        ) : null}
      </View>
    </>
  );
}

/** The 加开一晚 fields, in order; the date's field is named for what it adds. */
const EXTRA_FIELDS: Array<{
  key: keyof ExtraDraft;
  label: string;
  name?: string;
  placeholder?: string;
}> = [
  { key: 'date', label: '日期', name: '加开日期', placeholder: '2026-12-10' },
  { key: 'opensAt', label: '开始时间' },
  { key: 'closesAt', label: '结束时间' },
];

function ExtraForm({ community, state }: { community: string; state: CalendarState }) {
  const [draft, setDraft] = useState<ExtraDraft>({ date: '', opensAt: '18:00', closesAt: '20:00' });
  const [errors, setErrors] = useState<ReturnType<typeof extraErrors>>({});
  const submit = async () => {
    const found = extraErrors(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const result = await state.run(() => addEvening({ community, ...draft }), {
      done: `已加开 ${draft.date} ${draft.opensAt}–${draft.closesAt}`,
    });
    if (result.ok) setDraft((d) => ({ ...d, date: '' }));
  };
  return (
    <View className="bdb-desk-form bdb-calendar-desk__extra">
      <Text className="bdb-desk-form__title">加开一晚</Text>
      {EXTRA_FIELDS.map((f) => (
        <TextField
          key={f.key}
          label={f.label}
          name={f.name}
          placeholder={f.placeholder}
          value={draft[f.key]}
          onInput={(value) => setDraft((d) => ({ ...d, [f.key]: value }))}
          error={errors[f.key]}
          size="short"
        />
      ))}
      <BigButton disabled={state.busy} onClick={() => void submit()}>
        加开这一晚
      </BigButton>
    </View>
  );
}
