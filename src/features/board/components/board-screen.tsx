import { Text, View } from '@tarojs/components';
import { tonightStatus } from '@/features/community';
import { a11y } from '@/lib/a11y';
import { formatClock, formatDateLine } from '@/lib/shanghai-time';
import type { Tonight } from '@/types/contract';
import { useServerClock } from '../hooks/use-server-clock';
import './board-screen.scss';

export interface BoardScreenProps {
  tonight: Tonight;
  /** The last poll failed: the screen still shows the last good answer, and says so. */
  stale: boolean;
}

/** The TV in the service center: readable from 5 m, no interaction. */
export function BoardScreen({ tonight, stale }: BoardScreenProps) {
  const now = useServerClock(tonight.now);
  const status = tonightStatus(tonight);
  const queues = tonight.services.filter((s) => s.kind === 'queue');
  const isOpen = status.kind === 'open';

  return (
    <View className="bdb-board">
      <View className="bdb-board__top">
        <View className="bdb-board__heading">
          <Text className="bdb-board__name">{tonight.community.name}</Text>
          <Text className="bdb-board__date">{formatDateLine(tonight.date, tonight.weekday)}</Text>
        </View>
        <Text className="bdb-board__clock">{formatClock(now ?? tonight.now)}</Text>
      </View>
      {tonight.demoClock ? <Text className="bdb-board__demo">演示时钟</Text> : null}
      <View
        className={`bdb-board__status bdb-board__status--${isOpen ? 'open' : 'closed'}`}
        {...a11y({ role: 'status', live: 'polite' })}
      >
        <Text className="bdb-board__status-title">{`${isOpen ? '●' : '○'} ${status.title}`}</Text>
        {status.next ? <Text className="bdb-board__next">{status.next}</Text> : null}
      </View>
      {isOpen && queues.length > 0 ? (
        <View className="bdb-board__queues">
          {queues.map((q) => (
            <View key={q.id} className="bdb-board__queue">
              <Text className="bdb-board__queue-name">{q.name}</Text>
              <Text className="bdb-board__queue-note">取号即将开放</Text>
            </View>
          ))}
        </View>
      ) : null}
      {stale ? <Text className="bdb-board__stale">连接中断，正在重试…</Text> : null}
    </View>
  );
}
