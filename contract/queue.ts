/** Contract of the `queue` function: walk-in lines (取号) such as the library and the health check. */
import type { TicketCompanion } from './roster';

export type TicketStatus = 'waiting' | 'called' | 'missed' | 'done' | 'cancelled';

export interface Ticket {
  id: string;
  community: string;
  queue: string;
  /** The line's name, e.g. "图书阅览". */
  queueName: string;
  /** The evening (Asia/Shanghai) the ticket belongs to, "YYYY-MM-DD". */
  date: string;
  /** 1, 2, 3… restarting each evening per community and line. */
  number: number;
  /** Prefix + zero-padded number, e.g. "A007": what the board shows and staff call out. */
  label: string;
  status: TicketStatus;
  /** Waiting tickets ahead of this one; 0 unless waiting. */
  ahead: number;
  /** Minutes until this ticket is likely called; null unless waiting. */
  estimatedWaitMinutes: number | null;
  /** Added by staff for a resident without a phone. */
  walkIn: boolean;
  /** ISO instants (+08:00). */
  createdAt: string;
  calledAt: string | null;
  /** While missed: until when the holder may rejoin the line (requeue); null otherwise. */
  requeueUntil: string | null;
  /**
   * Seconds of that grace left when the answer was made: clients count down from it, so a phone
   * whose clock differs from the server's (or the demo clock) still shows the button rightly.
   */
  requeueSecondsLeft: number | null;
}

/** A ticket as staff see it: with the walk-in note and the resident's companion request. */
export interface StaffTicket extends Ticket {
  note: string;
  /** "需要社工陪同" asked on this ticket: the need and who accompanies; null when not asked. */
  companion: TicketCompanion | null;
}

/**
 * The one public state of a line on one evening: what the board and every resident's ticket page
 * listen to. `version` grows with every change.
 */
export interface LineState {
  community: string;
  queue: string;
  name: string;
  /** Label prefix, e.g. "A". */
  prefix: string;
  date: string;
  /** Label now called at the desk, or null. */
  nowCalling: string | null;
  /** When it was (last) called, ISO +08:00: changes on a recall, so the board flashes again. */
  nowCallingAt: string | null;
  /** The last five called labels, newest first (the current one included). */
  recentlyCalled: string[];
  waiting: number;
  /** Tickets issued tonight, for "capacity left". */
  issued: number;
  capacity: number;
  /**
   * Tonight's hours, "HH:mm" in Asia/Shanghai (empty when `date` is not a service evening). The
   * state is stored when the line changes, not when the clock passes `lastJoin` or `closesAt`:
   * clients read the hours with the server's clock to see those pass by themselves.
   */
  opensAt: string;
  closesAt: string;
  /** "HH:mm": no new tickets after this. */
  lastJoin: string;
  paused: boolean;
  /**
   * Could a resident take a number when this state was made (open, before lastJoin, not paused,
   * below capacity)? Clients also check the hours against the server's clock since then.
   */
  accepting: boolean;
  /** Minutes per resident used for estimates: tonight's average, or the line's default. */
  serviceMinutes: number;
  version: number;
  /**
   * The numbers waiting, in line order: a ticket page finds its own number here and shows
   * "前方还有 N 位" (its index) and the estimate (N × serviceMinutes, rounded up) without asking.
   */
  waitingNumbers: number[];
  /** Numbers at the desk now, most recently called first. */
  calledNumbers: number[];
  /** Missed numbers their holders may still requeue, with until when (ISO, +08:00). */
  missed: Array<{ number: number; requeueUntil: string }>;
}

export interface LineConfig {
  capacity: number;
  lastJoin: string;
  /** Minutes a missed ticket may be requeued by its holder. */
  graceMinutes: number;
  /** Estimate per resident until tonight has real service times. */
  defaultServiceMinutes: number;
}

export interface LineRef {
  community: string;
  queue: string;
}

export interface JoinInput extends LineRef {
  /** Client-made id: a retried join with the same requestId returns the same ticket. */
  requestId: string;
}

/** My tickets tonight; naming the community (the page knows it) makes the lookup one read. */
export interface MineInput {
  community?: string;
}

export interface TicketRef {
  ticketId: string;
}

export interface ConfigureInput extends LineRef {
  capacity?: number;
  lastJoin?: string;
  graceMinutes?: number;
  defaultServiceMinutes?: number;
}

export interface WalkInInput extends LineRef {
  /** A name or description, e.g. "王阿姨，红外套". */
  note: string;
  requestId?: string;
}

/**
 * The desk after a walk-in, with the number issued: the label staff copy onto a slip, whatever
 * the number's place (the desk lists only the head of the line).
 */
export interface WalkInIssued extends QueueDesk {
  issued: StaffTicket;
}

/** What the TV board shows for a community. */
export interface Board {
  community: { id: string; name: string };
  open: boolean;
  /** ISO instant of the next opening when closed. */
  nextOpening: string | null;
  opensAt: string;
  closesAt: string;
  now: string;
  lines: LineState[];
  /** Tonight's activities from the community's published notices, in time order. */
  activities: Array<{ name: string; startsAt: string; endsAt: string; place: string }>;
}

/**
 * A line's state as the desk gets it: without the waiting numbers, which only a resident's ticket
 * page reads (its place in line) and which grow with the line (3 KB at 750 waiting) on every call.
 */
export type DeskLineState = Omit<LineState, 'waitingNumbers'>;

/** The queue desk for one line. */
export interface QueueDesk {
  line: DeskLineState;
  config: LineConfig;
  /**
   * Called, then the head of the waiting line in order (at most 6, the server's
   * DESK_WAITING_LISTED, the rows the desk shows; `line.waiting` counts them all), then missed
   * within grace.
   */
  tickets: StaffTicket[];
  /** Tonight so far. */
  stats: {
    served: number;
    missed: number;
    cancelled: number;
    averageServiceMinutes: number | null;
  };
  /** Alerts sent to this line's residents tonight, newest first (at most 10). */
  alerts: SentAlert[];
}

/** One alert as the desk sees it: which number was told what, and when. */
export interface SentAlert {
  kind: AlertKind;
  label: string;
  /** ISO instant (+08:00). */
  at: string;
}

/** A notice the core sends a resident (subscription message in weapp, the outbox locally). */
export type AlertKind = 'three-ahead' | 'your-turn';
