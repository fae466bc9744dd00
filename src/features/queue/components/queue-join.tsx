import { Text, View } from '@tarojs/components';
import { BigButton } from '@/components/big-button/big-button';
import { a11y } from '@/lib/a11y';
import type { LineState, ServiceInfo, Ticket } from '@/types/contract';
import { useJoin } from '../hooks/use-join';
import './queue-join.scss';

export interface QueueJoinProps {
  community: string;
  service: ServiceInfo;
  /** Why a number cannot be taken now (evening closed, line paused…); null: the button works. */
  blockedReason: string | null;
  /** The line's live state, when known: shows how many wait. */
  line?: LineState;
  /** Opens the ticket; a promise that rejects when it could not (the button comes back). */
  onJoined: (ticket: Ticket) => void | Promise<unknown>;
  /** The community's limit of numbers per resident, said before the tap (e.g. "每人每晚最多取 3 个号"). */
  limitText?: string;
}

/** The big 取号 button of one walk-in line, with the reason when it is off and errors inline. */
export function QueueJoin({
  community,
  service,
  blockedReason,
  line,
  onJoined,
  limitText,
}: QueueJoinProps) {
  const { busy, error, closed, join } = useJoin(community, service.id, onJoined);
  return (
    <View className="bdb-queue-join">
      {line && !blockedReason ? (
        <Text className="bdb-queue-join__waiting">{`现在有 ${line.waiting} 位在等`}</Text>
      ) : null}
      <BigButton
        className="bdb-queue-join__button"
        onClick={() => void join()}
        disabled={blockedReason !== null || busy}
        label={`${service.name} 取号`}
      >
        {busy ? '取号中…' : '取号'}
      </BigButton>
      {blockedReason ? <Text className="bdb-queue-join__reason">{blockedReason}</Text> : null}
      {limitText && !blockedReason ? (
        // Its own class: a limit is said before the tap, a reason says why 取号 is off.
        <Text className="bdb-queue-join__limit">{limitText}</Text>
      ) : null}
      {error && closed ? (
        <Text className="bdb-queue-join__reason" {...a11y({ role: 'status' })}>
          {error}
        </Text>
      ) : null}
      {error && !closed ? (
        <Text className="bdb-queue-join__error" {...a11y({ role: 'alert' })}>
          {`✕ ${error}`}
        </Text>
      ) : null}
    </View>
  );
}
