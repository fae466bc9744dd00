import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { TextField } from '@/components/text-field/text-field';
import { a11y } from '@/lib/a11y';
import { errorMessage, GatewayError } from '@/lib/gateway';
import { setContactPhone } from '../api/set-contact-phone';
import { contactPhoneError } from '../model/contact-phone';
import './service-settings.scss';

export interface ContactPhoneFormProps {
  community: string;
  /** The number set now; null when none. */
  current: string | null;
  onSaved: () => void;
}

type Feedback = { kind: 'error' | 'success'; text: string } | null;

/**
 * 社工联系电话: the number residents are told to call once a booking can no longer be changed
 * online ("如需变动，请致电社工"). Empty clears it (residents are sent to the desk instead).
 */
export function ContactPhoneForm({ community, current, onSaved }: ContactPhoneFormProps) {
  const [phone, setPhone] = useState(current ?? '');
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);

  // Another desk may set it: follow until this form is being edited.
  useEffect(() => {
    if (!dirty) setPhone(current ?? '');
  }, [current, dirty]);

  const save = async () => {
    const invalid = contactPhoneError(phone);
    setError(invalid);
    setFeedback(null);
    if (invalid) return;
    setBusy(true);
    try {
      const saved = await setContactPhone({ community, phone: phone.trim() });
      setDirty(false);
      setFeedback({
        kind: 'success',
        text: saved.contactPhone ? '联系电话已保存' : '已清除联系电话，居民会被请到服务台',
      });
      onSaved();
    } catch (e: unknown) {
      if (e instanceof GatewayError && e.field === 'phone') setError(e.message);
      else setFeedback({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bdb-service-settings">
      <TextField
        label="社工联系电话"
        hint="居民的预约不能在网上更改时，页面请他们拨打这个电话；留空则请他们到服务台"
        value={phone}
        placeholder="如：0512-6888 1234"
        maxlength={20}
        onInput={(value) => {
          setPhone(value);
          setDirty(true);
        }}
        error={error}
      />
      <BigButton onClick={() => void save()} disabled={busy} label="保存社工联系电话">
        {busy ? '保存中…' : '保存电话'}
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
