/**
 * What an evening looks like to the TV, a resident and staff: plain functions of the evening
 * and the time. The public LineState carries the line order, so a ticket page follows its own
 * number from the watched state alone (ticketView here and the client's followLine compute
 * "ahead" and the estimate the same way).
 */
import type {
  DeskLineState,
  LineConfig,
  LineState,
  SentAlert,
  StaffTicket,
  Ticket,
} from '../../../contract/queue';
import type { TicketCompanion } from '../../../contract/roster';
import type { EveningRecord, LineSetup, TicketRecord } from '../ports';
import { isoLocal } from '../kernel/time';
import { calledOf, joinBlock, joinRulesOf, requeueUntilOf, setupOf } from './evening';
import {
  byLineOrder,
  cheapOrder,
  laterFirst,
  lineHead,
  lineOrder,
  lineSummary,
  placeIn,
  positionsOf,
} from './line-index';

/**
 * Instants as the clients read them, each formatted once: the desk shows the same tickets' times
 * on every call (bounded: forgotten all at once past a few evenings' worth).
 */
const formatted = new Map<string, string>();
const iso = (value: string | null) => {
  if (!value) return null;
  let known = formatted.get(value);
  if (known === undefined) {
    if (formatted.size >= 10_000) formatted.clear();
    known = isoLocal(new Date(value));
    formatted.set(value, known);
  }
  return known;
};

export { SHORTEST_SERVICE_SECONDS } from './line-index';
/** Real services needed before tonight's average replaces the line's default estimate. */
export const SERVICE_SAMPLES_NEEDED = 3;

/** Tonight's real service times: how many, and their seconds in all (kept by the line's index). */
export const servedOf = (tickets: readonly TicketRecord[]) => ({
  ...lineSummary(tickets).served,
});

/** Tonight's average service time on the line, once enough residents have really been served. */
export function averageServiceMinutes(served: ReturnType<typeof servedOf>): number | null {
  if (served.count < SERVICE_SAMPLES_NEEDED) return null;
  return served.totalSeconds / served.count / 60;
}

/**
 * Minutes per resident for estimates, to a tenth: tonight's real average, bounded, or the line's
 * default. The same figure the LineState carries, so every estimate agrees with the board's.
 */
export function serviceMinutesOf(tickets: readonly TicketRecord[], config: LineConfig): number {
  const average = averageServiceMinutes(servedOf(tickets));
  const minutes =
    average === null ? config.defaultServiceMinutes : Math.min(60, Math.max(1, average));
  return Math.round(minutes * 10) / 10;
}

export const configOf = (setup: LineSetup): LineConfig => ({
  capacity: setup.capacity,
  lastJoin: setup.lastJoin,
  graceMinutes: setup.graceMinutes,
  defaultServiceMinutes: setup.defaultServiceMinutes,
});

/** An evening seen with a setup: its own, or `fresh` for history stored without one. */
export interface LineView {
  evening: EveningRecord;
  setup: LineSetup;
  now: Date;
}

export const viewOf = (evening: EveningRecord, fresh: LineSetup, now: Date): LineView => ({
  evening,
  setup: setupOf(evening, fresh),
  now,
});

/** Can a resident take a number right now? */
const accepting = ({ evening, setup, now }: LineView) =>
  joinBlock(joinRulesOf(evening, setup), now) === null;

const RECENTLY_CALLED = 5;

/**
 * Views are not changed once made: a change publishes the state, and its desk shows it again.
 * Kept on the view itself (a hidden property) rather than in a WeakMap, whose young keys and
 * values V8's quick collections keep alive (every state's waiting numbers were promoted).
 */
const STATE = Symbol('line-state');
const frozenViews = new WeakMap<LineView, LineState>();

const knownState = (view: LineView): LineState | undefined =>
  (view as { [STATE]?: LineState })[STATE] ?? frozenViews.get(view);

export function lineState(view: LineView): LineState {
  const known = knownState(view);
  if (known) return known;
  const state: LineState = Object.assign(deskLineStateOf(view), {
    waitingNumbers: lineOrder(view.evening.tickets).waiting.map((t) => t.number),
  });
  if (Object.isExtensible(view)) Object.defineProperty(view, STATE, { value: state });
  else frozenViews.set(view, state);
  return state;
}

/**
 * The state as the desk gets it, without the waiting numbers: a new object. The desk of each call
 * in a group is of a view nobody publishes (only a turn's last is), and the numbers are an array
 * as long as the line.
 */
export function deskLineState(view: LineView): DeskLineState {
  const known = knownState(view);
  if (!known) return deskLineStateOf(view);
  const { waitingNumbers: _numbers, ...desk } = known;
  return desk;
}

function deskLineStateOf(view: LineView): DeskLineState {
  const { evening, setup, now } = view;
  const called = calledOf(evening.tickets);
  const current = called[0];
  // The heads of the order: an earlier call of a group answers from what its line kept.
  const recent = lineHead(evening.tickets, RECENTLY_CALLED).calls.slice(0, RECENTLY_CALLED);
  const { waiting } = lineSummary(evening.tickets);
  return {
    community: evening.community,
    queue: evening.queue,
    name: setup.name,
    prefix: setup.prefix,
    date: evening.date,
    nowCalling: current?.label ?? null,
    nowCallingAt: iso(current?.calledAt ?? null),
    recentlyCalled: recent.map((t) => t.label),
    waiting,
    issued: evening.lastNumber,
    capacity: setup.capacity,
    opensAt: setup.opensAt,
    closesAt: setup.closesAt,
    lastJoin: setup.lastJoin,
    paused: evening.paused,
    accepting: accepting(view),
    serviceMinutes: serviceMinutesOf(evening.tickets, setup),
    version: evening.version,
    calledNumbers: called.map((t) => t.number),
    missed: missedOf(evening.tickets, setup.graceMinutes, now).map(({ t, until }) => ({
      number: t.number,
      requeueUntil: isoLocal(until),
    })),
  };
}

