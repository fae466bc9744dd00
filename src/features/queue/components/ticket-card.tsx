import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { BigButton } from '@/components/big-button/big-button';
import { FitNumber } from '@/components/fit-number/fit-number';
import { useBefore } from '@/hooks/use-before';
import { a11y } from '@/lib/a11y';
import { errorMessage } from '@/lib/gateway';
import { formatClock } from '@/lib/shanghai-time';
import type { Ticket } from '@/types/contract';
import { cancelTicket } from '../api/cancel-ticket';
import { requeueTicket } from '../api/requeue-ticket';
import { aheadText, estimateText, STATUS_WORDS } from '../model/ticket-text';
import './ticket-card.scss';

export interface TicketCardProps {
  ticket: Ticket;
  /** The answer of cancel / requeue: the page shows it at once. */
  onChanged: (ticket: Ticket) => void;
}

type Busy = 'cancel' | 'requeue' | null;

/** One ticket, large: the label, the line, the status in words, and what the resident can do. */
export function TicketCard({ ticket, onChanged }: TicketCardProps) {
  const [busy, setBusy] = useState<Busy>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Counted down on this phone from the server's "seconds left", never compared with the phone's
  // own clock (which may differ from the server's, or from the demo clock).
  const deadline = useMemo(
    () =>
      ticket.status === 'missed' && ticket.requeueSecondsLeft !== null
        ? new Date(Date.now() + ticket.requeueSecondsLeft * 1000).toISOString()
        : null,
    [ticket],
  );
  const canRequeue = useBefore(deadline);
  const cancellable =
    ticket.status === 'waiting' || ticket.status === 'called' || ticket.status === 'missed';

  const run = async (kind: Exclude<Busy, null>) => {
    setBusy(kind);
    setError(null);
    try {
      const updated = await (kind === 'cancel' ? cancelTicket : requeueTicket)(ticket.id);
      setConfirming(false);
      onChanged(updated);
    } catch (e: unknown) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className={`bdb-ticket bdb-ticket--${ticket.status}`}>
      <Text className="bdb-ticket__line">{ticket.queueName}</Text>
      <FitNumber className="bdb-ticket__label" text={ticket.label} label={`号码 ${ticket.label}`} />
      <TicketState ticket={ticket} canRequeue={canRequeue} />
      {ticket.status === 'missed' && canRequeue ? (
        <BigButton onClick={() => void run('requeue')} disabled={busy !== null}>
          {busy === 'requeue' ? '正在重新排队…' : '重新排队'}
        </BigButton>
      ) : null}
      {cancellable ? (
        <CancelControl
          confirming={confirming}
          busy={busy === 'cancel'}
          disabled={busy !== null}
          onAsk={() => {
            setError(null);
            setConfirming(true);
          }}
          onConfirm={() => void run('cancel')}
          onKeep={() => {
            setError(null);
            setConfirming(false);
          }}
        />
      ) : null}
      {error ? (
        <Text className="bdb-ticket__error" {...a11y({ role: 'alert' })}>
          {`✕ ${error}`}
        </Text>
      ) : null}
    </View>
  );
}

/** What a missed ticket still allows, in words. */
function missedText(ticket: Ticket, canRequeue: boolean): string {
  if (canRequeue && ticket.requeueUntil) {
    return `请在 ${formatClock(ticket.requeueUntil)} 前重新排队，前面最多还有 2 位`;
  }
  // Seen missed on the live line: the time left comes from the server, asked for right now.
  if (ticket.requeueUntil && ticket.requeueSecondsLeft === null) return '正在查看能否重新排队…';
  return '过号已超过保留时间，如需服务请重新取号';
}

/** The status in words, and what it means for the resident now. */
function TicketState({ ticket, canRequeue }: { ticket: Ticket; canRequeue: boolean }) {
  let details = null;
  if (ticket.status === 'waiting') {
    details = (
      <>
        <Text className="bdb-ticket__ahead">{aheadText(ticket)}</Text>
        <Text className="bdb-ticket__estimate">{estimateText(ticket)}</Text>
      </>
    );
  } else if (ticket.status === 'missed') {
    details = <Text className="bdb-ticket__deadline">{missedText(ticket, canRequeue)}</Text>;
  }
  return (
    <View className="bdb-ticket__state" {...a11y({ role: 'status', live: 'polite' })}>
      <Text className="bdb-ticket__status">{STATUS_WORDS[ticket.status]}</Text>
      {details}
    </View>
  );
}

interface CancelControlProps {
  confirming: boolean;
  busy: boolean;
  disabled: boolean;
  onAsk: () => void;
  onConfirm: () => void;
  onKeep: () => void;
}

/** Cancelling takes two taps on the page itself: no blocking system dialog. */
function CancelControl({
  confirming,
  busy,
  disabled,
  onAsk,
  onConfirm,
  onKeep,
}: CancelControlProps) {
  if (!confirming) {
    return (
      <BigButton variant="secondary" onClick={onAsk} disabled={disabled}>
        取消排队
      </BigButton>
    );
  }
  return (
    <View className="bdb-ticket__confirm" {...a11y({ role: 'group', label: '确认取消' })}>
      <Text className="bdb-ticket__confirm-text">取消后这个号就作废了，确定不排了吗？</Text>
      <View className="bdb-ticket__confirm-actions">
        <BigButton onClick={onConfirm} disabled={disabled}>
          {busy ? '正在取消…' : '确认取消'}
        </BigButton>
        <BigButton variant="secondary" onClick={onKeep} disabled={disabled}>
          不取消
        </BigButton>
      </View>
    </View>
  );
}
