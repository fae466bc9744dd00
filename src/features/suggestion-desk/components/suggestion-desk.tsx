import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/load-state/load-state';
import { errorMessage } from '@/lib/gateway';
import type { LogChangeInput, ReplyInput, StaffSuggestion } from '@/types/contract';
import { logChange, mergeSuggestion, replySuggestion } from '../api/suggestions';
import type { RunResult } from '@/hooks/use-desk-run';
import type { SuggestionDeskState } from '../hooks/use-suggestion-desk';
import { isChangeField } from '../model/change-form';
import { isReplyField } from '../model/reply-form';
import {
  canLinkToChange,
  countOf,
  filterLabel,
  filterSuggestions,
  mergeTargets,
  STATUS_FILTERS,
  STATUS_LABELS,
  type StatusFilter,
} from '../model/suggestion-text';
import { ChangeForm } from './change-form';
import { ChoiceChips, FeedbackLine } from '@/components/desk-parts/desk-parts';
import { SuggestionCard } from './suggestion-card';
import '@/components/desk-parts/desk-forms.scss';

export interface SuggestionDeskProps {
  community: string;
  /** Shown in the title when known. */
  communityName: string | null;
  desk: SuggestionDeskState;
}

/** 建议处理: residents' suggestions by status, with reply, merge and 你说我做. */
export function SuggestionDesk({ community, communityName, desk }: SuggestionDeskProps) {
  const [filter, setFilter] = useState<StatusFilter>('all');
  const [ticked, setTicked] = useState<string[]>([]);
  const list = desk.list.data ?? [];
  // Only what can still be linked stays ticked (another desk may have answered it meanwhile).
  const selected = list.filter((s) => ticked.includes(s.id) && canLinkToChange(s));

  // What came of it is said at the top: go there (a field's refusal stays by its field).
  const act = <T,>(
    action: () => Promise<T>,
    done: (value: T) => string,
    isField: (f: string | undefined) => boolean,
  ): Promise<RunResult<T>> => desk.run(action, { done, isField, scrollTop: true });

  const reply = (input: ReplyInput) =>
    act(
      () => replySuggestion(input),
      (s) => `已答复 ${s.receipt}（${STATUS_LABELS[s.status]}），居民会收到通知`,
      isReplyField,
    );
  const merge = (s: StaffSuggestion, into: StaffSuggestion) =>
    act(
      () => mergeSuggestion(s.id, into.id),
      () => `已把 ${s.receipt} 合并到 ${into.receipt}`,
      () => false,
    );
  const log = async (input: LogChangeInput) => {
    const result = await act(
      () => logChange(input),
      (c) => `已记录改进“${c.title}”，回应 ${c.receipts.length} 条建议`,
      isChangeField,
    );
    if (result.ok) setTicked([]);
    return result;
  };

  const select = (id: string, on: boolean) =>
    setTicked((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <View className="bdb-desk-page">
      <Text className="bdb-desk-page__title">
        {communityName ? `${communityName} 建议处理` : '建议处理'}
      </Text>
      <FeedbackLine feedback={desk.feedback} />
      {selected.length > 0 ? (
        <ChangeForm
          community={community}
          selected={selected}
          busy={desk.busy}
          onLog={log}
          onClear={() => setTicked([])}
        />
      ) : (
        <Text className="bdb-desk-page__hint">
          勾选已采纳的建议（“选入改进”），可以一起记录一项改进，公示给居民
        </Text>
      )}
      {desk.list.data ? (
        <ChoiceChips
          label="按状态筛选"
          choices={STATUS_FILTERS.map((f) => ({
            value: f,
            text: `${filterLabel(f)} ${countOf(list, f)}`,
          }))}
          value={filter}
          onChange={setFilter}
        />
      ) : null}
      <SuggestionList
        desk={desk}
        filter={filter}
        ticked={selected.map((s) => s.id)}
        onSelect={select}
        onReply={reply}
        onMerge={merge}
      />
    </View>
  );
}

interface SuggestionListProps {
  desk: SuggestionDeskState;
  filter: StatusFilter;
  ticked: string[];
  onSelect: (id: string, on: boolean) => void;
  onReply: (input: ReplyInput) => Promise<RunResult<StaffSuggestion>>;
  onMerge: (s: StaffSuggestion, into: StaffSuggestion) => Promise<RunResult<StaffSuggestion>>;
}

function SuggestionList({ desk, filter, ticked, onSelect, onReply, onMerge }: SuggestionListProps) {
  const { data, error } = desk.list;
  if (!data) {
    return error ? (
      <ErrorState message={errorMessage(error)} onRetry={() => void desk.list.reload()} />
    ) : (
      <LoadingState text="正在加载建议…" />
    );
  }
  if (data.length === 0) return <EmptyState text="还没有居民提建议" />;
  const shown = filterSuggestions(data, filter);
  if (shown.length === 0) return <EmptyState text={`没有“${filterLabel(filter)}”的建议`} />;
  return (
    <View className="bdb-desk-page__list">
      {shown.map((s) => (
        <SuggestionCard
          key={s.id}
          suggestion={s}
          list={data}
          targets={mergeTargets(data, s)}
          busy={desk.busy}
          selected={ticked.includes(s.id)}
          onSelect={(on) => onSelect(s.id, on)}
          onReply={onReply}
          onMerge={onMerge}
        />
      ))}
    </View>
  );
}
