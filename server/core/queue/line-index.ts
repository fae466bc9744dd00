/**
 * What a join or a view asks of a line, answered without a pass over it: a resident's tickets,
 * a request's ticket, how many wait, tonight's service times, the last ticket in line order.
 *
 * A line's tickets are an immutable array; each new array a decision makes (appendTicket,
 * replaceTicket) records what it changed from the one before. The index is derived data kept
 * beside the array (a WeakMap, never a field of the record): it moves forward with each change
 * in O(1) and is rebuilt in one pass for an array that has none (a store read, an older array a
 * decision started from again). Records and decisions stay plain and pure; only the cost moves.
 */
import type { TicketRecord } from '../ports';

/**
 * A ticket completed within this many seconds of its call was called through (nobody came, or
 * the desk tapped 叫下一位 twice), not served: it says nothing about how long a service takes.
 */
export const SHORTEST_SERVICE_SECONDS = 60;

/** Does this ticket's service time count toward tonight's average? */
export const isServiceSample = (t: TicketRecord) =>
  t.status === 'done' && t.serviceSeconds !== null && t.serviceSeconds >= SHORTEST_SERVICE_SECONDS;

export interface LineIndex {
  /** A user's tickets, in the array's order (walk-ins, with no user, are not listed). */
  byUser: Map<string, TicketRecord[]>;
  /** The ticket a request made, by `requestKey`. */
  byRequest: Map<string, TicketRecord>;
  /** Where each ticket sits in the array. */
  at: Map<string, number>;
  waiting: number;
  served: { count: number; totalSeconds: number };
  /** The greatest ticket in line order (sortKey, then number) of any status. */
  last: TicketRecord | null;
}

type Tickets = readonly TicketRecord[];

/** How the array came from the one before: added tickets, and each changed one with its old self. */
interface Step {
  base: Tickets;
  added: TicketRecord[];
  changed: Array<[TicketRecord, TicketRecord]>;
}

/** What a view asks of a line: counts and the last ticket, kept apart from the maps. */
export type LineSummary = Pick<LineIndex, 'waiting' | 'served' | 'last'>;

const indexes = new WeakMap<Tickets, LineIndex>();
/** The summaries of arrays whose index moved on (a view made after later changes reads them). */
const summaries = new WeakMap<Tickets, LineSummary>();
const steps = new WeakMap<Tickets, Step>();

export const requestKey = (userId: string | null, requestId: string) =>
  `${userId ?? ''}\u0000${requestId}`;

const later = (a: TicketRecord, b: TicketRecord) => a.sortKey - b.sortKey || a.number - b.number;

function enter(index: LineIndex, t: TicketRecord, sign: 1 | -1) {
  if (t.status === 'waiting') index.waiting += sign;
  if (isServiceSample(t)) {
    index.served.count += sign;
    index.served.totalSeconds += sign * t.serviceSeconds!;
  }
}

function track(index: LineIndex, t: TicketRecord) {
  if (t.requestId !== null) index.byRequest.set(requestKey(t.userId, t.requestId), t);
  // Line order only grows: a requeue moves a ticket back, never before the last one.
  if (!index.last || index.last.id === t.id || later(t, index.last) > 0) index.last = t;
}

function built(tickets: Tickets): LineIndex {
  const index: LineIndex = {
    byUser: new Map(),
    byRequest: new Map(),
    at: new Map(),
    waiting: 0,
    served: { count: 0, totalSeconds: 0 },
    last: null,
  };
  tickets.forEach((t, position) => {
    index.at.set(t.id, position);
    if (t.userId !== null) {
      const mine = index.byUser.get(t.userId);
      if (mine) mine.push(t);
      else index.byUser.set(t.userId, [t]);
    }
    enter(index, t, 1);
    track(index, t);
  });
  return index;
}

/** The index of a line's tickets: kept from the change that made them, else built once. */
export function lineIndex(tickets: Tickets): LineIndex {
  let index = indexes.get(tickets);
  if (!index) {
    index = built(tickets);
    indexes.set(tickets, index);
  }
  return index;
}

