/**
 * The walk-in queue's rules as plain functions of one evening (EveningRecord) and a request:
 * who gets a number, in which order tickets are called, where a requeued ticket goes, who is
 * told "3 ahead". Nothing here reads or writes a store; service.ts hands these to the store's
 * atomic `change` and acts on what they decide.
 */
import type { EveningRecord, LineSetup, TicketRecord, TicketStatus } from '../ports';
import { wallClock } from '../kernel/time';
import { compareHhmm, labelOf } from './lines';
import { numberLimit } from '../community/limits';
import {
  amendTickets,
  appendTicket,
  changesSince,
  lineHead,
  lineIndex,
  lineOrder,
  replaceTicket,
  replaceTickets,
  requestKey,
} from './line-index';

export { byLineOrder } from './line-index';

/** A waiting resident with this many (or fewer) ahead gets the "3 ahead" alert, once. */
export const ALERT_AHEAD = 3;
/** A requeued ticket goes back in behind this many waiting residents (or last, if fewer wait). */
export const REQUEUE_BEHIND = 2;

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 12 random letters and digits: ticket ids are `<key>-<number>`, so the key never holds '-'. */
export function newEveningKey(random: (n: number) => Uint8Array): string {
  return [...random(12)].map((b) => KEY_ALPHABET[b % KEY_ALPHABET.length]).join('');
}

export const ticketIdOf = (key: string, number: number) => `${key}-${number}`;

/** The evening key of a ticket id (ticketIdOf), or null when the id cannot be one. */
export const keyOfTicketId = (ticketId: string) =>
  /^([A-Za-z0-9]+)-\d+$/.exec(ticketId)?.[1] ?? null;

export function openEvening(args: {
  community: string;
  queue: string;
  date: string;
  key: string;
  setup: LineSetup;
}): EveningRecord {
  return { ...args, paused: false, lastNumber: 0, version: 0, tickets: [] };
}

/** The setup an evening decides with: its own, or the fresh one for history without one. */
export const setupOf = (evening: EveningRecord, fresh: LineSetup): LineSetup =>
  evening.setup ?? fresh;

/** Every waiting ticket in line order (from the line's kept order, not a sort). */
export const waitingOf = (tickets: readonly TicketRecord[]) => lineOrder(tickets).waiting.slice();

/** The first `k` waiting tickets in line order: waitingOf(tickets).slice(0, k). */
export const waitingHead = (tickets: readonly TicketRecord[], k: number) =>
  lineHead(tickets, k).waiting.slice(0, Math.max(0, k));

/** At the desk now, most recently called first. */
export const calledOf = (tickets: readonly TicketRecord[]) =>
  [...lineHead(tickets, 0).called.values()].sort(
    (a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? '') || b.number - a.number,
  );

/** Until when a missed ticket may be requeued by its holder (null unless missed with a time). */
export const requeueUntilOf = (ticket: TicketRecord, graceMinutes: number): Date | null =>
  ticket.status === 'missed' && ticket.missedAt
    ? new Date(Date.parse(ticket.missedAt) + graceMinutes * 60_000)
    : null;

/** Waiting or called, or missed and still within the grace period: the user's ticket tonight. */
function holds(ticket: TicketRecord, now: Date, graceMinutes: number): boolean {
  if (ticket.status === 'waiting' || ticket.status === 'called') return true;
  const until = requeueUntilOf(ticket, graceMinutes);
  return until !== null && until > now;
}

/** Why a number cannot be taken: the evening's hours, the last-join time, a pause, capacity. */
export type JoinBlock = 'closed' | 'last-join' | 'paused' | 'full';

/** What deciding needs of a line: the fields the public LineState carries too. */
export interface JoinRules {
  /** The evening, "YYYY-MM-DD" in Asia/Shanghai. */
  date: string;
  /** Tonight's hours, "HH:mm"; empty when `date` is not a service evening. */
  opensAt: string;
  closesAt: string;
  lastJoin: string;
  paused: boolean;
  issued: number;
  capacity: number;
}

/**
 * Can a number be taken on this line at `now`? Null when it can, else the first reason in this
 * order: the hours, the last-join time and the pause (both waived for staff adding a walk-in),
 * the capacity. The one rule behind joining and the LineState's `accepting`; the client mirrors
 * it in src/features/queue/model/join-block.ts to see last-join and closing pass on its own.
 */
