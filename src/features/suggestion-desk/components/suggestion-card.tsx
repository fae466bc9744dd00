import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { formatDayTime } from '@/lib/shanghai-time';
import type { ReplyInput, StaffSuggestion } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import {
  answerLines,
  canLinkToChange,
  SOURCE_LABELS,
  STATUS_LABELS,
} from '../model/suggestion-text';
import { CheckChip } from '@/components/desk-parts/desk-parts';
import { timelineUrl } from '@/features/followup-desk/entry';
import { MergeForm } from './merge-form';
import { ReplyForm } from './reply-form';
import '@/components/desk-parts/desk-forms.scss';
import './suggestion-card.scss';

export interface SuggestionCardProps {
  suggestion: StaffSuggestion;
  /** The whole list: merge targets and the receipt a merged one went to. */
  list: StaffSuggestion[];
  targets: StaffSuggestion[];
  busy: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onReply: (input: ReplyInput) => Promise<RunResult<StaffSuggestion>>;
  onMerge: (s: StaffSuggestion, into: StaffSuggestion) => Promise<RunResult<StaffSuggestion>>;
}

/** Who wrote it: a link to their thread when the resident is known. */
function Author({ s }: { s: StaffSuggestion }) {
  if (!s.resident) return <Text className="bdb-desk-card__meta">{`提出人：${s.author}`}</Text>;
  const resident = s.resident;
  return (
    <View className="bdb-suggestion-card__author">
      <Text className="bdb-desk-card__meta">提出人：</Text>
      <BigButton
        variant="quiet"
        onClick={() => void Taro.navigateTo({ url: timelineUrl(s.community, resident) })}
        label={`${s.author} 的记录`}
      >
        {s.author}
      </BigButton>
    </View>
  );
}

type Open = 'reply' | 'merge' | null;

/** One suggestion: receipt, category, author, text, photo, source and status, with its moves. */
export function SuggestionCard(props: SuggestionCardProps) {
  const { suggestion: s, list, targets, busy, selected } = props;
  const [open, setOpen] = useState<Open>(null);
  const merged = s.status === 'merged';
  const toggle = (form: Exclude<Open, null>) => setOpen(open === form ? null : form);
  return (
    <View className={`bdb-desk-card bdb-suggestion-card bdb-suggestion-card--${s.status}`}>
      <View className="bdb-desk-card__tags">
        <Text className={`bdb-desk-tag bdb-desk-tag--${s.status}`}>{STATUS_LABELS[s.status]}</Text>
        <Text className="bdb-desk-tag bdb-desk-tag--source">{SOURCE_LABELS[s.source]}</Text>
      </View>
      <Text className="bdb-desk-card__name bdb-suggestion-card__receipt">{`${s.receipt} · ${s.categoryName}`}</Text>
      <Author s={s} />
      <Text className="bdb-suggestion-card__text">{s.text}</Text>
      {s.photo ? (
        <Image
          className="bdb-suggestion-card__photo"
          src={s.photo}
          mode="aspectFill"
          {...a11y({ label: `${s.receipt} 的照片` })}
        />
      ) : null}
      <Text className="bdb-desk-card__meta">{`提交于 ${formatDayTime(s.createdAt)}`}</Text>
      {answerLines(s, list).map((line) => (
        <Text key={line} className="bdb-suggestion-card__answer">
          {line}
        </Text>
      ))}
      {merged ? null : (
        <View className="bdb-desk-card__actions">
          <BigButton
            variant={open === 'reply' ? 'primary' : 'secondary'}
            disabled={busy}
            onClick={() => toggle('reply')}
            label={`答复 ${s.receipt}`}
          >
            答复
          </BigButton>
          {targets.length > 0 ? (
            <BigButton
              variant={open === 'merge' ? 'primary' : 'secondary'}
              disabled={busy}
              onClick={() => toggle('merge')}
              label={`合并 ${s.receipt} 到…`}
            >
              合并到…
            </BigButton>
          ) : null}
          {canLinkToChange(s) ? (
            <CheckChip
              checked={selected}
              text="选入改进"
              label={`选 ${s.receipt} 记录改进`}
              onToggle={() => props.onSelect(!selected)}
            />
          ) : null}
        </View>
      )}
      {open === 'reply' && !merged ? (
        <ReplyForm
          suggestion={s}
          busy={busy}
          onReply={props.onReply}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open === 'merge' && !merged ? (
        <MergeForm
          suggestion={s}
          targets={targets}
          busy={busy}
          onMerge={(into) => props.onMerge(s, into)}
          onClose={() => setOpen(null)}
        />
      ) : null}
    </View>
  );
}
