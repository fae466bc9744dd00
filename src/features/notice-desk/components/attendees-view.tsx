import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { Chip } from '@/components/chip-group/chip';
import { FitNumber } from '@/components/fit-number/fit-number';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
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
import { CheckInForForm } from './check-in-for-form';
import { CheckInQr } from './check-in-qr';
import './attendees-view.scss';

export interface AttendeesViewProps {
  attendees: Attendees;
  state: AttendeesState;
}

type Feedback = { kind: 'error' | 'success'; text: string } | null;

/** One activity at the door: figures, the check-in code, the list with attendance, 现场登记. */
export function AttendeesView({ attendees: data, state }: AttendeesViewProps) {
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [exporting, setExporting] = useState(false);
  const { activity } = data;

  const mark = async (a: Attendee, attended: boolean) => {
    setFeedback(null);
    const message = await state.run(() => markAttendance(a.id, attended));
    if (message) setFeedback({ kind: 'error', text: message });
  };

  const exportSheet = async () => {
    setFeedback(null);
    setExporting(true);
    try {
      const said = await saveCsv(await exportAttendance(data.notice.id), { sheet: '签到表' });
      if (said) setFeedback({ kind: 'success', text: said });
    } catch (e: unknown) {
      setFeedback({ kind: 'error', text: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <View className="bdb-attendees">
      <Text className="bdb-attendees__notice">{data.notice.title}</Text>
      <Text className="bdb-attendees__title">{activity.name}</Text>
      <Text className="bdb-attendees__meta">{activityWhen(activity)}</Text>
      <Text className="bdb-attendees__meta">{signUpRule(activity)}</Text>
      <View className="bdb-attendees__figures" {...a11y({ role: 'status', live: 'polite' })}>
        {FIGURES.map(([key, name]) => (
          <View key={key} className="bdb-attendees__figure">
            <Text className="bdb-attendees__figure-name">{name}</Text>
            <Text className="bdb-attendees__figure-value">{`${data.figures[key]} 人`}</Text>
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
      {feedback ? (
        <Text
          className={`bdb-attendees__feedback bdb-attendees__feedback--${feedback.kind}`}
          {...a11y({ role: feedback.kind === 'error' ? 'alert' : 'status' })}
        >
          {feedback.kind === 'error' ? `✕ ${feedback.text}` : `✓ ${feedback.text}`}
        </Text>
      ) : null}
      <View className="bdb-attendees__list">
        <Text className="bdb-attendees__section-title">{`名单（${data.attendees.length} 人）`}</Text>
        {data.attendees.length === 0 ? (
          <Text className="bdb-attendees__empty">还没有人报名或登记</Text>
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
        <BigButton variant="secondary" disabled={exporting} onClick={() => void exportSheet()}>
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
    <View className={`bdb-attendees__row bdb-attendees__row--${a.status}`}>
      <View className="bdb-attendees__row-head">
        <Text className="bdb-attendees__name">{a.name}</Text>
        <Text className="bdb-attendees__status">{attendeeStatusText(a)}</Text>
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