export function joinBlock(line: JoinRules, now: Date, byStaff = false): JoinBlock | null {
  const wall = wallClock(now);
  const hhmm = wall.slice(11, 16);
  const open =
    wall.slice(0, 10) === line.date &&
    line.opensAt !== '' &&
    line.closesAt !== '' &&
    compareHhmm(hhmm, line.opensAt) >= 0 &&
    compareHhmm(hhmm, line.closesAt) < 0;
  if (!open) return 'closed';
  if (!byStaff && compareHhmm(hhmm, line.lastJoin) >= 0) return 'last-join';
  if (!byStaff && line.paused) return 'paused';
  if (line.issued >= line.capacity) return 'full';
  return null;
}

/** The rule's view of an evening with its setup. */
export const joinRulesOf = (evening: EveningRecord, setup: LineSetup): JoinRules => ({
  date: evening.date,
  opensAt: setup.opensAt,
  closesAt: setup.closesAt,
  lastJoin: setup.lastJoin,
  paused: evening.paused,
  issued: evening.lastNumber,
  capacity: setup.capacity,
});

// ── joining ──────────────────────────────────────────────────────────────

export interface JoinRequest {
  userId: string | null;
  requestId: string | null;
  note: string;
  /** Staff adding a walk-in are not stopped by a pause or the last-join time. */
  byStaff: boolean;
}

export type JoinOutcome =
  | { kind: 'created' | 'existing'; ticket: TicketRecord }
  | { kind: JoinBlock }
  /** The resident took setup.numbersPerResident numbers tonight, every line together. */
  | { kind: 'limited'; max: number };

/**
 * The ticket a request already has: the one its request id made, or the user's live one. From
 * the line's index, not a pass over the line (a join is the busiest request, and the line grows
 * all evening).
 */
function knownTicket(evening: EveningRecord, req: JoinRequest, now: Date, grace: number) {
  const index = lineIndex(evening.tickets);
  if (req.requestId !== null) {
    const made = index.byRequest.get(requestKey(req.userId, req.requestId));
    if (made) return made;
  }
  if (req.userId === null) return undefined;
  return index.byUser.get(req.userId)?.find((t) => holds(t, now, grace));
}

/**
 * A number, or why not. A ticket the request already has (a retry, a second tap) is returned
 * whatever else holds; then joinBlock decides; then, for a resident (never staff adding a
 * walk-in), the numbers they took tonight on every line (`taken`, the ids the store loaded in
 * the same transaction; null counts this line alone) against setup.numbersPerResident.
 */
export function decideJoin(
  evening: EveningRecord,
  setup: LineSetup,
  req: JoinRequest,
  now: Date,
  taken: readonly string[] | null = null,
): { next: EveningRecord | null; result: JoinOutcome } {
  const known = knownTicket(evening, req, now, setup.graceMinutes);
  if (known) return { next: null, result: { kind: 'existing', ticket: known } };
  const block = joinBlock(joinRulesOf(evening, setup), now, req.byStaff);
  if (block) return { next: null, result: { kind: block } };
  if (!req.byStaff && req.userId !== null) {
    const mine = (lineIndex(evening.tickets).byUser.get(req.userId) ?? []).map((t) => t.id);
    const limited = numberLimit(taken ?? [], mine, setup.numbersPerResident);
    if (limited) return { next: null, result: { kind: 'limited', max: limited.max } };
  }
  const number = evening.lastNumber + 1;
  const ticket: TicketRecord = {
    id: ticketIdOf(evening.key, number),
    community: evening.community,
    queue: evening.queue,
    date: evening.date,
    number,
    label: labelOf(setup.prefix, number),
    status: 'waiting',
    userId: req.userId,
    note: req.note,
    requestId: req.requestId,
    sortKey: number,
    createdAt: now.toISOString(),
    calledAt: null,
    missedAt: null,
    closedAt: null,
    serviceSeconds: null,
    // Whoever starts near the desk is looking at the ticket page: no "3 ahead" alert for them.
    alerted: lineIndex(evening.tickets).waiting <= ALERT_AHEAD,
    alertedAt: null,
  };
  const next = { ...evening, lastNumber: number, tickets: appendTicket(evening.tickets, ticket) };
  return { next, result: { kind: 'created', ticket } };
}

// ── moving tickets ───────────────────────────────────────────────────────

