import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { Chip } from '@/components/chip-group/chip';
import { FitNumber } from '@/components/fit-number/fit-number';
import { a11y } from '@/lib/a11y';
import type { Attendee, Attendees } from '@/types/contract';
import { markAttendance } from '../api/attendees';
import { exportAttendance } from '../api/notice-moves';
import type { AttendeesState } from '../hooks/use-attendees';
import {
  activityWhen,
  attendedText,
  attendeeStatusText,
  FIGURES,
  signUpRule,
} from '../model/notice-text';
import { saveCsv } from '@/lib/save-csv';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { CheckInForForm } from './check-in-for-form';
import { CheckInQr } from './check-in-qr';
import '@/components/desk-parts/desk-forms.scss';
import './attendees-view.scss';

export interface AttendeesViewProps {
  attendees: Attendees;
  state: AttendeesState;
}

/** One activity at the door: figures, the check-in code, the list with attendance, 现场登记. */
export function AttendeesView({ attendees: data, state }: AttendeesViewProps) {
  const { activity } = data;

  const mark = (a: Attendee, attended: boolean) => state.run(() => markAttendance(a.id, attended));

  // Which button says 正在导出… (busy keeps every button off meanwhile).
  const [exporting, setExporting] = useState(false);
  // An export changes nothing on the list: no reload.
  const exportSheet = async () => {
    setExporting(true);
    await state.run(
      async () => saveCsv(await exportAttendance(data.notice.id), { sheet: '签到表' }),
      { done: (said) => said, reload: false },
    );
    setExporting(false);
  };

  return (
    <View className="bdb-desk-page">
      <Text className="bdb-desk-page__hint">{data.notice.title}</Text>
      <Text className="bdb-desk-page__title">{activity.name}</Text>
      <Text className="bdb-desk-page__hint">{activityWhen(activity)}</Text>
      <Text className="bdb-desk-page__hint">{signUpRule(activity)}</Text>
      <View className="bdb-desk-figures" {...a11y({ role: 'status', live: 'polite' })}>
        {FIGURES.map(([key, name]) => (
          <View key={key} className="bdb-desk-figures__item">
            <Text className="bdb-desk-figures__name">{name}</Text>
            <Text className="bdb-desk-figures__value">{`${data.figures[key]} 人`}</Text>
          </View>
        ))}
      </View>
      <View className="bdb-attendees__code-box">
        <Text className="bdb-attendees__code-label">签到码</Text>
        <FitNumber
          className="bdb-attendees__code"
          text={data.checkInCode}
          label={`签到码 ${data.checkInCode.split('').join(' ')}`}
          selectable
        />
        <CheckInQr activityId={activity.id} code={data.checkInCode} />
      </View>
      <FeedbackLine feedback={state.feedback} />
      <View className="bdb-desk-page__list">
        <Text className="bdb-desk-page__section-title">{`名单（${data.attendees.length} 人）`}</Text>
        {data.attendees.length === 0 ? (
          <Text className="bdb-desk-page__hint">还没有人报名或登记</Text>
        ) : null}
        {data.attendees.map((a) => (
          <AttendeeRow
            key={a.id}
            attendee={a}
            busy={state.busy}
            onMark={(on) => void mark(a, on)}
          />
        ))}
      </View>
      <CheckInForForm activityId={activity.id} state={state} />
      <View className="bdb-attendees__tools">
        <BigButton
          variant="secondary"
          disabled={state.busy}
          onClick={() => void state.data.reload()}
        >
          刷新名单
        </BigButton>
        <BigButton variant="secondary" disabled={state.busy} onClick={() => void exportSheet()}>
          {exporting ? '正在导出…' : '导出签到表'}
        </BigButton>
      </View>
    </View>
  );
}

interface AttendeeRowProps {
  attendee: Attendee;
  busy: boolean;
  onMark: (attended: boolean) => void;
}

/** One person: name, sign-up in words, arrival, and the 到场 switch (not for a cancelled one). */
function AttendeeRow({ attendee: a, busy, onMark }: AttendeeRowProps) {
  const attended = a.attendedAt !== null;
  const cancelled = a.status === 'cancelled';
  return (
    <View className={`bdb-desk-card bdb-attendees__row bdb-attendees__row--${a.status}`}>
      <View className="bdb-desk-card__top">
        <Text className="bdb-desk-form__label">{a.name}</Text>
        <Text className={`bdb-desk-status bdb-desk-status--${a.status}`}>
          {attendeeStatusText(a)}
        </Text>
      </View>
      <Text className={`bdb-attendees__arrival${attended ? ' bdb-attendees__arrival--in' : ''}`}>
        {attendedText(a)}
      </Text>
      {cancelled ? null : (
        <Chip
          role="switch"
          checked={attended}
          disabled={busy}
          label={`${a.name} 已到场`}
          className={`bdb-attendees__toggle${attended ? ' bdb-attendees__toggle--on' : ''}`}
          onActivate={() => onMark(!attended)}
        >
          {attended ? '✓ 已到场（点此撤销）' : '登记到场'}
        </Chip>
      )}
    </View>
  );
}
