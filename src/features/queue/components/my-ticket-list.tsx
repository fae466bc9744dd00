import { Text, View } from '@tarojs/components';
import { a11y, keyActivation } from '@/lib/a11y';
import type { Ticket } from '@/types/contract';
import { STATUS_WORDS } from '../model/ticket-text';
import './my-ticket-list.scss';

export interface MyTicketListProps {
  tickets: Ticket[];
  selectedId: string | null;
  onSelect: (ticket: Ticket) => void;
}

/** All my tickets tonight; tapping one shows it above. The one shown is marked in words. */
export function MyTicketList({ tickets, selectedId, onSelect }: MyTicketListProps) {
  return (
    <View className="bdb-my-tickets">
      <Text className="bdb-my-tickets__title">{`今晚我的号（${tickets.length} 张）`}</Text>
      {tickets.map((t) => {
        const selected = t.id === selectedId;
        return (
          <View
            key={t.id}
            className={`bdb-my-tickets__item${selected ? ' bdb-my-tickets__item--selected' : ''}`}
            onClick={() => onSelect(t)}
            // Named by its visible text (number, line, status), so what is read is what is seen.
            {...a11y({ role: 'button' })}
            {...keyActivation(() => onSelect(t))}
          >
            <Text className="bdb-my-tickets__label">{t.label}</Text>
            <View className="bdb-my-tickets__text">
              <Text className="bdb-my-tickets__name">{t.queueName}</Text>
              <Text className="bdb-my-tickets__status">
                {selected ? `${STATUS_WORDS[t.status]}（正在查看）` : STATUS_WORDS[t.status]}
              </Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}
