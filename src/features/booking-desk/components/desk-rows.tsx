import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { statusText, timeRange } from '@/features/booking/staff-entry';
import { CompanionNeed } from '@/features/companion/staff-entry';
import { a11y } from '@/lib/a11y';
import type { StaffBooking } from '@/types/contract';
import { MOVE_CALLS } from '../api/desk-moves';
import { DESK_MOVES, noMoveText, sourceText, whoText } from '../model/desk-text';

export interface DeskRowsProps {
  rows: StaffBooking[];
  /** What the list is, for the table's name: "12月2日 周三 预约名单". */
  label: string;
  busy: boolean;
  onAct: (action: () => Promise<unknown>) => void;
}

interface RowActionsProps {
  booking: StaffBooking;
  busy: boolean;
  onAct: (action: () => Promise<unknown>) => void;
}

/** Only the moves the server says would succeed now; none: why, in words. */
function RowActions({ booking: b, busy, onAct }: RowActionsProps) {
  const offered = DESK_MOVES.filter(({ move }) => b.moves.includes(move));
  if (offered.length === 0) return <Text className="bdb-desk__no-move">{noMoveText(b)}</Text>;
  return (
    <View className="bdb-desk__row-actions">
      {offered.map(({ move, name }) => (
        <BigButton
          key={move}
          variant={move === 'complete' ? 'primary' : 'secondary'}
          disabled={busy}
          onClick={() => onAct(() => MOVE_CALLS[move](b.id))}
          label={`${b.code} ${whoText(b)} ${timeRange(b)} ${name}`}
        >
          {name}
        </BigButton>
      ))}
    </View>
  );
}

/** The phone's list: one card per booking, the moves under it. */
export function DeskCards({ rows, busy, onAct }: DeskRowsProps) {
  return (
    <>
      {rows.map((b) => (
        <View key={b.id} className={`bdb-desk-card bdb-desk__row bdb-desk__row--${b.status}`}>
          <View className="bdb-desk-card__top">
            <Text className="bdb-desk__time">{timeRange(b)}</Text>
            <Text className={`bdb-desk-status bdb-desk-status--${b.status} bdb-desk__status`}>
              {statusText(b)}
            </Text>
          </View>
          <View className="bdb-desk__row-who">
            <Text className="bdb-desk__code">{b.code}</Text>
            <Text className="bdb-desk__who">{whoText(b)}</Text>
          </View>
          <Text className="bdb-desk-page__hint">
            {`${b.serviceName} · ${sourceText(b)} · ${b.phone ?? '未留电话'}`}
          </Text>
          <CompanionNeed label={`${b.code} ${whoText(b)}`} companion={b.companion} />
          <RowActions booking={b} busy={busy} onAct={onAct} />
        </View>
      ))}
    </>
  );
}

const COLUMNS = ['时间', '预约码', '称呼', '来源', '服务', '电话', '状态', '操作'];

/** The desk PC's list: a dense table, one line per booking with its moves on the line. */
export function DeskTable({ rows, label, busy, onAct }: DeskRowsProps) {
  const cell = (className: string, text: string) => (
    <Text
      className={`bdb-desk-table__cell bdb-desk-table__cell--${className}`}
      {...a11y({ role: 'cell' })}
    >
      {text}
    </Text>
  );
  return (
    <View className="bdb-desk-table" {...a11y({ role: 'table', label })}>
      <View className="bdb-desk-table__head" {...a11y({ role: 'rowgroup' })}>
        <View className="bdb-desk-table__row" {...a11y({ role: 'row' })}>
          {COLUMNS.map((c) => (
            <Text key={c} className="bdb-desk-table__cell" {...a11y({ role: 'columnheader' })}>
              {c}
            </Text>
          ))}
        </View>
      </View>
      <View {...a11y({ role: 'rowgroup' })}>
        {rows.map((b) => (
          <View
            key={b.id}
            className={`bdb-desk-table__row bdb-desk__row--${b.status}`}
            {...a11y({ role: 'row' })}
          >
            {cell('time', timeRange(b))}
            {cell('code', b.code)}
            <View
              className="bdb-desk-table__cell bdb-desk-table__cell--who"
              {...a11y({ role: 'cell' })}
            >
              <Text>{whoText(b)}</Text>
              <CompanionNeed label={`${b.code} ${whoText(b)}`} companion={b.companion} />
            </View>
            {cell('source', sourceText(b))}
            {cell('service', b.serviceName)}
            {cell('phone', b.phone ?? '未留电话')}
            {cell('status', statusText(b))}
            <View
              className="bdb-desk-table__cell bdb-desk-table__cell--actions"
              {...a11y({ role: 'cell' })}
            >
              <RowActions booking={b} busy={busy} onAct={onAct} />
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
