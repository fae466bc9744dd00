import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { ChoiceGroup } from '@/components/choice-group/choice-group';
import { a11y } from '@/lib/a11y';
import { dayOf } from '@/lib/shanghai-time';
import type { Suggestion } from '@/types/contract';
import { useSuggestionActions, type SuggestionActions } from '../hooks/use-suggestion-actions';
import { changeLine, isAnswered, SOLVED_CHOICES, STATUS_WORDS } from '../model/suggestion-text';
import { StatusBadge } from './status-badge';
import { SuggestionThread } from './suggestion-thread';
import './suggestion-card.scss';

export interface SuggestionCardProps {
  suggestion: Suggestion;
  onChanged: (suggestion: Suggestion) => void;
  onFailed: () => void;
}

const SOLVED_LABEL = '是否解决了？';

/**
 * One of my suggestions: receipt, category, my text, the status in words, the community's reply
 * and reason, the change it led to; 是否解决了 once answered, 重新打开 (confirmed) while allowed.
 */
export function SuggestionCard({ suggestion: s, onChanged, onFailed }: SuggestionCardProps) {
  const actions = useSuggestionActions(s.id, onChanged, onFailed);
  return (
    <View className={`bdb-my-suggestion bdb-my-suggestion--${s.status}`}>
      <View className="bdb-my-suggestion__head">
        <Text className="bdb-my-suggestion__receipt">{`回执号 ${s.receipt}`}</Text>
        <StatusBadge status={s.status} />
      </View>
      <Text className="bdb-my-suggestion__meta">
        {`${s.categoryName} · ${dayOf(s.createdAt)} 提交`}
      </Text>
      <Text className="bdb-my-suggestion__text">{s.text}</Text>
      {s.photo ? (
        <Image
          className="bdb-my-suggestion__photo"
          src={s.photo}
          mode="aspectFit"
          {...a11y({ label: `建议 ${s.receipt} 的照片` })}
        />
      ) : null}
      <Answer suggestion={s} />
      <SuggestionThread suggestion={s} />
      <Follow suggestion={s} actions={actions} />
      {actions.error ? (
        <Text className="bdb-my-suggestion__error" {...a11y({ role: 'alert' })}>
          {`✕ ${actions.error}`}
        </Text>
      ) : null}
    </View>
  );
}

/** What the community said, and what changed because of it. */
function Answer({ suggestion: s }: { suggestion: Suggestion }) {
  return (
    <>
      {s.reply ? (
        <View className="bdb-my-suggestion__reply">
          <Text className="bdb-my-suggestion__reply-title">
            {s.answeredAt ? `社区答复（${dayOf(s.answeredAt)}）` : '社区答复'}
          </Text>
          <Text className="bdb-my-suggestion__reply-text">{s.reply}</Text>
          {s.reason ? (
            <Text className="bdb-my-suggestion__reply-text">{`原因：${s.reason}`}</Text>
          ) : null}
        </View>
      ) : null}
      {s.change ? <Text className="bdb-my-suggestion__change">{changeLine(s.change)}</Text> : null}
    </>
  );
}

/** 是否解决了？ and 重新打开, each only while the server allows it. */
function Follow({
  suggestion: s,
  actions,
}: {
  suggestion: Suggestion;
  actions: SuggestionActions;
}) {
  const [confirming, setConfirming] = useState(false);
  const answered = isAnswered(s.status);
  if (!answered && !s.reopenable) return null;
  const busy = actions.busy !== null;
  return (
    <View className="bdb-my-suggestion__follow">
      {answered ? (
        <>
          <Text className="bdb-my-suggestion__question">{SOLVED_LABEL}</Text>
          <ChoiceGroup
            label={`${SOLVED_LABEL}（建议 ${s.receipt}）`}
            choices={SOLVED_CHOICES}
            selected={s.solved}
            onSelect={(solved) => void actions.answerSolved(solved)}
            disabled={busy}
          />
        </>
      ) : null}
      {s.reopenable && !confirming ? (
        <BigButton
          variant="secondary"
          disabled={busy}
          label={`重新打开建议 ${s.receipt}`}
          onClick={() => {
            actions.clearError();
            setConfirming(true);
          }}
        >
          重新打开
        </BigButton>
      ) : null}
      {s.reopenable && confirming ? (
        <ReopenConfirm
          busy={actions.busy === 'reopen'}
          onConfirm={() => void actions.reopen().then(() => setConfirming(false))}
          onKeep={() => setConfirming(false)}
        />
      ) : null}
    </View>
  );
}

function ReopenConfirm({
  busy,
  onConfirm,
  onKeep,
}: {
  busy: boolean;
  onConfirm: () => void;
  onKeep: () => void;
}) {
  return (
    <View
      className="bdb-my-suggestion__confirm"
      {...a11y({ role: 'group', label: '确认重新打开' })}
    >
      <Text className="bdb-my-suggestion__confirm-text">
        {`重新打开后，社区会再处理一次这条建议，状态改回“${STATUS_WORDS.reviewing}”。确定重新打开吗？`}
      </Text>
      <View className="bdb-my-suggestion__actions">
        <BigButton onClick={onConfirm} disabled={busy}>
          {busy ? '正在重新打开…' : '确认重新打开'}
        </BigButton>
        <BigButton variant="secondary" onClick={onKeep} disabled={busy}>
          不用了
        </BigButton>
      </View>
    </View>
  );
}
