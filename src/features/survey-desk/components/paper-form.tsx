import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { useAttemptId } from '@/hooks/use-attempt-id';
import { a11y } from '@/lib/a11y';
import { GatewayError } from '@/lib/gateway';
import type { PaperVotesInput, Round } from '@/types/contract';
import type { RunResult } from '@/hooks/use-desk-run';
import { isPaperField, parsePaper, toggleId, type PaperErrors } from '../model/ballots';
import { CheckChip, FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

const rankIn = (order: string[], id: string) => {
  const at = order.indexOf(id);
  return at === -1 ? order.length : at;
};

export interface PaperFormProps {
  round: Round;
  busy: boolean;
  onEnter: (input: PaperVotesInput) => Promise<RunResult<Round>>;
  onClose: () => void;
}

/**
 * 录入纸质票: ballots filled in at the center, entered as stacks of identical ones ("5 张都选了
 * 政务服务和健康咨询"). Sending the same stack again after a lost answer counts it once.
 */
export function PaperForm({ round, busy, onEnter, onClose }: PaperFormProps) {
  const [choices, setChoices] = useState<string[]>([]);
  const [copies, setCopies] = useState('1');
  const [errors, setErrors] = useState<PaperErrors>({});
  const attempt = useAttemptId();
  // The ranking as the form opened: chips stay put while the counts move with each stack.
  const [order] = useState(() => round.ranking.map((c) => c.id));
  const candidates = [...round.ranking].sort((a, b) => rankIn(order, a.id) - rankIn(order, b.id));

  const submit = async () => {
    const parsed = parsePaper(round, choices, copies);
    setErrors(parsed.errors);
    if (!parsed.input) return;
    const { input } = parsed;
    const subject = `${input.roundId}|${input.choices.join(',')}|${input.copies}`;
    const result = await onEnter({ ...input, requestId: attempt.take(subject) });
    attempt.settle(result.ok ? undefined : result.error);
    if (result.ok) {
      setChoices([]);
      setCopies('1');
    } else if (result.error instanceof GatewayError && isPaperField(result.error.field)) {
      setErrors({ [result.error.field]: result.message });
    }
  };

  return (
    <View className="bdb-desk-form">
      <Text className="bdb-desk-form__title">录入纸质票</Text>
      <Text className="bdb-desk-form__hint">
        {`把选得一样的纸质票放一摞，勾上它们选的服务（每张最多 ${round.maxChoices} 项），再填张数`}
      </Text>
      <View className="bdb-desk-form__row">
        {candidates.map((c) => (
          <CheckChip
            key={c.id}
            checked={choices.includes(c.id)}
            text={c.name}
            label={`纸质票选了 ${c.name}`}
            disabled={busy}
            onToggle={() => setChoices((ids) => toggleId(ids, c.id))}
          />
        ))}
      </View>
      <FieldError text={errors.choices} />
      <Text className="bdb-desk-form__label">这样的选票有几张</Text>
      <Input
        className="bdb-desk-form__input bdb-desk-form__input--short"
        type="number"
        value={copies}
        maxlength={3}
        onInput={(e) => setCopies(e.detail.value)}
        {...a11y({ label: '纸质票张数' })}
      />
      <FieldError text={errors.copies} />
      <View className="bdb-desk-form__row">
        <BigButton onClick={() => void submit()} disabled={busy}>
          录入这些选票
        </BigButton>
        <BigButton variant="quiet" onClick={onClose} label="不录入纸质票">
          收起
        </BigButton>
      </View>
    </View>
  );
}
