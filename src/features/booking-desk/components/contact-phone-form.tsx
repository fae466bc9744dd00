import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { FeedbackLine } from '@/components/desk-parts/desk-parts';
import { isFieldRefusal, useDeskRun } from '@/hooks/use-desk-run';
import { TextField } from '@/components/text-field/text-field';
import { setContactPhone } from '../api/set-contact-phone';
import { contactPhoneError } from '../model/contact-phone';
import '@/components/desk-parts/desk-forms.scss';

export interface ContactPhoneFormProps {
  community: string;
  /** The number set now; null when none. */
  current: string | null;
  onSaved: () => void;
}

/**
 * 社工联系电话: the number residents are told to call once a booking can no longer be changed
 * online ("如需变动，请致电社工"). Empty clears it (residents are sent to the desk instead).
 */
export function ContactPhoneForm({ community, current, onSaved }: ContactPhoneFormProps) {
  const [phone, setPhone] = useState(current ?? '');
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const desk = useDeskRun();
  const { busy } = desk;

  // Another desk may set it: follow until this form is being edited.
  useEffect(() => {
    if (!dirty) setPhone(current ?? '');
  }, [current, dirty]);

  const save = async () => {
    const invalid = contactPhoneError(phone);
    setError(invalid);
    desk.setFeedback(null);
    if (invalid) return;
    const result = await desk.run(() => setContactPhone({ community, phone: phone.trim() }), {
      done: (saved) =>
        saved.contactPhone ? '联系电话已保存' : '已清除联系电话，居民会被请到服务台',
      isField: (field) => field === 'phone',
    });
    if (result.ok) {
      setDirty(false);
      onSaved();
    } else if (isFieldRefusal(result, (field) => field === 'phone')) setError(result.message);
  };

  return (
    <View className="bdb-desk-card">
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
      <FeedbackLine feedback={desk.feedback} />
    </View>
  );
}
