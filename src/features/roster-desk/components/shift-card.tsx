import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { GatewayError } from '@/lib/gateway';
import type { Shift } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import {
  compMinutesOf,
  durationText,
  normaliseHhmm,
  parseLogEnd,
  REGULAR_CLOSE,
  shiftLine,
} from '../model/roster-form';
import { FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface ShiftCardProps {
  shift: Shift;
  /** The shift is the viewer's own. */
  mine: boolean;
  busy: boolean;
  onLogEnd: (shift: Shift, end: string) => Promise<RunResult<Shift>>;
}

/** One shift: who, planned hours, the logged end and comp time; 登记下班时间 once the evening is over. */
export function ShiftCard({ shift: s, mine, busy, onLogEnd }: ShiftCardProps) {
  const [open, setOpen] = useState(false);
  return (
    <View className="bdb-desk-card">
      <View className="bdb-desk-card__head">
        <Text className="bdb-desk-card__name">{s.name}</Text>
        {mine ? <Text className="bdb-desk-tag">我</Text> : null}
      </View>
      <Text className="bdb-desk-card__line">{shiftLine(s)}</Text>
      <View className="bdb-desk-card__actions">
        <BigButton
          variant={open ? 'primary' : 'secondary'}
          disabled={busy}
          onClick={() => setOpen(!open)}
          label={`登记 ${s.name} 的下班时间`}
        >
          {s.loggedEnd ? '改下班时间' : '登记下班时间'}
        </BigButton>
      </View>
      {open ? (
        <LogEndForm shift={s} busy={busy} onLogEnd={onLogEnd} onClose={() => setOpen(false)} />
      ) : null}
    </View>
  );
}

interface LogEndFormProps {
  shift: Shift;
  busy: boolean;
  onLogEnd: (shift: Shift, end: string) => Promise<RunResult<Shift>>;
  onClose: () => void;
}

function LogEndForm({ shift: s, busy, onLogEnd, onClose }: LogEndFormProps) {
  const [end, setEnd] = useState(s.loggedEnd ?? s.end);
  const [error, setError] = useState<string | null>(null);
  const typed = normaliseHhmm(end);
  const preview =
    typed && typed > s.start
      ? `按 ${typed} 下班，计入调休 ${durationText(compMinutesOf(s.start, typed))}（${REGULAR_CLOSE} 以后的时间）`
      : null;

  const submit = async () => {
    const parsed = parseLogEnd(s, end);
    setError(parsed.error);
    if (!parsed.input) return;
    const result = await onLogEnd(s, parsed.input.end);
    if (result.ok) onClose();
    else if (result.error instanceof GatewayError && result.error.field === 'end') {
      setError(result.message);
    }
  };

  return (
    <View className="bdb-desk-form">
      <Text className="bdb-desk-form__label">实际下班时间</Text>
      <Input
        className="bdb-desk-form__input bdb-desk-form__input--short"
        value={end}
        placeholder="如 20:30"
        maxlength={5}
        onInput={(e) => setEnd(e.detail.value)}
        {...a11y({ label: `${s.name} 实际下班时间` })}
      />
      <FieldError text={error} />
      {preview ? <Text className="bdb-desk-form__hint">{preview}</Text> : null}
      <Text className="bdb-desk-form__hint">调休只算已经工作的时间：下班以后再登记</Text>
      <View className="bdb-desk-form__row">
        <BigButton
          onClick={() => void submit()}
          disabled={busy}
          label={`保存 ${s.name} 的下班时间`}
        >
          保存
        </BigButton>
        <BigButton variant="quiet" onClick={onClose} label={`不登记 ${s.name} 的下班时间`}>
          取消
        </BigButton>
      </View>
    </View>
  );
}
