import { Input, Text, View } from '@tarojs/components';
import { Chip } from '@/components/chip-group/chip';
import { a11y } from '@/lib/a11y';
import type { ContactDraft } from '../model/contact';
import './contact-fields.scss';

export interface ContactFieldsProps {
  draft: ContactDraft;
  onChange: (draft: ContactDraft) => void;
  /** What the resident agrees to, e.g. "同意社工通过此电话联系我". */
  consentText: string;
  /** A wrong phone or a refused consent, in Chinese. */
  error: string | null;
}

/**
 * An optional phone and an explicit, unticked-by-default consent. The phone is only sent with the
 * consent; typed without it, the field says so instead of sending it silently.
 */
export function ContactFields({ draft, onChange, consentText, error }: ContactFieldsProps) {
  const { phone, consent } = draft;
  return (
    <View className="bdb-contact">
      <Text className="bdb-contact__label">联系电话（选填）</Text>
      <Input
        className="bdb-contact__input"
        value={phone}
        type="number"
        placeholder="手机号，如 13812345678"
        maxlength={20}
        onInput={(e) => onChange({ phone: e.detail.value, consent })}
        {...a11y({ label: '联系电话（选填）' })}
      />
      <Chip
        role="checkbox"
        checked={consent}
        disabled={false}
        label={consentText}
        className={`bdb-contact__consent${consent ? ' bdb-contact__consent--checked' : ''}`}
        onActivate={() => onChange({ phone, consent: !consent })}
      >
        <Text className="bdb-contact__box" {...a11y({ hidden: true })}>
          {consent ? '✓' : ''}
        </Text>
        <Text className="bdb-contact__consent-text">{consentText}</Text>
      </Chip>
      {phone.trim() !== '' && !consent ? (
        <Text className="bdb-contact__hint">未勾选同意，这个电话不会留给社工</Text>
      ) : null}
      {error ? (
        <Text className="bdb-contact__error" {...a11y({ role: 'alert' })}>
          {`✕ ${error}`}
        </Text>
      ) : null}
    </View>
  );
}
