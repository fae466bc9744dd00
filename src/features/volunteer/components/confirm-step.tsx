import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';

export interface ConfirmStepProps {
  /** The first button's text, e.g. "撤销". */
  action: string;
  /** Its accessible name, naming whom it acts on, e.g. "撤销 张志愿". */
  label: string;
  /** What the second step asks, saying what cannot be undone. */
  question: string;
  /** The second step's yes, e.g. "确认撤销". */
  yes: string;
  busy: boolean;
  onYes: () => Promise<unknown>;
}

/**
 * A change that cannot be undone here, in two taps: the button, then the question with yes or
 * no (as 社工名单's 撤销 and 作废).
 */
export function ConfirmStep({ action, label, question, yes, busy, onYes }: ConfirmStepProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <BigButton variant="secondary" label={label} disabled={busy} onClick={() => setAsking(true)}>
        {action}
      </BigButton>
    );
  }
  const confirm = async () => {
    await onYes();
    setAsking(false);
  };
  return (
    <View className="bdb-desk-card" {...a11y({ role: 'group', label: question })}>
      <Text className="bdb-desk-card__line">{question}</Text>
      <BigButton onClick={() => void confirm()} disabled={busy}>
        {busy ? '处理中…' : yes}
      </BigButton>
      <BigButton variant="quiet" onClick={() => setAsking(false)} disabled={busy}>
        取消
      </BigButton>
    </View>
  );
}
