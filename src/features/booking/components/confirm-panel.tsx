import { Input, Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import type { BookableService, Slot } from '@/types/contract';
import type { BookAttempt } from '../hooks/use-book';
import { NAME_MAX } from '../model/contact';
import { slotView, whenText } from '../model/booking-text';
import { ContactFields } from './contact-fields';
import { ContactLine } from './contact-line';
import './confirm-panel.scss';

export interface ConfirmPanelProps {
  service: BookableService;
  slot: Slot;
  attempt: BookAttempt;
  /** The community's contact phone, for a slot past its cut-off. */
  contactPhone: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The check before booking, on the page under the chosen slot (no system dialog). */
export function ConfirmPanel(props: ConfirmPanelProps) {
  const { service, slot, attempt, contactPhone, onConfirm, onCancel } = props;
  const { busy, error } = attempt;
  const view = slotView(slot, 'book');
  return (
    <View className="bdb-book-confirm" {...a11y({ role: 'group', label: '确认预约' })}>
      <Text className="bdb-book-confirm__title">请核对预约信息</Text>
      <Text className="bdb-book-confirm__what">{`${service.name} · ${whenText(slot)}`}</Text>
      {view.kind === 'full' ? (
        <Text className="bdb-book-confirm__waitlist">
          {`这个时段已满，确认后加入候补${slot.waitlisted > 0 ? `，前面有 ${slot.waitlisted} 人` : ''}。有人取消时按顺序转为预约。`}
        </Text>
      ) : null}
      {slot.late ? (
        <LateRule cutoffHours={service.cutoffHours} contactPhone={contactPhone} />
      ) : null}
      <Text className="bdb-book-confirm__label">称呼（选填）</Text>
      <Input
        className="bdb-book-confirm__input"
        value={attempt.name}
        placeholder="如：王阿姨，方便社工在服务台认出您"
        maxlength={NAME_MAX}
        onInput={(e) => attempt.setName(e.detail.value)}
        {...a11y({ label: '称呼（选填）' })}
      />
      <Text className="bdb-book-confirm__hint">
        留下电话，时间有变动时社工可以联系您；不留电话也能预约。
      </Text>
      <ContactFields
        draft={attempt.contact}
        onChange={attempt.setContact}
        consentText="同意社工通过此电话联系我"
        error={attempt.contactError}
      />
      <View className="bdb-book-confirm__actions">
        <BigButton onClick={onConfirm} disabled={busy || view.disabled}>
          {busy ? '正在预约…' : '确认预约'}
        </BigButton>
        <BigButton variant="secondary" onClick={onCancel} disabled={busy}>
          重新选择
        </BigButton>
      </View>
      {error ? (
        <Text className="bdb-book-confirm__error" {...a11y({ role: 'alert' })}>
          {`✕ ${error}`}
        </Text>
      ) : null}
    </View>
  );
}

/** Said before confirming a slot past its cut-off: once booked, only the social workers change it. */
function LateRule({
  cutoffHours,
  contactPhone,
}: {
  cutoffHours: number;
  contactPhone: string | null;
}) {
  return (
    <View className="bdb-book-confirm__late" {...a11y({ role: 'note' })}>
      <Text className="bdb-book-confirm__late-title">
        {`这个时段离开始已不到 ${cutoffHours} 小时，约好后不能在网上取消或改约。`}
      </Text>
      <ContactLine phone={contactPhone} lead="如需变动，" />
    </View>
  );
}