export type TicketPatch = Partial<
  Pick<
    TicketRecord,
    'status' | 'calledAt' | 'missedAt' | 'closedAt' | 'serviceSeconds' | 'sortKey' | 'alerted'
  >
>;

export const withTicket = (evening: EveningRecord, ticket: TicketRecord): EveningRecord => ({
  ...evening,
  tickets: replaceTicket(evening.tickets, ticket),
});

/** The evening with several tickets changed at once (one copy of the line); itself for none. */
const withTickets = (evening: EveningRecord, tickets: readonly TicketRecord[]): EveningRecord =>
  tickets.length === 0
    ? evening
    : { ...evening, tickets: replaceTickets(evening.tickets, tickets) };

/**
 * What a store writes for `next` over `current`: the tickets it adds and the ones it changes.
 * Decisions keep the objects of tickets they did not touch, so most joins compare nothing.
 */
export function ticketChanges(current: EveningRecord | null, next: EveningRecord) {
  const { added, changed } = ticketWrites(current, next);
  return { added, changed: changed.map(([, now]) => now) };
}

/** ticketChanges with each changed ticket's old self (a store may write just what differs). */
export function ticketWrites(
  current: EveningRecord | null,
  next: EveningRecord,
): { added: TicketRecord[]; changed: Array<[TicketRecord, TicketRecord]> } {
  const earlier = current?.tickets ?? [];
  const steps = changesSince(earlier, next.tickets);
  if (steps) {
    return {
      added: steps.added,
      changed: steps.changed.filter(([old, now]) => !sameTicket(old, now)),
    };
  }
  const added: TicketRecord[] = [];
  const changed: Array<[TicketRecord, TicketRecord]> = [];
  // Decisions keep the tickets' order and the objects they did not touch: the ticket at the same
  // place is nearly always the very same one, and the map of every ticket is built only if not.
  let byId: Map<string, TicketRecord> | null = null;
  for (let at = 0; at < next.tickets.length; at += 1) {
    const ticket = next.tickets[at]!;
    if (earlier[at] === ticket) continue;
    let old: TicketRecord | undefined = earlier[at];
    if (old?.id !== ticket.id) {
      byId ??= new Map(earlier.map((t) => [t.id, t]));
      old = byId.get(ticket.id);
    }
    if (!old) added.push(ticket);
    else if (old !== ticket && !sameTicket(old, ticket)) changed.push([old, ticket]);
  }
  return { added, changed };
}

const sameTicket = (a: TicketRecord, b: TicketRecord) =>
  (Object.keys(a) as Array<keyof TicketRecord>).every((k) => a[k] === b[k]);

/**
 * What erasing a resident leaves of their ticket: no owner, no note, no request id (which only
 * made sense with the owner). Its number, times and status stay: the evening's figures
 * (served, waiting times) are anonymous counts.
 */
export const erasedTicket = (t: TicketRecord): TicketRecord => ({
  ...t,
  userId: null,
  note: '',
  requestId: null,
});

/** The evening with every ticket of `userId` erased (erasedTicket); null when they hold none. */
export function erasedEvening(evening: EveningRecord, userId: string): EveningRecord | null {
  if (!evening.tickets.some((t) => t.userId === userId)) return null;
  return {
    ...evening,
    tickets: evening.tickets.map((t) => (t.userId === userId ? erasedTicket(t) : t)),
  };
}

export type MoveOutcome =
  | { kind: 'moved'; ticket: TicketRecord }
  | { kind: 'missing' }
  | { kind: 'status'; status: TicketStatus };

/** Compare-and-set: applies `patch` only while the ticket's status is one of `from`. */
export function decideMove(
  evening: EveningRecord,
  ticketId: string,
  from: readonly TicketStatus[],
  patch: TicketPatch,
): { next: EveningRecord | null; result: MoveOutcome } {
  const ticket = evening.tickets.find((t) => t.id === ticketId);
  if (!ticket) return { next: null, result: { kind: 'missing' } };
  if (!from.includes(ticket.status))
    return { next: null, result: { kind: 'status', status: ticket.status } };
  const moved = { ...ticket, ...patch };
  return { next: withTicket(evening, moved), result: { kind: 'moved', ticket: moved } };
}

const secondsBetween = (from: string | null, to: Date) =>
  from ? Math.max(0, Math.round((to.getTime() - Date.parse(from)) / 1000)) : null;

