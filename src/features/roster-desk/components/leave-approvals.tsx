import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { ErrorState, LoadingState } from '@/components/load-state/load-state';
import { errorMessage } from '@/lib/gateway';
import { formatDate, monthDay } from '@/lib/shanghai-time';
import type { LeaveRequest } from '@/types/contract';
import type { RosterState } from '../hooks/use-roster';
import { durationText } from '../model/roster-form';
import '@/components/desk-parts/desk-forms.scss';

export interface LeaveApprovalsProps {
  state: RosterState;
  /** Community names by id (ids while they load). */
  communityNames: Record<string, string>;
  onDecide: (leave: LeaveRequest, approve: boolean) => void;
}

/** 待审批的调休 (admins): each request with 同意 and 不同意. */
export function LeaveApprovals({ state, communityNames, onDecide }: LeaveApprovalsProps) {
  const { data, error } = state.leave;
  let body;
  if (data) {
    body =
      data.length === 0 ? (
        <Text className="bdb-desk-section__hint">没有待审批的调休</Text>
      ) : (
        data.map((l) => (
          <View key={l.id} className="bdb-desk-card">
            <Text className="bdb-desk-card__name">{`${l.name} 调休 ${durationText(l.minutes)}`}</Text>
            <Text className="bdb-desk-card__line">
              {`${formatDate(l.date)} · ${communityNames[l.community] ?? l.community}`}
            </Text>
            {l.note ? <Text className="bdb-desk-card__line">{`备注：${l.note}`}</Text> : null}
            <View className="bdb-desk-card__actions">
              <BigButton
                disabled={state.busy}
                onClick={() => onDecide(l, true)}
                label={`同意 ${l.name} ${monthDay(l.date)} 的调休`}
              >
                同意
              </BigButton>
              <BigButton
                variant="secondary"
                disabled={state.busy}
                onClick={() => onDecide(l, false)}
                label={`不同意 ${l.name} ${monthDay(l.date)} 的调休`}
              >
                不同意
              </BigButton>
            </View>
          </View>
        ))
      );
  } else if (error) {
    body = <ErrorState message={errorMessage(error)} onRetry={() => void state.leave.reload()} />;
  } else {
    body = <LoadingState text="正在加载调休申请…" />;
  }
  return (
    <View className="bdb-desk-section">
      <Text className="bdb-desk-section__title">待审批的调休</Text>
      {body}
    </View>
  );
}
