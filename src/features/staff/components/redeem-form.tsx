import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { useDeskRun } from '@/hooks/use-desk-run';
import { a11y } from '@/lib/a11y';
import type { Identity } from '@/types/contract';
import { redeem } from '../api/redeem';
import { ROLE_LABELS } from '../role-labels';
import './redeem-form.scss';

export interface RedeemFormProps {
  onRedeemed: (identity: Identity) => void;
}

/** The admin secret or an invite code → a new role. Errors stay inline, next to the input. */
export function RedeemForm({ onRedeemed }: RedeemFormProps) {
  const [code, setCode] = useState('');
  const { busy, feedback, setFeedback, run } = useDeskRun();

  const submit = async () => {
    const trimmed = code.trim();
    if (!trimmed) {
      setFeedback({ kind: 'error', text: '请输入验证码' });
      return;
    }
    const result = await run(() => redeem(trimmed), {
      done: (identity) => `验证成功，你现在是${ROLE_LABELS[identity.role]}`,
    });
    if (result.ok) {
      setCode('');
      onRedeemed(result.value);
    }
  };

  return (
    <View className="bdb-redeem-form">
      <Text className="bdb-redeem-form__title">工作人员验证</Text>
      <Text className="bdb-redeem-form__hint">输入管理员口令或社工邀请码</Text>
      <Input
        className="bdb-redeem-form__input"
        value={code}
        placeholder="验证码"
        maxlength={64}
        onInput={(e) => setCode(e.detail.value)}
        onConfirm={() => void submit()}
        {...a11y({ label: '验证码' })}
      />
      <BigButton onClick={() => void submit()} disabled={busy}>
        {busy ? '验证中…' : '验证'}
      </BigButton>
      {feedback ? (
        <Text
          className={`bdb-redeem-form__feedback bdb-redeem-form__feedback--${feedback.kind}`}
          {...a11y({ role: feedback.kind === 'error' ? 'alert' : 'status' })}
        >
          {feedback.kind === 'error' ? `✕ ${feedback.text}` : `✓ ${feedback.text}`}
        </Text>
      ) : null}
    </View>
  );
}
