/**
 * Ports: the only ways the core reaches the outside world. Each store adapter (SQLite, CloudBase)
 * implements every method itself; the shared contract suite in server/stores/contract-tests keeps
 * them equivalent.
 */
import type { ServiceEvening, ServiceKind } from '../../contract/community';
import type { AlertKind, LineState, Ticket } from '../../contract/queue';

/** The clock port. Hosts decide whether it is real time, a fixed start (BDB_NOW) or the demo clock. */
export interface Clock {
  now(): Date;
  /** True for the demo clock, so the UI can show a "演示时钟" banner. */
  readonly demo: boolean;
}

export interface ServiceRecord {
  id: string;
  name: string;
  kind: ServiceKind;
  description: string;
  /** Display order, ascending. */
  sort: number;
}

export interface CommunityRecord {
  id: string;
  name: string;
  evenings: ServiceEvening[];
  services: ServiceRecord[];
}

export interface CommunityRepo {
  /** All communities, ordered by id. */
  list(): Promise<Array<{ id: string; name: string }>>;
  /** One community with its evenings and services, or null. */
  get(id: string): Promise<CommunityRecord | null>;
  /** Insert or replace a community with its evenings and services (seeding, admin edits). */
  save(community: CommunityRecord): Promise<void>;
}

export interface UserRecord {
  id: string;
  admin: boolean;
  /** Community ids this user is staff of, ordered. */
  staffOf: string[];
}

export interface InviteRecord {
  code: string;
  community: string;
  createdBy: string;
  /** ISO instant. */
  expiresAt: string;
}

