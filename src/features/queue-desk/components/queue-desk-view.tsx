import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { FitNumber } from '@/components/fit-number/fit-number';
import { CompanionNeed } from '@/features/companion/staff-entry';
import { a11y } from '@/lib/a11y';
import { formatClock } from '@/lib/shanghai-time';
import type { QueueDesk, LineRef, StaffTicket } from '@/types/contract';
import * as moves from '../api/staff-moves';
import type { QueueDeskState } from '../hooks/use-queue-desk';
import { lineStateText, waitedText, whoText } from '../model/ticket-lines';
import { LineSettings } from './line-settings';
import { WalkInForm } from './walk-in-form';
import './queue-desk-view.scss';

export interface QueueDeskViewProps {
  line: LineRef;
  desk: QueueDesk;
  state: QueueDeskState;
}

/** The desk: who is being served, who waits, and every move the desk can make. */
export function QueueDeskView({ line, desk: data, state }: QueueDeskViewProps) {
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<QueueDesk>) => {
    setError(await state.run(action));
  };
  const called = data.tickets.filter((t) => t.status === 'called');
  const waiting = data.tickets.filter((t) => t.status === 'waiting');
  const missed = data.tickets.filter((t) => t.status === 'missed');
  const paused = data.line.paused;

  return (
    <View className="bdb-queue-desk">
      <View className="bdb-queue-desk__header">
        <Text className="bdb-queue-desk__title">{`${data.line.name} 叫号台`}</Text>
        <Text className="bdb-queue-desk__state">{lineStateText(data.line)}</Text>
        <Text className="bdb-queue-desk__meta">
          {`今晚已发 ${data.line.issued} 个号，名额 ${data.line.capacity}，${data.line.lastJoin} 截止取号`}
        </Text>
      </View>

      <Slot>
        {error ? (
          <Text className="bdb-queue-desk__error" {...a11y({ role: 'alert' })}>
            {`✕ ${error}`}
          </Text>
        ) : null}
      </Slot>

      <View className="bdb-queue-desk__serving" {...a11y({ role: 'status', live: 'polite' })}>
        <Text className="bdb-queue-desk__section-title">正在服务</Text>
        <Slot>
          {called.length === 0 ? <Text className="bdb-queue-desk__empty">暂无</Text> : null}
        </Slot>
        {/* By place, not by ticket: the next call changes the texts in place instead of
            sending a whole new block (issue #15). */}
        {called.map((t, i) => (
          <View key={i} className="bdb-qc">
            <FitNumber className="bdb-queue-desk__now" text={t.label} />
            <Text className="bdb-qc__w">{whoText(t)}</Text>
            <CompanionNeed label={t.label} companion={t.companion} />
            <Text className="bdb-qc__d">{t.calledAt ? `${formatClock(t.calledAt)} 叫号` : ''}</Text>
            <View className="bdb-qc__a">
              <BigButton
                variant="secondary"
                onClick={() => void act(() => moves.recall(t.id))}
                label={`重呼 ${t.label}`}
              >
                重呼
              </BigButton>
              <BigButton
                variant="secondary"
                onClick={() => void act(() => moves.miss(t.id))}
                label={`${t.label} 过号`}
              >
                过号
              </BigButton>
              <BigButton
                onClick={() => void act(() => moves.complete(t.id))}
                label={`${t.label} 完成`}
              >
                完成
              </BigButton>
            </View>
          </View>
        ))}
      </View>

      <BigButton
        className="bdb-queue-desk__next"
        disabled={waiting.length === 0}
        onClick={() => void act(() => moves.callNext(line))}
      >
        叫下一位
      </BigButton>
      <Slot>
        {waiting.length === 0 ? (
          <Text className="bdb-queue-desk__hint">现在没有人在排队</Text>
        ) : null}
      </Slot>

      <TicketList
        title={`等待中（${data.line.waiting} 位）`}
        tickets={waiting}
        total={data.line.waiting}
        numbered
      />
      <Slot>
        {missed.length > 0 ? (
          <TicketList
            title={`过号（${missed.length} 位，保留时间内可重新排队）`}
            tickets={missed}
            onRecall={(t) => void act(() => moves.recall(t.id))}
          />
        ) : null}
      </Slot>

      <BigButton
        variant="secondary"
        onClick={() => void act(() => (paused ? moves.resume(line) : moves.pause(line)))}
      >
        {paused ? '恢复取号' : '暂停取号'}
      </BigButton>

      <Stats stats={data.stats} />
      <SentAlerts alerts={data.alerts} />
      <WalkInForm line={line} run={state.run} />
      <LineSettings line={line} config={data.config} run={state.run} />
    </View>
  );
}

