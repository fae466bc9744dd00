import { Text, View } from '@tarojs/components';
import { a11y } from '@/lib/a11y';
import type { StatusKind, TonightStatus } from '../model/tonight-status';
import './status-card.scss';

// A distinct shape per state, so the status never rests on colour alone. A closed evening is
// information (休, as on a shop's "休息" sign), never an error's ✕.
const ICONS: Record<StatusKind, string> = {
  open: '✓',
  later: '…',
  ended: '休',
  'not-tonight': '休',
};

export interface StatusCardProps {
  status: TonightStatus;
  /** "每周三 17:00–20:00". */
  schedule: string;
}

export function StatusCard({ status, schedule }: StatusCardProps) {
  return (
    <View
      className={`bdb-status-card bdb-status-card--${status.kind}`}
      {...a11y({ role: 'status', live: 'polite' })}
    >
      <View className="bdb-status-card__main">
        <Text className="bdb-status-card__icon" {...a11y({ hidden: true })}>
          {ICONS[status.kind]}
        </Text>
        <Text className="bdb-status-card__title">{status.title}</Text>
      </View>
      {status.cancelled ? (
        <Text className="bdb-status-card__cancelled">{status.cancelled}</Text>
      ) : null}
      {status.next ? <Text className="bdb-status-card__next">{status.next}</Text> : null}
      <Text className="bdb-status-card__schedule">{schedule}</Text>
    </View>
  );
}