/**
 * Hands `from`'s index to `to` (the change's new array), or drops it: an index belongs to one
 * array, so an older array asked again is rebuilt rather than seen with later tickets.
 */
function handOver(from: Tickets, to: Tickets): LineIndex | null {
  const index = indexes.get(from) ?? null;
  indexes.delete(from);
  if (index) {
    indexes.set(to, index);
    // Changes made at once (a group commit) answer after all of them: each answer's view of its
    // own array still reads its counts without rebuilding the maps.
    const { waiting, served, last } = index;
    summaries.set(from, { waiting, served: { ...served }, last });
  }
  return index;
}

/** The line's counts and last ticket: from its index, or kept when the index moved on. */
export function lineSummary(tickets: Tickets): LineSummary {
  return indexes.get(tickets) ?? summaries.get(tickets) ?? lineIndex(tickets);
}

/** The tickets with one more at the end. */
export function appendTicket(tickets: Tickets, ticket: TicketRecord): TicketRecord[] {
  const next = [...tickets, ticket];
  steps.set(next, { base: tickets, added: [ticket], changed: [] });
  const index = handOver(tickets, next);
  if (index) {
    index.at.set(ticket.id, tickets.length);
    if (ticket.userId !== null) {
      const mine = index.byUser.get(ticket.userId);
      index.byUser.set(ticket.userId, mine ? [...mine, ticket] : [ticket]);
    }
    enter(index, ticket, 1);
    track(index, ticket);
  }
  return next;
}

/** The tickets with `ticket` in place of the one with its id (a plain copy when absent). */
export function replaceTicket(tickets: Tickets, ticket: TicketRecord): TicketRecord[] {
  const position = lineIndex(tickets).at.get(ticket.id);
  if (position === undefined) return [...tickets];
  const old = tickets[position]!;
  const next = tickets.slice();
  next[position] = ticket;
  steps.set(next, { base: tickets, added: [], changed: [[old, ticket]] });
  const index = handOver(tickets, next)!;
  const owner = ticket.userId !== old.userId || ticket.requestId !== old.requestId;
  if (owner || (index.last?.id === old.id && later(ticket, old) < 0)) {
    // Erase and retention rewrite owners, and the last ticket moving forward would need a pass
    // to find the new last: rare, so the index is rebuilt from the array when next asked.
    indexes.delete(next);
  } else {
    if (ticket.userId !== null) {
      const mine = index.byUser.get(ticket.userId)!;
      index.byUser.set(
        ticket.userId,
        mine.map((t) => (t.id === ticket.id ? ticket : t)),
      );
    }
    enter(index, old, -1);
    enter(index, ticket, 1);
    track(index, ticket);
  }
  return next;
}

/** Steps followed back from a newer array before giving up and comparing every ticket. */
const MAX_STEPS = 64;

/**
 * What `next` added and changed since `base`, from the steps that made it: null when it was not
 * made from `base` by them within MAX_STEPS (the caller compares the arrays instead).
 */
export function changesSince(
  base: Tickets,
  next: Tickets,
): { added: TicketRecord[]; changed: Array<[TicketRecord, TicketRecord]> } | null {
  const chain: Step[] = [];
  let at = next;
  while (at !== base) {
    const step = steps.get(at);
    if (!step || chain.length === MAX_STEPS) return null;
    chain.push(step);
    at = step.base;
  }
  // Oldest first: an added ticket changed later is still added; a changed one keeps its first old.
  const added = new Map<string, TicketRecord>();
  const changed = new Map<string, [TicketRecord, TicketRecord]>();
  for (const step of chain.reverse()) {
    for (const t of step.added) added.set(t.id, t);
    for (const [old, now] of step.changed) {
      if (added.has(now.id)) added.set(now.id, now);
      else changed.set(now.id, [changed.get(now.id)?.[0] ?? old, now]);
    }
  }
  return { added: [...added.values()], changed: [...changed.values()] };
}