/** Some of a line's tickets in the line's array order (the order of a pass over it). */
export function inArrayOrder(
  tickets: readonly TicketRecord[],
  some: Iterable<TicketRecord>,
): TicketRecord[] {
  const at = positionsOf(tickets);
  return [...some].sort((a, b) => at.get(a.id)! - at.get(b.id)!);
}

/**
 * The missed tickets still within their grace at `now`, with until when, in array order: from
 * the kept missed ones, not a pass over the line.
 */
export function missedOf(tickets: readonly TicketRecord[], graceMinutes: number, now: Date) {
  const open: TicketRecord[] = [];
  const untils = new Map<string, Date>();
  for (const t of lineHead(tickets, 0).missed.values()) {
    const until = requeueUntilOf(t, graceMinutes);
    if (until && until > now) {
      open.push(t);
      untils.set(t.id, until);
    }
  }
  return inArrayOrder(tickets, open).map((t) => ({ t, until: untils.get(t.id)! }));
}

/**
 * What every ticket's view of one evening shares, for a list of them (the desk): without it
 * each ticket would find its place and the estimate again (O(line²)).
 */
export interface LineFacts {
  /** A waiting ticket's id → how many wait ahead of it. */
  ahead: ReadonlyMap<string, number>;
  serviceMinutes: number;
}

/** Waiting tickets before this waiting one in line order (0 when it is not in the evening). */
function aheadOf(ticket: TicketRecord, evening: EveningRecord): number {
  // The newest number is last in line: everyone else waiting is ahead (the common case, a join).
  const { last, waiting } = lineSummary(evening.tickets);
  if (last?.id === ticket.id) return last.status === 'waiting' ? waiting - 1 : 0;
  const order = cheapOrder(evening.tickets);
  const me = order
    ? evening.tickets[positionsOf(evening.tickets).get(ticket.id) ?? -1]
    : evening.tickets.find((t) => t.id === ticket.id);
  if (me?.status !== 'waiting') return 0;
  // Kept in order already (the line was called or shown): its place there.
  if (order) return placeIn(order.waiting, me, byLineOrder);
  let ahead = 0;
  for (const t of evening.tickets) if (t.status === 'waiting' && byLineOrder(t, me) < 0) ahead += 1;
  return ahead;
}

/** A resident's view of a ticket: "ahead" is its place among tonight's waiting tickets. */
export function ticketView(ticket: TicketRecord, view: LineView, facts?: LineFacts): Ticket {
  const { evening, setup, now } = view;
  const waiting = ticket.status === 'waiting';
  const ahead = waiting
    ? facts
      ? (facts.ahead.get(ticket.id) ?? 0)
      : aheadOf(ticket, evening)
    : 0;
  const minutes = facts?.serviceMinutes ?? serviceMinutesOf(evening.tickets, setup);
  const requeueUntil = requeueUntilOf(ticket, setup.graceMinutes);
  const graceLeft = requeueUntil && requeueUntil > now ? requeueUntil : null;
  return {
    id: ticket.id,
    community: ticket.community,
    queue: ticket.queue,
    queueName: setup.name,
    date: ticket.date,
    number: ticket.number,
    label: ticket.label,
    status: ticket.status,
    ahead,
    estimatedWaitMinutes: waiting ? Math.ceil(ahead * minutes) : null,
    walkIn: ticket.userId === null,
    createdAt: iso(ticket.createdAt)!,
    calledAt: iso(ticket.calledAt),
    requeueUntil: graceLeft ? isoLocal(graceLeft) : null,
    requeueSecondsLeft: graceLeft ? Math.floor((graceLeft.getTime() - now.getTime()) / 1000) : null,
  };
}

/** The resident's view with the note and companion (added to it: a desk lists dozens). */
export const staffTicketView = (
  ticket: TicketRecord,
  view: LineView,
  companion: TicketCompanion | null = null,
  facts?: LineFacts,
): StaffTicket => Object.assign(ticketView(ticket, view, facts), { note: ticket.note, companion });

/**
 * What the line told its residents tonight, newest first: each call or recall (calledAt) and
 * each "3 ahead" (alertedAt), from the evening itself, so the desk's list costs no read and is
 * the same on both hosts. A walk-in number has nobody to tell.
 */
export function alertsOf(tickets: readonly TicketRecord[], limit: number): SentAlert[] {
  // The newest of each kind (kept in that order with the line), merged: the newest first; same
  // instant, the greater number first; same ticket told both at once, its call first (the "3
  // ahead" a call caused comes after, above, the call).
  const { toldCalls: calls, toldNear: near } = lineHead(tickets, limit);
  const alerts: SentAlert[] = [];
  let c = 0;
  let n = 0;
  while (alerts.length < limit && (c < calls.length || n < near.length)) {
    const call = calls[c];
    const told = near[n];
    const callFirst =
      !told ||
      (call !== undefined &&
        (laterFirst(call.calledAt!, told.alertedAt!) || told.number - call.number) <= 0);
    if (callFirst) {
      alerts.push({ kind: 'your-turn', label: call!.label, at: iso(call!.calledAt)! });
      c += 1;
    } else {
      alerts.push({ kind: 'three-ahead', label: told.label, at: iso(told.alertedAt)! });
      n += 1;
    }
  }
  return alerts;
}
