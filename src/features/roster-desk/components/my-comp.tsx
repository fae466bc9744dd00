import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import type { CompBalance, LeaveRequest } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import type { RosterState } from '../hooks/use-roster';
import { maxOf } from '@/components/bar/bars';
import { monthDay } from '@/lib/shanghai-time';
import {
  COMPANION_STATUS_LABELS,
  durationText,
  LEAVE_STATUS_LABELS,
  shiftLine,
  type LeaveInput,
} from '../model/roster-form';
import { Bar } from '@/components/bar/bar';
import { LeaveForm } from './leave-form';
import '@/components/desk-parts/desk-forms.scss';

export interface MyCompProps {
  community: string;
  date: string;
  state: RosterState;
  onRequest: (input: LeaveInput) => Promise<RunResult<LeaveRequest>>;
}

/** 我的调休: the balance in hours and minutes, my shifts, my leave and the residents I accompany. */
export function MyComp({ community, date, state, onRequest }: MyCompProps) {
  const { data, error } = state.mine;
  let body;
  if (data) {
    body = (
      <MyBalance
        community={community}
        date={date}
        balance={data}
        busy={state.busy}
        onRequest={onRequest}
      />
    );
  } else if (error) {
    body = <ErrorState message={errorMessage(error)} onRetry={() => void state.mine.reload()} />;
  } else {
    body = <LoadingState text="正在读取我的调休…" />;
  }
  return (
    <View className="bdb-desk-section">
      <Text className="bdb-desk-section__title">我的调休</Text>
      <Text className="bdb-desk-section__hint">
        每晚 17:00 以后的时间计入调休；下班以后再登记实际下班时间
      </Text>
      {body}
    </View>
  );
}

interface MyBalanceProps {
  community: string;
  date: string;
  balance: CompBalance;
  busy: boolean;
  onRequest: (input: LeaveInput) => Promise<RunResult<LeaveRequest>>;
}

function MyBalance({ community, date, balance: b, busy, onRequest }: MyBalanceProps) {
  const [asking, setAsking] = useState(false);
  const available = b.balanceMinutes - b.pendingMinutes;
  const max = maxOf([b.accruedMinutes, b.takenMinutes, b.pendingMinutes]);
  return (
    <>
      <View className="bdb-desk-figures" {...a11y({ role: 'status', live: 'polite' })}>
        <View className="bdb-desk-figures__item">
          <Text className="bdb-desk-figures__name">可以申请</Text>
          <Text className="bdb-desk-figures__value">{durationText(available)}</Text>
        </View>
        <View className="bdb-desk-figures__item">
          <Text className="bdb-desk-figures__name">调休余额</Text>
          <Text className="bdb-desk-figures__value">{durationText(b.balanceMinutes)}</Text>
        </View>
      </View>
      <Bar
        name="累计加班"
        value={b.accruedMinutes}
        max={max}
        text={durationText(b.accruedMinutes)}
      />
      <Bar
        name="已经调休"
        value={b.takenMinutes}
        max={max}
        text={durationText(b.takenMinutes)}
        tone="past"
      />
      <Bar
        name="等待审批"
        value={b.pendingMinutes}
        max={max}
        text={durationText(b.pendingMinutes)}
        tone="past"
      />
      {asking ? (
        <LeaveForm
          community={community}
          date={date}
          available={available}
          busy={busy}
          onRequest={onRequest}
          onClose={() => setAsking(false)}
        />
      ) : (
        <BigButton variant="secondary" disabled={busy} onClick={() => setAsking(true)}>
          申请调休
        </BigButton>
      )}
      <Text className="bdb-desk-form__label">{`我陪同的居民（${b.companions.length}）`}</Text>
      {b.companions.length === 0 ? (
        <Text className="bdb-desk-section__hint">还没有指派给我的陪同</Text>
      ) : (
        b.companions.map((c) => (
          <View key={c.id} className="bdb-desk-card">
            <Text className="bdb-desk-card__name">{c.about}</Text>
            {c.note ? <Text className="bdb-desk-card__line">{`居民说明：${c.note}`}</Text> : null}
            <Text className="bdb-desk-card__meta">
              {`${monthDay(c.date)} · ${COMPANION_STATUS_LABELS[c.status]}`}
            </Text>
          </View>
        ))
      )}
      <Text className="bdb-desk-form__label">{`我的值班（${b.shifts.length}）`}</Text>
      {b.shifts.map((s) => (
        <Text key={s.id} className="bdb-desk-card__line">
          {`${monthDay(s.date)} ${shiftLine(s)}`}
        </Text>
      ))}
      <Text className="bdb-desk-form__label">{`我的调休申请（${b.leave.length}）`}</Text>
      {b.leave.map((l) => (
        <Text key={l.id} className="bdb-desk-card__line">
          {`${monthDay(l.date)} 调休 ${durationText(l.minutes)} · ${LEAVE_STATUS_LABELS[l.status]}${l.note ? `（${l.note}）` : ''}`}
        </Text>
      ))}
    </>
  );
}
