import { Text, View } from '@tarojs/components';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { errorMessage } from '@/lib/gateway';
import type { CallList, FollowUpTask, RecordCallInput } from '@/types/contract';
import { recordCall } from '../api/follow-ups';
import { useCategories, type Category } from '../hooks/use-categories';
import type { CallDeskState } from '../hooks/use-call-desk';
import type { RunResult } from '@/hooks/use-desk-run';
import { recordedText } from '../model/call-text';
import { isRecordField } from '../model/record-form';
import { CallCard, RecentCard } from './call-card';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { FollowUpSettings } from './follow-up-settings';
import '@/components/desk-parts/desk-forms.scss';

export interface CallDeskProps {
  community: string;
  /** Shown in the title when known. */
  communityName: string | null;
  desk: CallDeskState;
}

/** 回访名单: today's and overdue calls with their record forms, the last week's, and settings. */
export function CallDesk({ community, communityName, desk }: CallDeskProps) {
  const categories = useCategories(community);

  // A field's refusal is shown next to the field, in the card. A finished call leaves the list:
  // what came of it is said at the top, so go there.
  const record = (input: RecordCallInput): Promise<RunResult<FollowUpTask>> =>
    desk.run(() => recordCall(input), {
      done: (task) => recordedText(task, input),
      isField: isRecordField,
      scrollTop: (result) => !result.ok || result.value.status !== 'open',
    });

  return (
    <View className="bdb-desk-page">
      <Text className="bdb-desk-page__title">
        {communityName ? `${communityName} 回访名单` : '回访名单'}
      </Text>
      <Text className="bdb-desk-page__hint">号码只用于拨打回访电话，名单上只显示部分号码</Text>
      <FeedbackLine feedback={desk.feedback} />
      <CallLists desk={desk} categories={categories} onRecord={record} />
      <FollowUpSettings community={community} />
    </View>
  );
}

interface CallListsProps {
  desk: CallDeskState;
  categories: Category[];
  onRecord: (input: RecordCallInput) => Promise<RunResult<FollowUpTask>>;
}

function CallLists({ desk, categories, onRecord }: CallListsProps) {
  const { data, error } = desk.list;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void desk.list.reload()} />
    ) : (
      <LoadingState text="正在加载回访名单…" />
    );
  }
  const section = (title: string, tasks: FollowUpTask[], overdue: boolean) => (
    <View className="bdb-desk-page__section">
      <Text className="bdb-desk-page__section-title">{`${title}（${tasks.length} 条）`}</Text>
      {tasks.map((t) => (
        <CallCard
          key={t.id}
          task={t}
          today={data.today}
          overdue={overdue}
          categories={categories}
          busy={desk.busy}
          onRecord={onRecord}
        />
      ))}
    </View>
  );
  return (
    <>
      {data.dueToday.length + data.overdue.length === 0 ? (
        <EmptyState text="今天没有要打的回访电话" />
      ) : null}
      {data.dueToday.length > 0 ? section('今天', data.dueToday, false) : null}
      {data.overdue.length > 0 ? section('已逾期', data.overdue, true) : null}
      {data.upcoming > 0 ? (
        <Text className="bdb-desk-page__hint">{`另有 ${data.upcoming} 条以后到期`}</Text>
      ) : null}
      <Recent list={data} />
    </>
  );
}

function Recent({ list }: { list: CallList }) {
  if (list.recent.length === 0) return null;
  return (
    <View className="bdb-desk-page__section">
      <Text className="bdb-desk-page__section-title">{`最近完成（${list.recent.length} 条）`}</Text>
      <Text className="bdb-desk-page__hint">最近 7 天结束的回访，新的在前</Text>
      {list.recent.map((t) => (
        <RecentCard key={t.id} task={t} />
      ))}
    </View>
  );
}
