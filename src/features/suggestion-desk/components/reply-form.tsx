import { Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { GatewayError } from '@/lib/gateway';
import type { ReplyInput, StaffSuggestion } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import {
  applyTemplate,
  draftOf,
  isReplyField,
  parseReply,
  REASON_MAX,
  REPLY_MAX,
  REPLY_STATUSES,
  REPLY_TEMPLATES,
  type ReplyDraft,
  type ReplyErrors,
} from '../model/reply-form';
import { ChoiceChips, FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface ReplyFormProps {
  suggestion: StaffSuggestion;
  busy: boolean;
  onReply: (input: ReplyInput) => Promise<RunResult<StaffSuggestion>>;
  onClose: () => void;
}

/** 答复: a ready-made or own reply, the status it gives, and why when not adopted. */
export function ReplyForm({ suggestion: s, busy, onReply, onClose }: ReplyFormProps) {
  const [draft, setDraft] = useState<ReplyDraft>(() => draftOf(s));
  const [errors, setErrors] = useState<ReplyErrors>({});
  const edit = (patch: Partial<ReplyDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const parsed = parseReply(s.id, draft);
    setErrors(parsed.errors);
    if (!parsed.input) return;
    const result = await onReply(parsed.input);
    if (result.ok) onClose();
    else if (result.error instanceof GatewayError && isReplyField(result.error.field)) {
      setErrors({ [result.error.field]: result.message });
    }
  };

  return (
    <View className="bdb-desk-form">
      <Text className="bdb-desk-form__title">{`答复 ${s.receipt}`}</Text>
      <Text className="bdb-desk-form__label">常用答复</Text>
      <View className="bdb-desk-form__row">
        {REPLY_TEMPLATES.map((t) => (
          <BigButton
            key={t.text}
            variant="secondary"
            disabled={busy}
            onClick={() => setDraft((d) => applyTemplate(d, t))}
            label={`${s.receipt} 用常用答复：${t.text}`}
          >
            {t.text}
          </BigButton>
        ))}
      </View>
      <Text className="bdb-desk-form__label">处理结果</Text>
      <ChoiceChips
        label={`${s.receipt} 处理结果`}
        choices={REPLY_STATUSES.map((c) => ({ value: c.status, text: c.text }))}
        value={draft.status}
        disabled={busy}
        onChange={(status) => edit({ status })}
      />
      <FieldError text={errors.status} />
      <Text className="bdb-desk-form__label">给居民的答复</Text>
      <Textarea
        className="bdb-desk-form__textarea"
        value={draft.reply}
        placeholder="居民会在“我的建议”里看到这段话"
        maxlength={REPLY_MAX}
        autoHeight
        onInput={(e) => edit({ reply: e.detail.value })}
        {...a11y({ label: `${s.receipt} 答复内容` })}
      />
      <FieldError text={errors.reply} />
      {draft.status === 'not-adopted' || draft.status === 'answered' ? (
        <>
          <Text className="bdb-desk-form__label">
            {draft.status === 'not-adopted' ? '暂不采纳的原因（必填）' : '说明（选填）'}
          </Text>
          <Textarea
            className="bdb-desk-form__textarea"
            value={draft.reason}
            placeholder="如：场地晚上另有安排，明年春季再评估"
            maxlength={REASON_MAX}
            autoHeight
            onInput={(e) => edit({ reason: e.detail.value })}
            {...a11y({ label: `${s.receipt} 原因` })}
          />
          <FieldError text={errors.reason} />
        </>
      ) : null}
      <View className="bdb-desk-form__row">
        <BigButton onClick={() => void submit()} disabled={busy} label={`发送答复 ${s.receipt}`}>
          发送答复
        </BigButton>
        <BigButton variant="quiet" onClick={onClose} label={`不答复 ${s.receipt}`}>
          取消
        </BigButton>
      </View>
    </View>
  );
}
