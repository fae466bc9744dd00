import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { GatewayError } from '@/lib/gateway';
import type { AssignShiftInput, Shift } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import {
  emptyShift,
  isShiftField,
  NAME_MAX,
  parseShift,
  type ShiftDraft,
  type ShiftErrors,
} from '../model/roster-form';
import { ChoiceChips, FieldError } from '@/components/desk-parts/desk-parts';
import './forms.scss';

export interface ShiftFormProps {
  community: string;
  date: string;
  busy: boolean;
  onAssign: (input: AssignShiftInput) => Promise<RunResult<Shift>>;
  onClose: () => void;
}

/** 排班: who (oneself unless another colleague's user id is given), and the planned hours. */
export function ShiftForm({ community, date, busy, onAssign, onClose }: ShiftFormProps) {
  const [draft, setDraft] = useState<ShiftDraft>(emptyShift);
  const [errors, setErrors] = useState<ShiftErrors>({});
  const edit = (patch: Partial<ShiftDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const parsed = parseShift(community, date, draft);
    setErrors(parsed.errors);
    if (!parsed.input) return;
    const result = await onAssign(parsed.input);
    if (result.ok) onClose();
    else if (result.error instanceof GatewayError && isShiftField(result.error.field)) {
      setErrors({ [result.error.field]: result.message });
    }
  };

  return (
    <View className="bdb-program-form">
      <Text className="bdb-program-form__title">排班</Text>
      <Text className="bdb-program-form__label">给谁排</Text>
      <ChoiceChips
        label="排班给"
        choices={[
          { value: 'me', text: '我自己' },
          { value: 'other', text: '其他社工' },
        ]}
        value={draft.who}
        disabled={busy}
        onChange={(who) => edit({ who })}
      />
      {draft.who === 'other' ? (
        <>
          <Input
            className="bdb-program-form__input"
            value={draft.worker}
            placeholder="对方的用户 ID（在对方“我的调休”里能看到）"
            maxlength={80}
            onInput={(e) => edit({ worker: e.detail.value })}
            {...a11y({ label: '社工的用户 ID' })}
          />
          <FieldError text={errors.worker} />
        </>
      ) : (
        <FieldError text={errors.worker} />
      )}
      <Text className="bdb-program-form__label">称呼（名单上显示）</Text>
      <Input
        className="bdb-program-form__input"
        value={draft.name}
        placeholder="如：李社工"
        maxlength={NAME_MAX}
        onInput={(e) => edit({ name: e.detail.value })}
        {...a11y({ label: '值班人称呼' })}
      />
      <FieldError text={errors.name} />
      <View className="bdb-program-form__row">
        <View>
          <Text className="bdb-program-form__label">上班</Text>
          <Input
            className="bdb-program-form__input bdb-program-form__input--short"
            value={draft.start}
            placeholder="16:30"
            maxlength={5}
            onInput={(e) => edit({ start: e.detail.value })}
            {...a11y({ label: '上班时间' })}
          />
        </View>
        <View>
          <Text className="bdb-program-form__label">下班</Text>
          <Input
            className="bdb-program-form__input bdb-program-form__input--short"
            value={draft.end}
            placeholder="20:00"
            maxlength={5}
            onInput={(e) => edit({ end: e.detail.value })}
            {...a11y({ label: '下班时间' })}
          />
        </View>
      </View>
      <FieldError text={errors.start} />
      <FieldError text={errors.end} />
      <View className="bdb-program-form__row">
        <BigButton onClick={() => void submit()} disabled={busy}>
          排进值班
        </BigButton>
        <BigButton variant="quiet" onClick={onClose} label="不排班">
          取消
        </BigButton>
      </View>
    </View>
  );
}
