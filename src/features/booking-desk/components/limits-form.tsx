import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { TextField } from '@/components/text-field/text-field';
import { a11y } from '@/lib/a11y';
import { errorMessage, GatewayError } from '@/lib/gateway';
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
import './service-settings.scss';

export interface LimitsFormProps {
  community: string;
  /** The limits in force now. */
  current: ResidentLimits;
  onSaved: () => void;
}

type Feedback = { kind: 'error' | 'success'; text: string } | null;

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
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);

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
    setFeedback(null);
    if (!parsed.limits) return;
    setBusy(true);
    try {
      await setLimits({ community, ...parsed.limits });
      setDirty(false);
      setFeedback({
        kind: 'success',
        text: '每人限额已保存，居民下一次预约、取号或报名活动时生效',
      });
      onSaved();
    } catch (e: unknown) {
      if (e instanceof GatewayError && isLimitsField(e.field)) setErrors({ [e.field]: e.message });
      else setFeedback({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bdb-service-settings">
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
      {feedback ? (
        <Text
          className={`bdb-service-settings__feedback bdb-service-settings__feedback--${feedback.kind}`}
          {...a11y({ role: feedback.kind === 'error' ? 'alert' : 'status' })}
        >
          {feedback.kind === 'error' ? `✕ ${feedback.text}` : `✓ ${feedback.text}`}
        </Text>
      ) : null}
    </View>
  );
}
