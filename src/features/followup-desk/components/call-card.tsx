import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BigButton } from '@/components/big-button/big-button';
import type { FollowUpTask, RecordCallInput } from '@/types/contract';
import type { Category } from '../hooks/use-categories';
import type { RunResult } from '@/hooks/use-desk-run';
import {
  attemptText,
  eveningText,
  lastAttemptAt,
  maskPhone,
  overdueText,
  resultText,
} from '../model/call-text';
import { timelineUrl } from '../model/urls';
import { DialButton } from './dial-button';
import { RecordForm } from './record-form';
import '@/components/desk-parts/desk-forms.scss';
import './call-card.scss';

/** The resident's name, leading to their thread of visits, calls and suggestions. */
function ResidentLink({ task }: { task: FollowUpTask }) {
  return (
    <BigButton
      variant="quiet"
      className="bdb-call-card__name"
      onClick={() => void Taro.navigateTo({ url: timelineUrl(task.community, task.resident) })}
      label={`${task.name} 的记录`}
    >
      {task.name}
    </BigButton>
  );
}

function Tags({ task, overdue }: { task: FollowUpTask; overdue: boolean }) {
  if (task.kind !== 'senior' && !overdue && !task.noCalls) return null;
  return (
    <View className="bdb-desk-card__tags">
      {task.noCalls ? <Text className="bdb-desk-tag bdb-desk-tag--no-calls">不要电话</Text> : null}
      {task.kind === 'senior' ? (
        <Text className="bdb-desk-tag bdb-desk-tag--senior">复访</Text>
      ) : null}
      {overdue ? <Text className="bdb-desk-tag bdb-desk-tag--overdue">已逾期</Text> : null}
    </View>
  );
}

export interface CallCardProps {
  task: FollowUpTask;
  today: string;
  overdue: boolean;
  categories: Category[];
  busy: boolean;
  onRecord: (input: RecordCallInput) => Promise<RunResult<FollowUpTask>>;
}

/** One call to make: who, which evening and services, the number to dial, and what came of it. */
export function CallCard({ task, today, overdue, categories, busy, onRecord }: CallCardProps) {
  const last = lastAttemptAt(task);
  return (
    <View
      className={`bdb-desk-card bdb-call-card${task.kind === 'senior' ? ' bdb-call-card--senior' : ''}`}
    >
      <Tags task={task} overdue={overdue} />
      <ResidentLink task={task} />
      <Text className="bdb-desk-card__line">{`${eveningText(task.date)} · ${task.services.join('、')}`}</Text>
      {overdue ? <Text className="bdb-desk-card__line">{overdueText(task, today)}</Text> : null}
      {task.kind === 'senior' ? (
        <Text className="bdb-call-card__hint">
          上次回访不满意或问题未解决，请资深社工 48 小时内再回访
        </Text>
      ) : null}
      {task.channel === 'call' && task.phone && !task.noCalls ? (
        <>
          <View className="bdb-call-card__phone">
            <Text className="bdb-call-card__number">{maskPhone(task.phone)}</Text>
            <DialButton phone={task.phone} name={task.name} />
          </View>
          <Text className="bdb-call-card__attempts">{attemptText(task)}</Text>
          {last ? <Text className="bdb-desk-card__line">{`上次拨打：${last}`}</Text> : null}
          <RecordForm task={task} categories={categories} busy={busy} onRecord={onRecord} />
        </>
      ) : (
        <Text className="bdb-call-card__hint">{noCallText(task)}</Text>
      )}
    </View>
  );
}

/** Why there is no number to dial: the resident's own choice, or no phone left. */
const noCallText = (task: FollowUpTask) =>
  task.noCalls
    ? '居民选择了不要电话回访，请勿致电，已改为在小程序里询问'
    : '这位居民没有留电话，已改为在小程序里询问';

/** A call of the last week that is over: how it ended. */
export function RecentCard({ task }: { task: FollowUpTask }) {
  return (
    <View className="bdb-desk-card bdb-desk-card--dashed bdb-call-card">
      <Tags task={task} overdue={false} />
      <ResidentLink task={task} />
      <Text className="bdb-desk-card__line">{`${eveningText(task.date)} · ${task.services.join('、')}`}</Text>
      <Text className="bdb-call-card__result">{resultText(task)}</Text>
    </View>
  );
}
