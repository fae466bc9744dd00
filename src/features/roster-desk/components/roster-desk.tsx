import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { formatDate, monthDay } from '@/lib/shanghai-time';
import type { AssignShiftInput, CompanionRequest, LeaveRequest, Shift } from '@/types/contract';
import {
  assignCompanion,
  assignShift,
  decideLeave,
  logShiftEnd,
  requestLeave,
  setMyName,
} from '../api/roster';
import type { RunResult } from '@/hooks/use-desk-run';
import type { RosterState } from '../hooks/use-roster';
import {
  companionChoices,
  durationText,
  isLeaveField,
  isShiftField,
  type LeaveInput,
} from '../model/roster-form';
import { CompanionCard } from './companion-card';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { LeaveApprovals } from './leave-approvals';
import { MyComp } from './my-comp';
import { MyName } from './my-name';
import { ShiftCard } from './shift-card';
import { ShiftForm } from './shift-form';
import '@/components/desk-parts/desk-forms.scss';

export interface RosterDeskProps {
  community: string;
  communityName: string | null;
  /** Community names by id, for leave requests of other communities (admins). */
  communityNames: Record<string, string>;
  /** The evening shown, "YYYY-MM-DD" (null while the default is worked out). */
  date: string | null;
  onDate: (date: string) => void;
  state: RosterState;
}

/** 值班与调休: the evening's roster, companion requests, my comp time and (admins) leave to decide. */
export function RosterDesk(props: RosterDeskProps) {
  const { community, communityName, communityNames, date, onDate, state } = props;

  // What came of it is said at the top: go there (a field's refusal stays by its field).
  const act = <T,>(
    action: () => Promise<T>,
    done: (value: T) => string,
    isField?: (f: string | undefined) => boolean,
  ): Promise<RunResult<T>> => state.run(action, { done, isField, scrollTop: true });

  const moves = {
    assign: (input: AssignShiftInput) =>
      act(
        () => assignShift(input),
        (s) => `已把 ${s.name} 排进 ${monthDay(s.date)} 值班 ${s.start}–${s.end}`,
        isShiftField,
      ),
    logEnd: (shift: Shift, end: string) =>
      act(
        () => logShiftEnd(shift.id, end),
        (s) =>
          `已登记 ${s.name} ${s.loggedEnd ?? end} 下班，计入调休 ${durationText(s.compMinutes)}`,
        // A time not yet reached is refused next to the time typed.
        (f) => f === 'end',
      ),
    name: (name: string) =>
      act(
        () => setMyName(name),
        (m) => `已把我的称呼改为 ${m.name}`,
      ),
    companion: (r: CompanionRequest, worker: string) =>
      act(
        () => assignCompanion(r.id, worker),
        (c) => `已请 ${c.workerName ?? worker} 陪同：${c.about}`,
      ),
    leave: (input: LeaveInput) =>
      act(
        () => requestLeave(input),
        (l) => `已申请 ${monthDay(l.date)} 调休 ${durationText(l.minutes)}，等管理员审批`,
        isLeaveField,
      ),
    decide: (l: LeaveRequest, approve: boolean) =>
      void act(
        () => decideLeave(l.id, approve),
        () =>
          `${approve ? '已同意' : '已不同意'} ${l.name} ${monthDay(l.date)} 调休 ${durationText(l.minutes)}`,
      ),
  };

  return (
    <View className="bdb-desk-page">
      <Text className="bdb-desk-page__title">
        {communityName ? `${communityName} 值班与调休` : '值班与调休'}
      </Text>
      {date ? (
        <Picker mode="date" value={date} onChange={(e) => onDate(String(e.detail.value))}>
          <View className="bdb-desk-form__picker" {...a11y({ label: `值班日期 ${date}` })}>
            {`${formatDate(date)}（点这里换一天）`}
          </View>
        </Picker>
      ) : null}
      <FeedbackLine feedback={state.feedback} />
      {date ? (
        <EveningSection
          community={community}
          date={date}
          state={state}
          onAssign={moves.assign}
          onLogEnd={moves.logEnd}
          onCompanion={moves.companion}
        />
      ) : (
        <LoadingState text="正在确定日期…" />
      )}
      <MyName
        member={state.directory.data?.find((m) => m.userId === state.me.data?.userId) ?? null}
        busy={state.busy}
        onSave={moves.name}
      />
      {date ? (
        <MyComp community={community} date={date} state={state} onRequest={moves.leave} />
      ) : null}
      {state.admin ? (
        <LeaveApprovals state={state} communityNames={communityNames} onDecide={moves.decide} />
      ) : null}
    </View>
  );
}

interface EveningSectionProps {
  community: string;
  date: string;
  state: RosterState;
  onAssign: (input: AssignShiftInput) => Promise<RunResult<Shift>>;
  onLogEnd: (shift: Shift, end: string) => Promise<RunResult<Shift>>;
  onCompanion: (r: CompanionRequest, worker: string) => Promise<RunResult<CompanionRequest>>;
}

/** The evening's shifts with 排班, then its companion requests with 指派. */
function EveningSection({ community, date, state, ...moves }: EveningSectionProps) {
  const [assigning, setAssigning] = useState(false);
  const { data, error } = state.evening;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void state.evening.reload()} />
    ) : (
      <LoadingState text="正在加载值班名单…" />
    );
  }
  const me = state.me.data?.userId ?? null;
  const workers = companionChoices(data.shifts, state.directory.data);
  return (
    <>
      <View className="bdb-desk-section">
        <Text className="bdb-desk-section__title">{`值班（${data.shifts.length} 人）`}</Text>
        {data.shifts.length === 0 ? <EmptyState text="这一晚还没有排班" /> : null}
        {data.shifts.map((s) => (
          <ShiftCard
            key={s.id}
            shift={s}
            mine={s.worker === me}
            busy={state.busy}
            onLogEnd={moves.onLogEnd}
          />
        ))}
        {assigning ? (
          <ShiftForm
            community={community}
            date={date}
            members={state.directory.data}
            me={me}
            busy={state.busy}
            onAssign={moves.onAssign}
            onClose={() => setAssigning(false)}
          />
        ) : (
          <BigButton variant="secondary" disabled={state.busy} onClick={() => setAssigning(true)}>
            排班
          </BigButton>
        )}
      </View>
      <View className="bdb-desk-section">
        <Text className="bdb-desk-section__title">
          {`陪同请求（${data.companions.length} 条）`}
        </Text>
        {data.companions.length === 0 ? (
          <Text className="bdb-desk-section__hint">这一晚没有居民请人陪同</Text>
        ) : null}
        {data.companions.map((r) => (
          <CompanionCard
            key={r.id}
            request={r}
            workers={workers}
            busy={state.busy}
            onAssign={moves.onCompanion}
          />
        ))}
      </View>
    </>
  );
}
