import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import type { Identity } from '@/types/contract';
import { redeem } from '../api/redeem';
import { ROLE_LABELS } from '../role-labels';
import './redeem-form.scss';

export interface RedeemFormProps {
  onRedeemed: (identity: Identity) => void;
}

type Feedback = { kind: 'error' | 'success'; text: string } | null;

/** The admin secret or an invite code → a new role. Errors stay inline, next to the input. */
export function RedeemForm({ onRedeemed }: RedeemFormProps) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  const submit = async () => {
    const trimmed = code.trim();
    if (!trimmed) {
      setFeedback({ kind: 'error', text: '请输入验证码' });
      return;
    }
    setBusy(true);
    setFeedback(null);
    try {
      const identity = await redeem(trimmed);
      setCode('');
      setFeedback({ kind: 'success', text: `验证成功，你现在是${ROLE_LABELS[identity.role]}` });
      onRedeemed(identity);
    } catch (error: unknown) {
      setFeedback({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
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
