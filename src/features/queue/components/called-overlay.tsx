import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import type { Ticket } from '@/types/contract';
import './called-overlay.scss';

export interface CalledOverlayProps {
  ticket: Ticket;
  onDismiss: () => void;
}

/**
 * "请到服务台": the whole screen, the number flashing (a static strong highlight when the system
 * asks for reduced motion). Seen, felt (the page vibrates) and read out by screen readers through
 * the page's assertive live region; never a sound only.
 */
export function CalledOverlay({ ticket, onDismiss }: CalledOverlayProps) {
  return (
    <View className="bdb-called" {...a11y({ role: 'dialog', label: '叫号提醒' })}>
      <Text className="bdb-called__title">请到服务台</Text>
      <Text className="bdb-called__line">{ticket.queueName}</Text>
      <Text className="bdb-called__label">{ticket.label}</Text>
      <Text className="bdb-called__hint">工作人员正在叫您的号，请带好随身物品</Text>
      <BigButton className="bdb-called__dismiss" onClick={onDismiss}>
        我知道了
      </BigButton>
    </View>
  );
}