interface TicketListProps {
  title: string;
  tickets: StaffTicket[];
  /** How many there are: the server lists only the head of the waiting line. */
  total?: number;
  numbered?: boolean;
  /** Missed tickets can be called again. */
  onRecall?: (ticket: StaffTicket) => void;
}

function TicketList({ title, tickets, total, numbered = false, onRecall }: TicketListProps) {
  const shown = Math.min(tickets.length, SHOWN_ROWS);
  return (
    <View className="bdb-queue-desk__list">
      <Text className="bdb-queue-desk__section-title">
        {shown > 0 && (total ?? tickets.length) > shown ? `${title}，下面是前 ${shown} 位` : title}
      </Text>
      <Slot>
        {tickets.length === 0 ? <Text className="bdb-queue-desk__empty">暂无</Text> : null}
      </Slot>
      {/* Rows by place, at most SHOWN_ROWS: when the first leaves, the rows below change their
          texts in place; only a shorter list resends its rows, which carry short class names
          (issue #15: ≤ 2 KB per live update, however long the line). */}
      {tickets.slice(0, SHOWN_ROWS).map((t, i) => (
        <View key={i} className="bdb-qr">
          {numbered ? <Text className="bdb-qr__n">{`${i + 1}.`}</Text> : null}
          <Text className="bdb-qr__l">{t.label}</Text>
          <View className="bdb-qr__t">
            <Text className="bdb-qr__w">{whoText(t)}</Text>
            <Text className="bdb-qr__d">
              {t.status === 'missed' && t.requeueUntil
                ? `保留到 ${formatClock(t.requeueUntil)}`
                : waitedText(t)}
            </Text>
            <CompanionNeed label={t.label} companion={t.companion} />
          </View>
          {t.status === 'missed' ? (
            <BigButton variant="secondary" onClick={() => onRecall?.(t)} label={`重呼 ${t.label}`}>
              重呼
            </BigButton>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/**
 * The desk calls in order: the next few are what it needs on screen (the title counts all). The
 * server lists as many waiting (core/queue DESK_WAITING_LISTED).
 */
const SHOWN_ROWS = 6;
/** The newest alerts (the server sends ten): what the desk may be asked about. */
const SHOWN_ALERTS = 3;

const ALERT_WORDS: Record<QueueDesk['alerts'][number]['kind'], string> = {
  'three-ahead': '前面还有 3 位以内',
  'your-turn': '请到服务台',
};

/** What residents were told tonight (the local host's outbox; WeChat keeps its own record). */
function SentAlerts({ alerts }: { alerts: QueueDesk['alerts'] }) {
  return (
    <View className="bdb-queue-desk__list">
      <Text className="bdb-queue-desk__section-title">已发提醒</Text>
      <Slot>
        {alerts.length === 0 ? <Text className="bdb-queue-desk__empty">暂无</Text> : null}
      </Slot>
      {/* Newest first, by place, one text each: a new alert changes the texts in place (see
          TicketList), and the first ones of the evening arrive small. */}
      {alerts.slice(0, SHOWN_ALERTS).map((a, i) => (
        <Text key={i} className="bdb-qa">
          {`${a.label} ${ALERT_WORDS[a.kind]} · ${formatClock(a.at)} 发送`}
        </Text>
      ))}
    </View>
  );
}

/**
 * A wrapper that is always there around a part that comes and goes: Taro resends a parent's
 * whole child list when a child is inserted before its siblings or removed, a wrapper only its
 * own (issue #15: ≤ 2 KB per live update). Empty, it takes no room.
 */
function Slot({ children }: { children: ReactNode }) {
  return <View className="bdb-qd-slot">{children}</View>;
}

function Stats({ stats }: { stats: QueueDesk['stats'] }) {
  const average =
    stats.averageServiceMinutes === null ? '暂无' : `${stats.averageServiceMinutes} 分钟`;
  const items: [string, string][] = [
    ['已服务', `${stats.served} 位`],
    ['过号', `${stats.missed} 位`],
    ['取消', `${stats.cancelled} 位`],
    ['平均用时', average],
  ];
  return (
    <View className="bdb-queue-desk__stats">
      <Text className="bdb-queue-desk__section-title">今晚统计</Text>
      <View className="bdb-queue-desk__stats-grid">
        {items.map(([name, value]) => (
          <View key={name} className="bdb-queue-desk__stat">
            <Text className="bdb-queue-desk__stat-name">{name}</Text>
            <Text className="bdb-queue-desk__stat-value">{value}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
