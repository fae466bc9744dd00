import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ServiceInfo } from '@/types/contract';
import { KIND_LABELS } from '../model/tonight-status';
import './service-list.scss';

export interface ServiceListProps {
  services: ServiceInfo[];
  /** What the resident can do with a service (e.g. the 取号 button), under its description. */
  renderAction?: (service: ServiceInfo) => ReactNode;
  /** The service whose QR code was scanned: framed, and said in words. */
  highlight?: string | null;
}

/** The evening's services: name, one line of description, and how to use it (取号/预约/直接来). */
export function ServiceList({ services, renderAction, highlight = null }: ServiceListProps) {
  return (
    <View className="bdb-service-list">
      {services.map((service) => (
        <View
          key={service.id}
          className={`bdb-service-list__item${service.id === highlight ? ' bdb-service-list__item--highlighted' : ''}`}
        >
          {service.id === highlight ? (
            <Text className="bdb-service-list__scanned">▶ 您扫码的是这项服务</Text>
          ) : null}
          <View className="bdb-service-list__head">
            <Text className="bdb-service-list__name">{service.name}</Text>
            <Text className={`bdb-service-list__badge bdb-service-list__badge--${service.kind}`}>
              {KIND_LABELS[service.kind]}
            </Text>
          </View>
          <Text className="bdb-service-list__desc">{service.description}</Text>
          {renderAction?.(service)}
        </View>
      ))}
    </View>
  );
}
