import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { tonightStatus } from '@/features/community';
import { a11y } from '@/lib/a11y';
import { formatClock, formatDateLine } from '@/lib/shanghai-time';
import type { LineState, ServiceInfo, Tonight } from '@/types/contract';
import { useBoardLines } from '../hooks/use-board-lines';
import { useCallFlash } from '../hooks/use-call-flash';
import { useServerClock } from '../hooks/use-server-clock';
import { activitiesKey, activitiesOfNotices } from '../model/activities';
import { canSpeak, speak } from '../speech';
import { ActivityStrip } from './activity-strip';
import './board-screen.scss';

export interface BoardScreenProps {
  tonight: Tonight;
  /** The last poll failed: the screen still shows the last good answer, and says so. */
  stale: boolean;
}

/** The TV in the service center: readable from 5 m; the only control is the voice toggle. */
export function BoardScreen({ tonight, stale }: BoardScreenProps) {
  const now = useServerClock(tonight.now);
  const status = tonightStatus(tonight);
  const queues = tonight.services.filter((s) => s.kind === 'queue');
  const isOpen = status.kind === 'open';
  const showQueues = isOpen && queues.length > 0;
  const fromNotices = activitiesOfNotices(tonight.notices);
  // Loaded only while the lines are on screen; a new evening, or tonight's activities changing in
  // the polled tonight call, loads the board again.
  const board = useBoardLines(
    showQueues ? tonight.community.id : null,
    `${tonight.date}|${status.kind}|${activitiesKey(fromNotices)}`,
  );
  // The board's answer (with end times) once loaded; until then, or while closed, the same
  // activities from the tonight call.
  const activities = board.activities ?? fromNotices;

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
        // With the lines on screen the status shrinks to one line: the numbers matter most.
        className={`bdb-board__status bdb-board__status--${isOpen ? 'open' : 'closed'}${showQueues ? ' bdb-board__status--compact' : ''}`}
        {...a11y({ role: 'status', live: 'polite' })}
      >
        <Text className="bdb-board__status-title">{`${isOpen ? '●' : '○'} ${status.title}`}</Text>
        {status.next ? <Text className="bdb-board__next">{status.next}</Text> : null}
      </View>
      {showQueues ? (
        <BoardQueues lines={board.lines} error={board.error} services={queues} />
      ) : null}
      <ActivityStrip activities={activities} />
      {stale ? <Text className="bdb-board__stale">连接中断，正在重试…</Text> : null}
    </View>
  );
}

interface BoardQueuesProps {
  /** The lines from the board and the live feed; null until the board has loaded. */
  lines: LineState[] | null;
  error: unknown;
  /** Tonight's walk-in services: named on screen until the lines have loaded. */
  services: ServiceInfo[];
}

function BoardQueues({ lines, error, services }: BoardQueuesProps) {
  const [voice, setVoice] = useState(false);
  const flashing = useCallFlash(lines, voice);

  const toggleVoice = () => {
    const next = !voice;
    setVoice(next);
    // Said inside the tap: browsers only allow speech after a user gesture.
    if (next) speak('语音播报已打开');
  };

  return (
    <View className="bdb-board__queues-block">
      {canSpeak() ? (
        <BigButton variant="secondary" className="bdb-board__voice" onClick={toggleVoice}>
          {voice ? '语音播报：开' : '语音播报：关'}
        </BigButton>
      ) : null}
      <View className="bdb-board__queues">
        {lines
          ? lines.map((line) => (
              <QueuePanel key={line.queue} line={line} flashing={flashing.has(line.queue)} />
            ))
          : services.map((s) => (
              <View key={s.id} className="bdb-board__queue">
                <Text className="bdb-board__queue-name">{s.name}</Text>
                <Text className="bdb-board__queue-note">
                  {error ? '叫号信息暂时无法显示，正在重试…' : '正在加载叫号信息…'}
                </Text>
              </View>
            ))}
      </View>
    </View>
  );
}

function lineStateWords(line: LineState): string {
  if (line.paused) return '⏸ 暂停取号';
  if (!line.accepting) return '■ 停止取号';
  return '● 取号中';
}

/** One walk-in line: the number called now, very large, and the line's state in words. */
function QueuePanel({ line, flashing }: { line: LineState; flashing: boolean }) {
  const earlier = line.recentlyCalled.filter((label) => label !== line.nowCalling);
  return (
    <View
      className={`bdb-board__queue bdb-board__queue--panel${flashing ? ' bdb-board__queue--flash' : ''}`}
    >
      <View className="bdb-board__queue-head">
        <Text className="bdb-board__queue-name">{line.name}</Text>
        <Text className="bdb-board__queue-state">{lineStateWords(line)}</Text>
      </View>
      <Text className="bdb-board__queue-caption">正在叫号</Text>
      <Text
        className="bdb-board__queue-now"
        {...a11y({
          live: 'polite',
          label: line.nowCalling ? `正在叫 ${line.nowCalling} 号` : '暂无叫号',
        })}
      >
        {line.nowCalling ?? '—'}
      </Text>
      <View className="bdb-board__queue-foot">
        <Text className="bdb-board__queue-waiting">{`等待 ${line.waiting} 位`}</Text>
        {earlier.length > 0 ? (
          <Text className="bdb-board__queue-recent">{`刚才叫过：${earlier.join('、')}`}</Text>
        ) : null}
      </View>
    </View>
  );
}
