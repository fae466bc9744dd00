import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import type { LineState, Ticket } from '@/types/contract';
import { lineStopText } from '../model/ticket-text';
import './line-stop-notice.scss';

export interface LineStopNoticeProps {
  /** The line of the ticket shown, as last pushed; nothing is said before it is known. */
  line: LineState | undefined;
  ticket: Ticket;
  /** The server's clock, epoch ms. */
  now: number;
}

/**
 * "今晚取号已在 19:30 截止，您的号照常叫号": on the ticket page as soon as the line stops taking
 * numbers (paused, last-join passed, closed), in words, announced politely. Nothing otherwise.
 */
export function LineStopNotice({ line, ticket, now }: LineStopNoticeProps) {
  const text = line && line.date === ticket.date ? lineStopText(line, ticket, now) : null;
  if (!text) return null;
  return (
    <View className="bdb-line-stop" {...a11y({ role: 'status', live: 'polite' })}>
      <Text className="bdb-line-stop__icon" {...a11y({ hidden: true })}>
        ■
      </Text>
      <Text className="bdb-line-stop__text">{text}</Text>
    </View>
  );
}
