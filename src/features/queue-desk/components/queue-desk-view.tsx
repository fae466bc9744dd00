import { Text, View } from '@tarojs/components';
import { useState } from 'react';
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
  const { busy } = state;
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

      {error ? (
        <Text className="bdb-queue-desk__error" {...a11y({ role: 'alert' })}>
          {`✕ ${error}`}
        </Text>
      ) : null}

      <View className="bdb-queue-desk__serving" {...a11y({ role: 'status', live: 'polite' })}>
        <Text className="bdb-queue-desk__section-title">正在服务</Text>
        {called.length === 0 ? <Text className="bdb-queue-desk__empty">暂无</Text> : null}
        {called.map((t) => (
          <View key={t.id} className="bdb-queue-desk__called">
            <FitNumber className="bdb-queue-desk__now" text={t.label} />
            <Text className="bdb-queue-desk__who">{whoText(t)}</Text>
            <CompanionNeed label={t.label} companion={t.companion} />
            {t.calledAt ? (
              <Text className="bdb-queue-desk__when">{`${formatClock(t.calledAt)} 叫号`}</Text>
            ) : null}
            <View className="bdb-queue-desk__called-actions">
              <BigButton
                variant="secondary"
                disabled={busy}
                onClick={() => void act(() => moves.recall(t.id))}
                label={`重呼 ${t.label}`}
              >
                重呼
              </BigButton>
              <BigButton
                variant="secondary"
                disabled={busy}
                onClick={() => void act(() => moves.miss(t.id))}
                label={`${t.label} 过号`}
              >
                过号
              </BigButton>
              <BigButton
                disabled={busy}
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
        disabled={busy || waiting.length === 0}
        onClick={() => void act(() => moves.callNext(line))}
      >
        叫下一位
      </BigButton>
      {waiting.length === 0 ? <Text className="bdb-queue-desk__hint">现在没有人在排队</Text> : null}

      <TicketList title={`等待中（${data.line.waiting} 位）`} tickets={waiting} numbered />
      {data.line.waiting > waiting.length ? (
        <Text className="bdb-queue-desk__hint">{`只列出前 ${waiting.length} 位，后面还有 ${data.line.waiting - waiting.length} 位`}</Text>
      ) : null}
      {missed.length > 0 ? (
        <TicketList
          title={`过号（${missed.length} 位，保留时间内可重新排队）`}
          tickets={missed}
          onRecall={busy ? undefined : (t) => void act(() => moves.recall(t.id))}
        />
      ) : null}

      <BigButton
        variant="secondary"
        disabled={busy}
        onClick={() => void act(() => (paused ? moves.resume(line) : moves.pause(line)))}
      >
        {paused ? '恢复取号' : '暂停取号'}
      </BigButton>

      <Stats stats={data.stats} />
      <SentAlerts alerts={data.alerts} />
      <WalkInForm line={line} state={state} />
      <LineSettings line={line} config={data.config} state={state} />
    </View>
  );
}

interface TicketListProps {
  title: string;
  tickets: StaffTicket[];
  numbered?: boolean;
  /** Missed tickets can be called again. */
  onRecall?: (ticket: StaffTicket) => void;
}

function TicketList({ title, tickets, numbered = false, onRecall }: TicketListProps) {
  return (
    <View className="bdb-queue-desk__list">
      <Text className="bdb-queue-desk__section-title">{title}</Text>
      {tickets.length === 0 ? <Text className="bdb-queue-desk__empty">暂无</Text> : null}
      {tickets.map((t, i) => (
        <View key={t.id} className="bdb-queue-desk__row">
          {numbered ? <Text className="bdb-queue-desk__place">{`${i + 1}.`}</Text> : null}
          <Text className="bdb-queue-desk__label">{t.label}</Text>
          <View className="bdb-queue-desk__row-text">
            <Text className="bdb-queue-desk__who">{whoText(t)}</Text>
            <Text className="bdb-queue-desk__when">
              {t.status === 'missed' && t.requeueUntil
                ? `保留到 ${formatClock(t.requeueUntil)}`
                : waitedText(t)}
            </Text>
            <CompanionNeed label={t.label} companion={t.companion} />
          </View>
          {t.status === 'missed' ? (
            <BigButton
              variant="secondary"
              disabled={!onRecall}
              onClick={() => onRecall?.(t)}
              label={`重呼 ${t.label}`}
            >
              重呼
            </BigButton>
          ) : null}
        </View>
      ))}
    </View>
  );
}

const ALERT_WORDS: Record<QueueDesk['alerts'][number]['kind'], string> = {
  'three-ahead': '前面还有 3 位以内',
  'your-turn': '请到服务台',
};

/** What residents were told tonight (the local host's outbox; WeChat keeps its own record). */
function SentAlerts({ alerts }: { alerts: QueueDesk['alerts'] }) {
  return (
    <View className="bdb-queue-desk__list">
      <Text className="bdb-queue-desk__section-title">已发提醒</Text>
      {alerts.length === 0 ? <Text className="bdb-queue-desk__empty">暂无</Text> : null}
      {alerts.map((a, i) => (
        <View key={`${a.at}-${a.label}-${i}`} className="bdb-queue-desk__alert">
          <Text className="bdb-queue-desk__label">{a.label}</Text>
          <View className="bdb-queue-desk__row-text">
            <Text className="bdb-queue-desk__who">{ALERT_WORDS[a.kind]}</Text>
            <Text className="bdb-queue-desk__when">{`${formatClock(a.at)} 发送`}</Text>
          </View>
        </View>
      ))}
    </View>
  );
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
