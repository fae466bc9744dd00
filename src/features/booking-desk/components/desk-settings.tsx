import { Text, View } from '@tarojs/components';
import { Disclosure } from '@/components/disclosure/disclosure';
import { cutoffText } from '@/features/booking/staff-entry';
import type { BookingServices } from '@/types/contract';
import { useServiceEvenings } from '../hooks/use-service-evenings';
import { limitsSummary } from '../model/limits-form';
import { ContactPhoneForm } from './contact-phone-form';
import { LimitsForm } from './limits-form';
import { ServiceSettings } from './service-settings';

export interface DeskSettingsProps {
  services: BookingServices;
  /** Something was saved: the page loads the services (and the contact phone) again. */
  onSaved: () => void;
}

/**
 * 预约设置, folded: each form opens on its own, with what it holds now said while folded. They
 * are set up once and rarely touched during an evening, so they stay out of the desk's way.
 */
export function DeskSettings({ services, onSaved }: DeskSettingsProps) {
  const community = services.community.id;
  const evenings = useServiceEvenings(community);
  return (
    <View className="bdb-desk__settings">
      <Text className="bdb-desk-page__section-title">预约设置</Text>
      <Disclosure
        id="contact-phone"
        title="社工联系电话"
        summary={services.community.contactPhone ?? '未设置：居民会被请到服务台'}
      >
        <ContactPhoneForm
          community={community}
          current={services.community.contactPhone}
          onSaved={onSaved}
        />
      </Disclosure>
      <Disclosure id="resident-limits" title="每人限额" summary={limitsSummary(services.limits)}>
        <LimitsForm community={community} current={services.limits} onSaved={onSaved} />
      </Disclosure>
      {services.services.map((s) => (
        <Disclosure
          key={s.id}
          id={`service-${s.id}`}
          title={`${s.name} 预约设置`}
          summary={`每段 ${s.slotMinutes} 分钟 · 每段 ${s.seatsPerSlot} 位 · ${cutoffText(s.cutoffHours)}`}
        >
          <ServiceSettings
            community={community}
            service={s}
            evenings={evenings}
            onSaved={onSaved}
            heading={false}
          />
        </Disclosure>
      ))}
    </View>
  );
}
