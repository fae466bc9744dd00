import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { useAttemptId } from '@/hooks/use-attempt-id';
import { a11y } from '@/lib/a11y';
import { checkInFor } from '../api/attendees';
import type { AttendeesState } from '../hooks/use-attendees';
import { FeedbackLine, FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface CheckInForFormProps {
  activityId: string;
  state: AttendeesState;
}

const NAME_MAX = 40;

/** 现场登记: someone who did not sign up came anyway. A retry reuses its request id. */
export function CheckInForForm({ activityId, state }: CheckInForFormProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const attempt = useAttemptId();

  const submit = async () => {
    const trimmed = name.trim();
    setDone(null);
    if (!trimmed) {
      setError('请填写姓名或称呼，如：3栋 李大爷');
      return;
    }
    setError(null);
    const requestId = attempt.take(`${activityId}|${trimmed}`);
    const result = await state.run(() => checkInFor({ activityId, name: trimmed, requestId }), {
      inForm: true,
    });
    if (!result.ok) {
      attempt.settle(result.error);
      setError(result.message);
      return;
    }
    attempt.settle();
    setDone(`已为 ${result.value.name} 登记到场`);
    setName('');
  };

  return (
    <View className="bdb-desk-section bdb-check-in-for">
      <Text className="bdb-desk-section__title">现场登记</Text>
      <Text className="bdb-desk-section__hint">没有报名、但来了的居民：写下称呼，直接算到场</Text>
      <Text className="bdb-desk-form__label">姓名或称呼</Text>
      <Input
        className="bdb-desk-form__input"
        value={name}
        placeholder="如：3栋 李大爷"
        maxlength={NAME_MAX}
        onInput={(e) => setName(e.detail.value)}
        onConfirm={() => void submit()}
        {...a11y({ label: '现场登记 姓名或称呼' })}
      />
      <BigButton onClick={() => void submit()} disabled={state.busy}>
        登记到场
      </BigButton>
      <FieldError text={error} />
      <FeedbackLine feedback={done ? { kind: 'success', text: done } : null} />
    </View>
  );
}
