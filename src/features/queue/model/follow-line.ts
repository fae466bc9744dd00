/**
 * My tickets, followed from a line's public state alone: a live update costs no call and no read
 * unless the line cannot tell what happened to my own ticket. "ahead" and the estimate are
 * computed exactly as the server's ticketView does (server/core/queue/views.ts).
 */
import { isNewerLine, lineKey } from '@/lib/live';
import type { LineState, Ticket } from '@/types/contract';
import { isActive } from './ticket-text';

export interface TicketFollow {
  /** My ticket as the line shows it now: the same object when nothing changed. */
  ticket: Ticket;
  /**
   * The line cannot tell the whole story, so `queue.mine` should be asked once: my ticket left
   * the line (done or cancelled), or it was missed and the requeue countdown needs the server's
   * clock (seconds left).
   */
  refetch: boolean;
}

export interface LineFollow {
  /** The same array when no ticket changed. */
  tickets: Ticket[];
  refetch: boolean;
}

type Status = Pick<
  Ticket,
  'status' | 'ahead' | 'estimatedWaitMinutes' | 'calledAt' | 'requeueUntil' | 'requeueSecondsLeft'
>;

const FIELDS: readonly (keyof Status)[] = [
  'status',
  'ahead',
  'estimatedWaitMinutes',
  'calledAt',
  'requeueUntil',
  'requeueSecondsLeft',
];

/** The ticket with `next` applied, or the ticket itself when `next` changes nothing. */
function withStatus(ticket: Ticket, next: Status): Ticket {
  return FIELDS.every((field) => ticket[field] === next[field]) ? ticket : { ...ticket, ...next };
}

/** Lines written before the order was published have no numbers: the server has to answer. */
const carriesOrder = (line: LineState) =>
  Array.isArray(line.waitingNumbers) &&
  Array.isArray(line.calledNumbers) &&
  Array.isArray(line.missed);

/** Where one of my tickets stands in `line` (a line of another queue or date changes nothing). */
export function followTicket(ticket: Ticket, line: LineState): TicketFollow {
  if (lineKey(ticket) !== lineKey(line) || ticket.date !== line.date) {
    return { ticket, refetch: false };
  }
  if (!carriesOrder(line)) return { ticket, refetch: isActive(ticket) };

  const ahead = line.waitingNumbers.indexOf(ticket.number);
  if (ahead >= 0) {
    const next = withStatus(ticket, {
      status: 'waiting',
      ahead,
      estimatedWaitMinutes: Math.ceil(ahead * line.serviceMinutes),
      calledAt: null,
      requeueUntil: null,
      requeueSecondsLeft: null,
    });
    return { ticket: next, refetch: false };
  }

  if (line.calledNumbers.includes(ticket.number)) {
    // A recall gives the line a new nowCallingAt: a new calledAt makes the page call again.
    const current = line.calledNumbers[0] === ticket.number && line.nowCallingAt;
    const next = withStatus(ticket, {
      status: 'called',
      ahead: 0,
      estimatedWaitMinutes: null,
      calledAt: current ? line.nowCallingAt : ticket.calledAt,
      requeueUntil: null,
      requeueSecondsLeft: null,
    });
    return { ticket: next, refetch: false };
  }

  const missed = line.missed.find((m) => m.number === ticket.number);
  if (missed) {
    // Seconds left are counted on the server's clock: kept while the deadline is the same one.
    const known =
      ticket.status === 'missed' && ticket.requeueUntil === missed.requeueUntil
        ? ticket.requeueSecondsLeft
        : null;
    const next = withStatus(ticket, {
      status: 'missed',
      ahead: 0,
      estimatedWaitMinutes: null,
      calledAt: ticket.calledAt,
      requeueUntil: missed.requeueUntil,
      requeueSecondsLeft: known,
    });
    return { ticket: next, refetch: known === null };
  }

  // Done, cancelled, or past its requeue time: only the server knows which.
  return { ticket, refetch: isActive(ticket) };
}

/**
 * All my tickets after a new state of `line`. `seen` is the state of that line applied before:
 * an older (or the same) version, or another evening's, changes nothing.
 */
export function followLine(
  tickets: Ticket[],
  line: LineState,
  seen?: Pick<LineState, 'date' | 'version'>,
): LineFollow {
  if (!isNewerLine(line, seen)) return { tickets, refetch: false };
  let changed = false;
  let refetch = false;
  const next = tickets.map((ticket) => {
    const followed = followTicket(ticket, line);
    changed ||= followed.ticket !== ticket;
    refetch ||= followed.refetch;
    return followed.ticket;
  });
  return { tickets: changed ? next : tickets, refetch };
}
