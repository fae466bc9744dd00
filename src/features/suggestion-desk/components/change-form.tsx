import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { GatewayError } from '@/lib/gateway';
import { formatDate, shanghaiDate } from '@/lib/shanghai-time';
import type { ChangeEntry, LogChangeInput, StaffSuggestion } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import {
  DETAIL_MAX,
  emptyChange,
  isChangeField,
  parseChange,
  TITLE_MAX,
  type ChangeDraft,
  type ChangeErrors,
} from '../model/change-form';
import { isCalendarDate } from '../model/dates';
import { FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface ChangeFormProps {
  community: string;
  /** The adopted suggestions ticked in the list. */
  selected: StaffSuggestion[];
  busy: boolean;
  onLog: (input: LogChangeInput) => Promise<RunResult<ChangeEntry>>;
  onClear: () => void;
}

/**
 * The day the ticked suggestions were adopted, on the server's clock (which a demo clock or
 * BDB_NOW may move away from the phone's): the natural "since" of the change they led to.
 */
export function adoptedOn(selected: StaffSuggestion[]): string {
  const days = selected.map((s) => s.answeredAt?.slice(0, 10)).filter((d): d is string => !!d);
  return days.length > 0 ? days.sort()[days.length - 1]! : shanghaiDate();
}

/** 记录改进 (你说我做): what changed and since when, answering the ticked suggestions. */
export function ChangeForm({ community, selected, busy, onLog, onClear }: ChangeFormProps) {
  const [draft, setDraft] = useState<ChangeDraft>(() => emptyChange(adoptedOn(selected)));
  const [errors, setErrors] = useState<ChangeErrors>({});
  const edit = (patch: Partial<ChangeDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const parsed = parseChange(
      community,
      draft,
      selected.map((s) => s.id),
    );
    setErrors(parsed.errors);
    if (!parsed.input) return;
    const result = await onLog(parsed.input);
    if (result.ok) setDraft(emptyChange(shanghaiDate()));
    else if (result.error instanceof GatewayError && isChangeField(result.error.field)) {
      setErrors({ [result.error.field]: result.message });
    }
  };

  return (
    <View className="bdb-desk-form bdb-desk-form--strong">
      <Text className="bdb-desk-form__title">记录改进（你说我做）</Text>
      <Text className="bdb-desk-form__hint">
        {`回应已选的 ${selected.length} 条建议：${selected.map((s) => s.receipt).join('、')}；居民会在公示栏看到`}
      </Text>
      <FieldError text={errors.suggestionIds} />
      <Text className="bdb-desk-form__label">改了什么</Text>
      <Input
        className="bdb-desk-form__input"
        value={draft.title}
        placeholder="如：周三晚增加康复理疗"
        maxlength={TITLE_MAX}
        onInput={(e) => edit({ title: e.detail.value })}
        {...a11y({ label: '改进标题' })}
      />
      <FieldError text={errors.title} />
      <Text className="bdb-desk-form__label">具体内容</Text>
      <Textarea
        className="bdb-desk-form__textarea"
        value={draft.detail}
        placeholder="如：根据居民建议，从 12 月起每周三晚增加康复理疗服务"
        maxlength={DETAIL_MAX}
        autoHeight
        onInput={(e) => edit({ detail: e.detail.value })}
        {...a11y({ label: '改进内容' })}
      />
      <FieldError text={errors.detail} />
      <Text className="bdb-desk-form__label">从哪天开始</Text>
      <Picker
        mode="date"
        value={draft.since}
        onChange={(e) => edit({ since: String(e.detail.value) })}
      >
        <View className="bdb-desk-form__picker" {...a11y({ label: `开始日期 ${draft.since}` })}>
          {isCalendarDate(draft.since) ? `${formatDate(draft.since)} 起` : '点这里选择日期'}
        </View>
      </Picker>
      <FieldError text={errors.since} />
      <View className="bdb-desk-form__row">
        <BigButton onClick={() => void submit()} disabled={busy}>
          记录改进
        </BigButton>
        <BigButton variant="quiet" onClick={onClear}>
          取消选择
        </BigButton>
      </View>
    </View>
  );
}
