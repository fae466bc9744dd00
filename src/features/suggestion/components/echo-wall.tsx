import { Text, View } from '@tarojs/components';
import { EmptyState } from '@/components/load-state/load-state';
import { dayOf, monthDay } from '@/lib/shanghai-time';
import type { ChangeEntry, EchoWall } from '@/types/contract';
import { receiptsLine } from '../model/suggestion-text';
import { StatusBadge } from './status-badge';
import './echo-wall.scss';

export interface EchoWallViewProps {
  wall: EchoWall;
}

type Answered = EchoWall['answered'][number];

/**
 * The public 社区回音墙: "你说我做" (what changed, since when, from which receipts), then the
 * answered suggestions. Only what the payload carries: no names, no phone numbers, no photos.
 */
export function EchoWallView({ wall }: EchoWallViewProps) {
  const { changes, answered } = wall;
  if (changes.length === 0 && answered.length === 0) {
    return <EmptyState text="还没有答复过的建议。有想法？欢迎提第一条。" />;
  }
  return (
    <View className="bdb-echo-wall">
      {changes.length > 0 ? (
        <View className="bdb-echo-wall__section">
          <Text className="bdb-echo-wall__section-title">{`你说我做（${changes.length} 项改进）`}</Text>
          {changes.map((c) => (
            <ChangeCard key={c.id} change={c} />
          ))}
        </View>
      ) : null}
      {answered.length > 0 ? (
        <View className="bdb-echo-wall__section">
          <Text className="bdb-echo-wall__section-title">{`社区的答复（${answered.length} 条）`}</Text>
          {answered.map((a) => (
            <AnsweredCard key={a.receipt} item={a} />
          ))}
        </View>
      ) : null}
    </View>
  );
}

function ChangeCard({ change }: { change: ChangeEntry }) {
  const receipts = receiptsLine(change.receipts);
  return (
    <View className="bdb-echo-wall__change">
      <Text className="bdb-echo-wall__change-title">{change.title}</Text>
      <Text className="bdb-echo-wall__since">{`${monthDay(change.since)} 起`}</Text>
      <Text className="bdb-echo-wall__text">{change.detail}</Text>
      {receipts ? <Text className="bdb-echo-wall__muted">{receipts}</Text> : null}
    </View>
  );
}

function AnsweredCard({ item }: { item: Answered }) {
  return (
    <View className="bdb-echo-wall__answered">
      <View className="bdb-echo-wall__head">
        <Text className="bdb-echo-wall__category">{item.categoryName}</Text>
        <StatusBadge status={item.status} />
      </View>
      <Text className="bdb-echo-wall__text">{item.text}</Text>
      {item.reply ? (
        <View className="bdb-echo-wall__reply">
          <Text className="bdb-echo-wall__reply-title">社区答复</Text>
          <Text className="bdb-echo-wall__text">{item.reply}</Text>
          {item.reason ? (
            <Text className="bdb-echo-wall__text">{`原因：${item.reason}`}</Text>
          ) : null}
        </View>
      ) : null}
      <Text className="bdb-echo-wall__muted">
        {item.answeredAt
          ? `建议 ${item.receipt} · ${dayOf(item.answeredAt)} 答复`
          : `建议 ${item.receipt}`}
      </Text>
    </View>
  );
}