export const completePatch = (ticket: TicketRecord, now: Date): TicketPatch => ({
  status: 'done',
  closedAt: now.toISOString(),
  serviceSeconds: secondsBetween(ticket.calledAt, now),
});

/**
 * Calls the first waiting ticket, completing whoever was at the desk. Null `called` when nobody
 * waits (the desk is still cleared).
 */
export function decideCallNext(
  evening: EveningRecord,
  now: Date,
): { next: EveningRecord; called: TicketRecord | null; completed: TicketRecord[] } {
  const completed = calledOf(evening.tickets).map((current): TicketRecord => ({
    ...current,
    ...completePatch(current, now),
  }));
  // Completing changes no waiting ticket: the head is the same before and after.
  const head = waitingHead(evening.tickets, 1)[0];
  const called: TicketRecord | null = head
    ? { ...head, status: 'called', calledAt: now.toISOString() }
    : null;
  const next = withTickets(evening, called ? [...completed, called] : completed);
  return { next, called, completed };
}

/**
 * Where a requeued ticket goes: behind REQUEUE_BEHIND waiting residents, or last when fewer wait.
 */
export function requeueSortKey(evening: EveningRecord, ticket: TicketRecord): number {
  const waiting = waitingOf(evening.tickets).filter((t) => t.id !== ticket.id);
  if (waiting.length <= REQUEUE_BEHIND) return (waiting.at(-1)?.sortKey ?? ticket.sortKey) + 1;
  return (waiting[REQUEUE_BEHIND - 1]!.sortKey + waiting[REQUEUE_BEHIND]!.sortKey) / 2;
}

export type RequeueOutcome =
  | { kind: 'requeued'; ticket: TicketRecord }
  | { kind: 'missing' }
  | { kind: 'status'; status: TicketStatus }
  | { kind: 'expired' };

export function decideRequeue(
  evening: EveningRecord,
  setup: LineSetup,
  ticketId: string,
  now: Date,
): { next: EveningRecord | null; result: RequeueOutcome } {
  const ticket = evening.tickets.find((t) => t.id === ticketId);
  if (!ticket) return { next: null, result: { kind: 'missing' } };
  if (ticket.status !== 'missed')
    return { next: null, result: { kind: 'status', status: ticket.status } };
  const until = requeueUntilOf(ticket, setup.graceMinutes);
  if (!until || until <= now) return { next: null, result: { kind: 'expired' } };
  const requeued: TicketRecord = {
    ...ticket,
    status: 'waiting',
    missedAt: null,
    calledAt: null,
    alerted: false,
    sortKey: requeueSortKey(evening, ticket),
  };
  return { next: withTicket(evening, requeued), result: { kind: 'requeued', ticket: requeued } };
}

/**
 * Marks every waiting resident within ALERT_AHEAD of the desk who was not told yet, and returns
 * them with how many are ahead: the core sends them "3 ahead" after the change is stored.
 * `decidedFrom`: the tickets the change's decision started from; when the decision made
 * `evening.tickets` from them (a new array nothing else holds yet), the marks go into it
 * (amendTickets) rather than into a second copy of the line.
 */
export function markNear(
  evening: EveningRecord,
  now: Date,
  decidedFrom?: readonly TicketRecord[],
): {
  next: EveningRecord;
  near: Array<{ ticket: TicketRecord; ahead: number }>;
} {
  const near: Array<{ ticket: TicketRecord; ahead: number }> = [];
  const head = waitingHead(evening.tickets, ALERT_AHEAD + 1);
  for (let ahead = 0; ahead < head.length; ahead += 1) {
    const ticket = head[ahead]!;
    if (ticket.alerted || ticket.userId === null) continue;
    near.push({ ticket: { ...ticket, alerted: true, alertedAt: now.toISOString() }, ahead });
  }
  if (near.length === 0) return { next: evening, near };
  const marked = near.map(({ ticket }) => ticket);
  const tickets =
    decidedFrom && decidedFrom !== evening.tickets
      ? amendTickets(evening.tickets, marked, decidedFrom)
      : replaceTickets(evening.tickets, marked);
  return { next: { ...evening, tickets }, near };
}

/** The evening with a new setup (staff changed the configuration) or pause. */
export const withSetup = (evening: EveningRecord, setup: LineSetup): EveningRecord => ({
  ...evening,
  setup,
});

export const withPause = (evening: EveningRecord, paused: boolean): EveningRecord => ({
  ...evening,
  paused,
});
