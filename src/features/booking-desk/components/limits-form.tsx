import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { fieldOf, isFieldRefusal, useDeskRun } from '@/hooks/use-desk-run';
import { TextField } from '@/components/text-field/text-field';
import type { ResidentLimits } from '@/types/contract';
import { setLimits } from '../api/set-limits';
import {
  isLimitsField,
  LIMIT_FIELDS,
  limitsDraftOf,
  parseLimits,
  type LimitsDraft,
  type LimitsErrors,
  type LimitsField,
} from '../model/limits-form';
import '@/components/desk-parts/desk-forms.scss';

export interface LimitsFormProps {
  community: string;
  /** The limits in force now. */
  current: ResidentLimits;
  onSaved: () => void;
}

/**
 * 每人限额: how many slots a resident may book an evening and hold at once, how many queue
 * numbers they may take an evening, and how many activities they may be signed up for at once.
 * Residents read them before booking, on the tonight page and on a notice; staff booking for
 * someone (代客预约), walk-ins added at the desk and 现场登记 at an activity are never counted.
 */
export function LimitsForm({ community, current, onSaved }: LimitsFormProps) {
  const [draft, setDraft] = useState<LimitsDraft>(() => limitsDraftOf(current));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<LimitsErrors>({});
  const desk = useDeskRun();
  const { busy } = desk;

  // Another desk may change them: follow until this form is being edited.
  useEffect(() => {
    if (!dirty) setDraft(limitsDraftOf(current));
  }, [current, dirty]);

  const edit = (field: LimitsField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setDirty(true);
  };

  const save = async () => {
    const parsed = parseLimits(draft);
    setErrors(parsed.errors);
    desk.setFeedback(null);
    if (!parsed.limits) return;
    const result = await desk.run(() => setLimits({ community, ...parsed.limits }), {
      done: '每人限额已保存，居民下一次预约、取号或报名活动时生效',
      isField: isLimitsField,
    });
    if (result.ok) {
      setDirty(false);
      onSaved();
    } else if (isFieldRefusal(result, isLimitsField)) {
      setErrors({ [fieldOf(result)]: result.message });
    }
  };

  return (
    <View className="bdb-desk-card">
      {LIMIT_FIELDS.map(({ field, label, hint }) => (
        <TextField
          key={field}
          label={label}
          hint={hint}
          value={draft[field]}
          type="number"
          maxlength={2}
          onInput={(value) => edit(field, value)}
          error={errors[field]}
        />
      ))}
      <BigButton onClick={() => void save()} disabled={busy} label="保存每人限额">
        {busy ? '保存中…' : '保存限额'}
      </BigButton>
      <FeedbackLine feedback={desk.feedback} />
    </View>
  );
}
