import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import type { Ticket } from '@/types/contract';
import { nearText } from '../model/ticket-text';
import './near-banner.scss';

/** "前面还有 3 位，请回到服务台附近": visible on the page, with a short vibration from the page. */
export function NearBanner({ ticket }: { ticket: Ticket }) {
  return (
    <View className="bdb-near-banner" {...a11y({ role: 'status', live: 'polite' })}>
      <Text className="bdb-near-banner__icon" {...a11y({ hidden: true })}>
        !
      </Text>
      <Text className="bdb-near-banner__text">{`${ticket.label}：${nearText(ticket.ahead)}`}</Text>
    </View>
  );
}
