import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { tonightStatus, type TonightStatus } from '@/features/community';
import { useServerNow } from '@/hooks/use-server-now';
import { a11y } from '@/lib/a11y';
import { formatClock, formatDateLine } from '@/lib/shanghai-time';
import type { LineState, ServiceInfo, Tonight } from '@/types/contract';
import { useBoardLines } from '../hooks/use-board-lines';
import { useCallFlash } from '../hooks/use-call-flash';
import { activitiesKey, activitiesOfNotices } from '../model/activities';
import { boardLines, earlierCalls, lineWords } from '../model/line-words';
import { canSpeak, speak } from '../speech';
import { ActivityStrip } from './activity-strip';
import './board-screen.scss';

export interface BoardScreenProps {
  tonight: Tonight;
  /** The last poll failed: the screen still shows the last good answer, and says so. */
  stale: boolean;
}

/**
 * The TV in the service center, one screen with no scrolling at any size from 1280×720 to 4K:
 * the header, every walk-in line (the number called very large), tonight's activities. Readable
 * from across the hall; the only control is the voice toggle. Hours are reckoned with the
 * server's clock, so the last-join time and closing show the moment they pass.
 */
export function BoardScreen({ tonight, stale }: BoardScreenProps) {
  const now = useServerNow();
  const [voice, setVoice] = useState(false);
  const status = tonightStatus(tonight, now);
  const queues = tonight.services.filter((s) => s.kind === 'queue');
  const fromNotices = activitiesOfNotices(tonight.notices);
  // A new evening, closing, or tonight's activities changing in the polled tonight call, loads
  // the board again.
  const board = useBoardLines(
    boardLines(status.kind, queues.length, null).load ? tonight.community.id : null,
    `${tonight.date}|${status.kind}|${activitiesKey(fromNotices)}`,
  );
  const showQueues = boardLines(status.kind, queues.length, board.lines).show;
  // The board's answer (with end times) once loaded; until then, or while closed, the same
  // activities from the tonight call.
  const activities = board.activities ?? fromNotices;

  return (
    <View className="bdb-board">
      <View className="bdb-board__top">
        <BoardHeading tonight={tonight} stale={stale} />
        {showQueues ? <StatusBlock status={status} compact /> : null}
        <View className="bdb-board__top-end">
          <Text className="bdb-board__clock">{formatClock(now)}</Text>
          {showQueues && canSpeak() ? <VoiceToggle voice={voice} onChange={setVoice} /> : null}
        </View>
      </View>
      {showQueues ? (
        <BoardQueues
          voice={voice}
          lines={board.lines}
          error={board.error}
          services={queues}
          now={now}
          evening={status.kind === 'open' ? 'open' : 'ended'}
        />
      ) : (
        <StatusBlock status={status} compact={false} />
      )}
      <ActivityStrip activities={activities} />
    </View>
  );
}

/** The community and the date, with the demo clock and a lost connection said beside them. */
function BoardHeading({ tonight, stale }: BoardScreenProps) {
  return (
    <View className="bdb-board__heading">
      <Text className="bdb-board__name">{tonight.community.name}</Text>
      <View className="bdb-board__subline">
        <Text className="bdb-board__date">{formatDateLine(tonight.date, tonight.weekday)}</Text>
        {tonight.demoClock ? <Text className="bdb-board__demo">演示时钟</Text> : null}
        {stale ? <Text className="bdb-board__stale">连接中断，正在重试…</Text> : null}
      </View>
    </View>
  );
}

/** Open or closed, in words and a shape; the next opening when closed. */
function StatusBlock({ status, compact }: { status: TonightStatus; compact: boolean }) {
  const isOpen = status.kind === 'open';
  return (
    <View
      className={`bdb-board__status bdb-board__status--${isOpen ? 'open' : 'closed'}${compact ? ' bdb-board__status--compact' : ''}`}
      {...a11y({ role: 'status', live: 'polite' })}
    >
      <Text className="bdb-board__status-title">{`${isOpen ? '●' : '○'} ${status.title}`}</Text>
      {status.cancelled ? <Text className="bdb-board__next">{status.cancelled}</Text> : null}
      {status.next ? <Text className="bdb-board__next">{status.next}</Text> : null}
    </View>
  );
}

/** Spoken calls, off by default; the flash on screen happens either way. */
function VoiceToggle({ voice, onChange }: { voice: boolean; onChange: (on: boolean) => void }) {
  const toggle = () => {
    onChange(!voice);
    // Said inside the tap: browsers only allow speech after a user gesture.
    if (!voice) speak('语音播报已打开');
  };
  return (
    <BigButton variant="secondary" className="bdb-board__voice" onClick={toggle}>
      {voice ? '语音播报：开' : '语音播报：关'}
    </BigButton>
  );
}

interface BoardQueuesProps {
  /** Speak each new call as well. */
  voice: boolean;
  /** The lines from the board and the live feed; null until the board has loaded. */
  lines: LineState[] | null;
  error: unknown;
  /** Tonight's walk-in services: named on screen until the lines have loaded. */
  services: ServiceInfo[];
  now: number;
  evening: 'open' | 'ended';
}

/** How the panels are laid out: up to four side by side, more in two rows. */
const layoutOf = (count: number) =>
  count <= 4 ? `bdb-board__queues--n${Math.max(1, count)}` : 'bdb-board__queues--rows';

function BoardQueues({ voice, lines, error, services, now, evening }: BoardQueuesProps) {
  const flashing = useCallFlash(lines, voice);
  const count = lines?.length ?? services.length;
  return (
    <View className={`bdb-board__queues ${layoutOf(count)}`}>
      {lines
        ? lines.map((line) => (
            <QueuePanel
              key={line.queue}
              line={line}
              flashing={flashing.has(line.queue)}
              now={now}
              evening={evening}
            />
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
  );
}

interface QueuePanelProps {
  line: LineState;
  flashing: boolean;
  now: number;
  evening: 'open' | 'ended';
}

/** One walk-in line: the number called now, very large; whether numbers are taken; the rest. */
function QueuePanel({ line, flashing, now, evening }: QueuePanelProps) {
  const earlier = earlierCalls(line);
  const words = lineWords(line, now, evening);
  return (
    <View
      className={`bdb-board__queue bdb-board__queue--panel${flashing ? ' bdb-board__queue--flash' : ''}`}
    >
      <View className="bdb-board__queue-head">
        <Text className="bdb-board__queue-name">{line.name}</Text>
        <Text
          className={`bdb-board__queue-state bdb-board__queue-state--${words.taking ? 'taking' : 'stopped'}`}
        >
          {words.text}
        </Text>
      </View>
      <View className="bdb-board__queue-call">
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
      </View>
      <View className="bdb-board__queue-foot">
        <Text className="bdb-board__queue-waiting">{`等待 ${line.waiting} 位`}</Text>
        {earlier.length > 0 ? (
          <View className="bdb-board__queue-recent">
            <Text className="bdb-board__queue-recent-title">刚才叫过：</Text>
            {earlier.map((label) => (
              <Text key={label} className="bdb-board__queue-chip">
                {label}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
    </View>
  );
}
