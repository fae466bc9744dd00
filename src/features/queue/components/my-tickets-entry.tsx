import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import type { Ticket } from '@/types/contract';
import { mostRelevant, STATUS_WORDS } from '../model/ticket-text';
import './my-tickets-entry.scss';

export interface MyTicketsEntryProps {
  tickets: Ticket[];
  onOpen: (ticket: Ticket) => void;
}

/** "我的号" on the tonight page, shown once the resident holds a ticket tonight. */
export function MyTicketsEntry({ tickets, onOpen }: MyTicketsEntryProps) {
  const main = mostRelevant(tickets);
  if (!main) return null;
  return (
    <View className="bdb-my-entry">
      <View className="bdb-my-entry__text">
        <Text className="bdb-my-entry__title">{`我的号（今晚 ${tickets.length} 张）`}</Text>
        <Text className="bdb-my-entry__main">
          {`${main.queueName} ${main.label} · ${STATUS_WORDS[main.status]}`}
        </Text>
      </View>
      <BigButton onClick={() => onOpen(main)} label={`查看我的号 ${main.label}`}>
        我的号
      </BigButton>
    </View>
  );
}
