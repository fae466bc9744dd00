import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import {
  ContactFields,
  contactInput,
  EMPTY_CONTACT,
  isContactField,
  SlotList,
  useSlots,
  whenText,
  type ContactDraft,
} from '@/features/booking/staff-entry';
import { useAttemptId } from '@/hooks/use-attempt-id';
import { a11y } from '@/lib/a11y';
import { GatewayError } from '@/lib/gateway';
import { formatDate } from '@/lib/shanghai-time';
import type { BookableService, Slot, StaffBooking } from '@/types/contract';
import { bookFor } from '../api/book-for';
import type { BookingDeskState } from '../hooks/use-booking-desk';
import { FeedbackLine, FieldError } from '@/components/desk-parts/desk-parts';
import '@/components/desk-parts/desk-forms.scss';

export interface BookForFormProps {
  community: string;
  services: BookableService[];
  /** The evening the desk shows: the form books on it. */
  date: string | null;
  /** The desk's service filter: the form starts on that service. */
  preferred: string | null;
  desk: BookingDeskState;
}

const NAME_MAX = 40;

/** What is missing before sending, in Chinese; null when the form can go. */
function missing(slot: Slot | undefined, name: string): string | null {
  if (!slot) return '请先选择时段';
  if (!name) return '请填写居民称呼，方便到场时认人';
  return null;
}

function madeText(b: StaffBooking): string {
  const what = `${whenText(b)} ${b.serviceName}`;
  if (b.status === 'waitlisted') {
    const place = b.waitlistPosition === null ? '' : `第 ${b.waitlistPosition} 位`;
    return `已为 ${b.name} 加入候补${place}：${what}`;
  }
  return `已为 ${b.name} 预约 ${what}`;
}

/** 代客预约: a booking for a resident who phoned or came by, on the same seats and waitlist. */
export function BookForForm({ community, services, date, preferred, desk }: BookForFormProps) {
  const [picked, setPicked] = useState<string | null>(null);
  const service = services.find((s) => s.id === (picked ?? preferred)) ?? services[0];
  const [slotId, setSlotId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [contact, setContact] = useState<ContactDraft>(EMPTY_CONTACT);
  const [error, setError] = useState<string | null>(null);
  const [contactError, setContactError] = useState<string | null>(null);
  const [made, setMade] = useState<StaffBooking | null>(null);
  const slots = useSlots(date && service ? { community, service: service.id, date } : null);
  const attempt = useAttemptId();

  const submit = async () => {
    const slot = slots.data?.find((s) => s.id === slotId);
    const trimmed = name.trim();
    const contactParsed = contactInput(contact);
    setError(missing(slot, trimmed));
    setContactError(contactParsed.error);
    if (!slot || !trimmed || contactParsed.error) return;
    // A retry of the same booking reuses its request id: no second seat for the same resident.
    const requestId = attempt.take(`${slot.id}|${trimmed}`);
    const result = await desk.run(
      () => bookFor({ slotId: slot.id, name: trimmed, requestId, ...contactParsed.input }),
      { inForm: true },
    );
    void slots.reload();
    if (!result.ok) {
      attempt.settle(result.error);
      const aboutContact =
        result.error instanceof GatewayError && isContactField(result.error.field);
      if (aboutContact) setContactError(result.message);
      else setError(result.message);
      return;
    }
    attempt.settle();
    setMade(result.value);
    setSlotId(null);
    setName('');
    setContact(EMPTY_CONTACT);
  };

  return (
    <View className="bdb-desk-section bdb-book-for">
      <Text className="bdb-desk-section__title">代客预约</Text>
      <Text className="bdb-desk-section__hint">
        {date
          ? `为打电话或到场的居民预约 ${formatDate(date)} 的时段，满了可以候补`
          : '请先选择日期'}
      </Text>
      {services.length > 1 ? (
        <View className="bdb-desk-form__row" {...a11y({ role: 'group', label: '代客预约的服务' })}>
          {services.map((s) => (
            <BigButton
              key={s.id}
              variant={s.id === service?.id ? 'primary' : 'secondary'}
              onClick={() => {
                setPicked(s.id);
                setSlotId(null);
              }}
            >
              {s.id === service?.id ? `✓ ${s.name}` : s.name}
            </BigButton>
          ))}
        </View>
      ) : null}
      {/* A stable node: the slots' arrival re-sends only them in weapp, not the whole form. */}
      <View className="bdb-book-for__slots">
        {date ? (
          <SlotList
            slots={slots}
            mode="book"
            selectedId={slotId}
            onPick={(slot) => {
              setSlotId(slot.id);
              setError(null);
            }}
          />
        ) : null}
      </View>
      <Text className="bdb-desk-form__label">居民称呼</Text>
      <Input
        className="bdb-desk-form__input"
        value={name}
        placeholder="如：王阿姨（电话预约）"
        maxlength={NAME_MAX}
        onInput={(e) => setName(e.detail.value)}
        {...a11y({ label: '居民称呼' })}
      />
      <ContactFields
        draft={contact}
        onChange={setContact}
        consentText="居民同意社工通过此电话联系"
        error={contactError}
      />
      <BigButton onClick={() => void submit()} disabled={desk.busy}>
        确认代客预约
      </BigButton>
      <FieldError text={error} />
      <FeedbackLine feedback={made ? { kind: 'success', text: madeText(made) } : null} />
    </View>
  );
}
