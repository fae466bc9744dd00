import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import './check-in-form.scss';

export interface CheckInFormProps {
  activityName: string;
  busy: boolean;
  onSubmit: (code: string) => void;
  /** The code is being corrected: an earlier refusal no longer applies. */
  onEdit: () => void;
  onClose: () => void;
}

const LABEL = '签到码（社工现场出示）';

/** 现场签到 by typing the code staff show, for phones that cannot scan its QR code. */
export function CheckInForm({ activityName, busy, onSubmit, onEdit, onClose }: CheckInFormProps) {
  const [code, setCode] = useState('');
  return (
    <View
      className="bdb-check-in-form"
      {...a11y({ role: 'group', label: `现场签到 ${activityName}` })}
    >
      <Text className="bdb-check-in-form__label">{LABEL}</Text>
      <Input
        className="bdb-check-in-form__input"
        value={code}
        placeholder="如 K7P2Q9"
        maxlength={8}
        onInput={(e) => {
          setCode(e.detail.value);
          onEdit();
        }}
        onConfirm={() => onSubmit(code)}
        {...a11y({ label: LABEL })}
      />
      <View className="bdb-check-in-form__actions">
        <BigButton onClick={() => onSubmit(code)} disabled={busy}>
          {busy ? '正在签到…' : '确认签到'}
        </BigButton>
        <BigButton variant="secondary" onClick={onClose} disabled={busy}>
          收起
        </BigButton>
      </View>
    </View>
  );
}
