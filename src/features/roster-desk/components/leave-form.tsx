import { Input, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { GatewayError } from '@/lib/gateway';
import { formatDate } from '@/lib/shanghai-time';
import type { LeaveRequest } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import { isCalendarDate } from '@/lib/calendar-date';
import {
  durationText,
  emptyLeave,
  isLeaveField,
  LEAVE_PRESETS,
  NOTE_MAX,
  parseLeave,
  type LeaveDraft,
  type LeaveErrors,
  type LeaveInput,
} from '../model/roster-form';
import { ChoiceChips, FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface LeaveFormProps {
  community: string;
  /** The day the form starts with. */
  date: string;
  /** Minutes that may still be asked for: the balance less what awaits approval. */
  available: number;
  busy: boolean;
  onRequest: (input: LeaveInput) => Promise<RunResult<LeaveRequest>>;
  onClose: () => void;
}

/** 申请调休: a day, how long (30 minutes to 8 hours, within the balance), and a note. */
export function LeaveForm(props: LeaveFormProps) {
  const { community, date, available, busy, onRequest, onClose } = props;
  const [draft, setDraft] = useState<LeaveDraft>(() => emptyLeave(date));
  const [errors, setErrors] = useState<LeaveErrors>({});
  const edit = (patch: Partial<LeaveDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const parsed = parseLeave(community, draft, available);
    setErrors(parsed.errors);
    if (!parsed.input) return;
    const result = await onRequest(parsed.input);
    if (result.ok) onClose();
    else if (result.error instanceof GatewayError && isLeaveField(result.error.field)) {
      setErrors({ [result.error.field]: result.message });
    }
  };

  return (
    <View className="bdb-desk-form">
      <Text className="bdb-desk-form__title">申请调休</Text>
      <Text className="bdb-desk-form__hint">{`现在可以申请 ${durationText(available)}`}</Text>
      <Text className="bdb-desk-form__label">哪天调休</Text>
      <Picker
        mode="date"
        value={draft.date}
        onChange={(e) => edit({ date: String(e.detail.value) })}
      >
        <View className="bdb-desk-form__picker" {...a11y({ label: `调休日期 ${draft.date}` })}>
          {isCalendarDate(draft.date) ? formatDate(draft.date) : '点这里选择日期'}
        </View>
      </Picker>
      <FieldError text={errors.date} />
      <Text className="bdb-desk-form__label">调休多久</Text>
      <ChoiceChips
        label="调休时长"
        choices={LEAVE_PRESETS.map((m) => ({ value: String(m), text: durationText(m) }))}
        value={draft.minutes.trim()}
        disabled={busy}
        onChange={(minutes) => edit({ minutes })}
      />
      <Input
        className="bdb-desk-form__input bdb-desk-form__input--short"
        type="number"
        value={draft.minutes}
        placeholder="分钟"
        maxlength={3}
        onInput={(e) => edit({ minutes: e.detail.value })}
        {...a11y({ label: '调休分钟数' })}
      />
      <FieldError text={errors.minutes} />
      <Text className="bdb-desk-form__label">备注（选填）</Text>
      <Input
        className="bdb-desk-form__input"
        value={draft.note}
        placeholder="如：周一下午调休"
        maxlength={NOTE_MAX}
        onInput={(e) => edit({ note: e.detail.value })}
        {...a11y({ label: '调休备注' })}
      />
      <FieldError text={errors.note} />
      <View className="bdb-desk-form__row">
        <BigButton onClick={() => void submit()} disabled={busy}>
          提交申请
        </BigButton>
        <BigButton variant="quiet" onClick={onClose} label="不申请调休">
          取消
        </BigButton>
      </View>
    </View>
  );
}