export type RedeemResult =
  { ok: true; community: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

export interface IdentityRepo {
  /** Returns the user, creating a plain resident record on first sight. */
  ensureUser(id: string, now: Date): Promise<UserRecord>;
  getUser(id: string): Promise<UserRecord | null>;
  grantAdmin(id: string, now: Date): Promise<void>;
  createInvite(invite: InviteRecord, now: Date): Promise<void>;
  /**
   * Atomically uses a one-time invite: marks it used by `userId` and makes the user staff of its
   * community. Two identities racing for one code: exactly one wins.
   */
  redeemInvite(code: string, userId: string, now: Date): Promise<RedeemResult>;
}

/** Everything a store adapter provides. */
export interface Store {
  communities: CommunityRepo;
  identities: IdentityRepo;
  queues: QueueRepo;
  close(): Promise<void>;
}

// ── Queue (取号) ─────────────────────────────────────────────────────────

export type TicketStatus = 'waiting' | 'called' | 'missed' | 'done' | 'cancelled';

export interface LineConfigRecord {
  capacity: number;
  /** "HH:mm" in Asia/Shanghai. */
  lastJoin: string;
  graceMinutes: number;
  defaultServiceMinutes: number;
}

/** A line's evening record: everything else about the line is derived from its tickets. */
export interface LineEveningRecord {
  community: string;
  queue: string;
  date: string;
  paused: boolean;
  /** The last number issued tonight (0 before the first). */
  lastNumber: number;
  /** Grows with every change; clients use it to drop stale updates. */
  version: number;
}

export interface TicketRecord {
  id: string;
  community: string;
  queue: string;
  date: string;
  number: number;
  label: string;
  status: TicketStatus;
  /** Null for a walk-in added by staff. */
  userId: string | null;
  note: string;
  requestId: string | null;
  /** Order in the line: the number at first, moved by a requeue. */
  sortKey: number;
  /** ISO instants (UTC). */
  createdAt: string;
  calledAt: string | null;
  missedAt: string | null;
  closedAt: string | null;
  /** Seconds from call to completion, for estimates. */
  serviceSeconds: number | null;
  /** The "3 ahead" alert was sent. */
  alerted: boolean;
}

export interface JoinRequest {
  community: string;
  queue: string;
  date: string;
  prefix: string;
  userId: string | null;
  requestId: string | null;
  note: string;
  capacity: number;
  now: Date;
  /** A missed ticket still counts as the user's active one until missedAt + graceMinutes. */
  graceMinutes: number;
  /** Staff adding a walk-in are not stopped by a paused line. */
  ignorePause: boolean;
}

export type JoinOutcome =
  { kind: 'created' | 'existing'; ticket: TicketRecord } | { kind: 'full' } | { kind: 'paused' };

export interface TicketPatch {
  status?: TicketStatus;
  calledAt?: string | null;
  missedAt?: string | null;
  closedAt?: string | null;
  serviceSeconds?: number | null;
  sortKey?: number;
  alerted?: boolean;
}

/** The cheap picture of a line: counts and the few tickets the rules look at, never the whole list. */
export interface LineSummary {
  /** Tickets waiting now. */
  waiting: number;
  /** The first `head` waiting tickets, in line order (sortKey). */
  head: TicketRecord[];
  /** Tickets at the desk now (status 'called'), most recently called first. */
  called: TicketRecord[];
  /** Labels of the five most recently called tickets, whatever their status now, newest first. */
  recentlyCalled: string[];
  /** Tonight's completed services with a measured time: how many, and their seconds in all. */
  served: { count: number; totalSeconds: number };
}

export interface QueueRepo {
  getConfig(community: string, queue: string): Promise<LineConfigRecord | null>;
  saveConfig(community: string, queue: string, config: LineConfigRecord): Promise<void>;
  getEvening(community: string, queue: string, date: string): Promise<LineEveningRecord | null>;
  /**
   * Takes a number atomically: a known (userId, requestId) or the user's active ticket on this
   * line is returned as 'existing'; otherwise refuses when paused or at capacity, else issues
   * lastNumber + 1. Two callers at once never get one number.
   */
  join(request: JoinRequest): Promise<JoinOutcome>;
  getTicket(id: string): Promise<TicketRecord | null>;
  /** See LineSummary; `head` is how many waiting tickets to return. */
  lineSummary(community: string, queue: string, date: string, head: number): Promise<LineSummary>;
  /** How many tickets wait ahead of `sortKey` on the line. */
  countWaitingBefore(
    community: string,
    queue: string,
    date: string,
    sortKey: number,
  ): Promise<number>;
  /** Tonight's tickets of one line, ordered by sortKey (the staff console; not on residents' paths). */
  listTickets(community: string, queue: string, date: string): Promise<TicketRecord[]>;
  /** One user's tickets on one evening, every community and line. */
  ticketsOfUser(userId: string, date: string): Promise<TicketRecord[]>;
  /**
   * Compare-and-set: applies `patch` only if the ticket's status is one of `from`, and bumps the
   * line's version. Returns the updated ticket, or null when the status had moved on.
   */
  updateTicket(id: string, from: TicketStatus[], patch: TicketPatch): Promise<TicketRecord | null>;
  /** Sets paused (when given) and bumps the version, creating the evening record if needed. */
  touchEvening(
    community: string,
    queue: string,
    date: string,
    patch: { paused?: boolean },
  ): Promise<LineEveningRecord>;
}

/** Pushes a line's public state to whoever listens (SSE locally, a watched document in CloudBase). */
export interface LinePublisher {
  publish(state: LineState): Promise<void>;
}

export interface Alert {
  userId: string;
  /** When the core sent it (its clock, which may be the demo clock), ISO UTC. */
  at: string;
  kind: AlertKind;
  ticket: Ticket;
}

/** Tells a resident something (subscription message in weapp, the outbox locally). Never throws. */
export interface Notifier {
  notify(alert: Alert): Promise<void>;
  /** What was sent on one line tonight, newest first; channels that keep no record return []. */
  recent(community: string, queue: string, date: string, limit: number): Promise<SentAlertRecord[]>;
}

export interface SentAlertRecord {
  kind: AlertKind;
  label: string;
  /** ISO instant (UTC). */
  at: string;
}
