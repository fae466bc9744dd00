/**
 * What a join or a view asks of a line, answered without a pass over it: a resident's tickets,
 * a request's ticket, how many wait, tonight's service times, the last ticket in line order,
 * the desk's figures; and, once asked (lineOrder), the line in order: who waits, who is at the
 * desk, who missed, who was called or told last.
 *
 * A line's tickets are an immutable array; each new array a decision makes (appendTicket,
 * replaceTicket) records what it changed from the one before. The index is derived data kept
 * beside the array (a hidden property or a WeakMap, see Holder; never a field of a record): it
 * moves forward with each change in O(1) and is rebuilt in one pass for an array that has none
 * (a store read, an older array a decision started from again). Records and decisions stay plain and pure; only the cost moves.
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
  /** The desk's figures: tickets by status, and the done ones with a service time. */
  tally: Tally;
  /** The line in order, once something asked for it (a call, a view): see lineOrder. */
  order: LineOrder | null;
  /** The last changes moved into the index (old self, or null when added; new self). */
  log: Array<[TicketRecord | null, TicketRecord]>;
  /** How many changes the index moved over since built: the log holds the last of them. */
  seq: number;
  /** Left half-moved by a change it could not follow (a rebuild was due): no going back. */
  broken: boolean;
  /** The last array whose order was undone from this index (movedOn starts from the nearest). */
  recent: Moved | null;
}

export interface Tally {
  done: number;
  missed: number;
  cancelled: number;
  /** Done tickets with a service time (any length), and their seconds in all. */
  timed: number;
  seconds: number;
}

/**
 * What a call, the desk and the public state ask of a line in order, kept sorted as tickets
 * change (a binary search and a move of pointers per change) instead of sorted per answer.
 * Built on first ask: a join on a line read afresh (CloudBase) does not pay for the sorts.
 */
export interface LineOrder {
  /** Waiting tickets in line order (sortKey, then number). */
  waiting: TicketRecord[];
  /** At the desk, by id (a few). */
  called: Map<string, TicketRecord>;
  /** Missed, by id: the views show those still within their grace. */
  missed: Map<string, TicketRecord>;
  /** Every ticket with a call, the latest call first (calledAt, then the greater number). */
  calls: TicketRecord[];
  /** Residents' tickets (not walk-ins) told: called, and "3 ahead" — each the latest first. */
  toldCalls: TicketRecord[];
  toldNear: TicketRecord[];
}

type Tickets = readonly TicketRecord[];

/**
 * How the array came from the one before: added tickets, and each changed one with its old self.
 * The one before is held weakly: a strong reference kept every array of the evening alive (a
 * copy of the line per change), and a caller asking what changed since it holds it anyway.
 */
interface Step {
  base: WeakRef<Tickets>;
  added: TicketRecord[];
  changed: Array<[TicketRecord, TicketRecord]>;
}

/** What a view asks of a line: counts and the last ticket, kept apart from the maps. */
export type LineSummary = Pick<LineIndex, 'waiting' | 'served' | 'last'>;

/**
 * An array whose index moved on: its counts, and the index with how far it had come, so its
 * order and figures are the index's with the later changes undone (not a rebuild).
 */
interface Moved {
  summary: LineSummary;
  index: LineIndex;
  seq: number;
  order?: LineOrder;
  tally?: Tally;
  /** Its order's heads and figures, kept when the index moved on (see lineHead). */
  head?: { order: LineOrder; tally: Tally };
}

/**
 * How much of each list of the order an array whose index moved on keeps (lineHead): the desk
 * shows six waiting rows, five recent calls and ten alerts, and "3 ahead" looks four deep.
 */
export const HEAD_KEPT = 10;

/** Changes an index remembers, for the answers of a group commit made before the last one. */
const LOG_KEPT = 1024;

/**
 * What is kept beside one array: its index, or (moved on) its counts, and the step that made it.
 * An array made here carries its holder on a hidden property (no field of the record: a symbol,
 * not enumerable, not copied by a spread); an array made elsewhere (a store's read) has it in a
 * WeakMap. Not a WeakMap for all: V8's quick collections keep a WeakMap's young keys and values
 * alive, which promoted a copy of the line per change to the old generation.
 */
interface Holder {
  index: LineIndex | undefined;
  moved: Moved | undefined;
  step: Step | undefined;
}
const HOLDER = Symbol('line-index');
const elsewhere = new WeakMap<Tickets, Holder>();
const emptyHolder = (): Holder => ({ index: undefined, moved: undefined, step: undefined });

function holderOf(tickets: Tickets, make: boolean): Holder | undefined {
  const own = (tickets as unknown as { [HOLDER]?: Holder })[HOLDER];
  if (own) return own;
  let holder = elsewhere.get(tickets);
  if (!holder && make) {
    holder = emptyHolder();
    elsewhere.set(tickets, holder);
  }
  return holder;
}

/**
 * A copy of the line, `extra` at its end. `slice` copies the arrays made here (a hidden property)
 * and the stores' reads as one block: 0.38 µs for 1,000 tickets, against 6.5 µs for an indexed
 * loop (`npx tsx scripts/bench-why.ts frozen`: "slice" and "loop copy", held). A frozen array
 * (the tests') leaves every builtin's fast path, slice's too (29 µs): the loop copies it. A
 * spread is slow on a held array (an append cost 110–144 µs with one, `bench-why.ts append`).
 * The push grows the copy by half again (V8's growth), which the collector moves too when a
 * join's copy outlives the young generation; an array of the exact length, filled by a loop,
 * moved a third less but cost more per join in the bench's short, cold runs (docs/performance.md,
 * "Sixth pass").
 */
function copied(tickets: Tickets, extra?: TicketRecord): TicketRecord[] {
  if (!Object.isFrozen(tickets)) {
    const next = tickets.slice();
    if (extra) next.push(extra);
    return next;
  }
  const n = tickets.length;
  const next = new Array<TicketRecord>(extra ? n + 1 : n);
  for (let i = 0; i < n; i += 1) next[i] = tickets[i]!;
  if (extra) next[n] = extra;
  return next;
}

/** A new array of this module, with its holder. */
function fresh(next: TicketRecord[]): TicketRecord[] {
  Object.defineProperty(next, HOLDER, { value: emptyHolder() });
  return next;
}

/** One part of the holders, read and written as a map by array. */
const kept = <K extends keyof Holder>(key: K) => ({
  get: (tickets: Tickets): Holder[K] => holderOf(tickets, false)?.[key],
  has: (tickets: Tickets) => holderOf(tickets, false)?.[key] !== undefined,
  set: (tickets: Tickets, value: Holder[K]) => {
    holderOf(tickets, true)![key] = value;
  },
  delete: (tickets: Tickets) => {
    const holder = holderOf(tickets, false);
    if (holder) holder[key] = undefined;
  },
});

const indexes = kept('index');
/** The summaries of arrays whose index moved on (a view made after later changes reads them). */
const summaries = kept('moved');
const steps = kept('step');

export const requestKey = (userId: string | null, requestId: string) =>
  `${userId ?? ''}\u0000${requestId}`;

type Order = (a: TicketRecord, b: TicketRecord) => number;

/** Line order: sortKey, then number (numbers are unique, so the order is total). */
export const byLineOrder: Order = (a, b) => a.sortKey - b.sortKey || a.number - b.number;

/** What toISOString writes for years 0–9999: compared as text, the order of localeCompare. */
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * Text order as localeCompare gives it. Two instants written by toISOString differ first at a
 * digit, where the collation's order is the digits' own: the plain comparison then answers the
 * same, without a call into the collator (kept for anything else).
 */
export function localeOrder(a: string, b: string): number {
  if (ISO_INSTANT.test(a) && ISO_INSTANT.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/** The latest call first, then the greater number (the public state's "recently called"). */
export const byLatestCall: Order = (a, b) =>
  localeOrder(b.calledAt!, a.calledAt!) || b.number - a.number;

/**
 * Later instant first. The core writes instants with toISOString (same length, UTC), whose text
 * order is their time order; anything else is parsed.
 */
export function laterFirst(a: string, b: string): number {
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) {
    if (a === b) return 0;
    return a < b ? 1 : -1;
  }
  return Date.parse(b) - Date.parse(a);
}

/** The latest first by an instant of the ticket, then the greater number (the desk's alerts). */
const latestBy =
  (at: (t: TicketRecord) => string | null): Order =>
  (a, b) =>
    laterFirst(at(a)!, at(b)!) || b.number - a.number;

function enter(index: LineIndex, t: TicketRecord, sign: 1 | -1) {
  if (t.status === 'waiting') index.waiting += sign;
  if (isServiceSample(t)) {
    index.served.count += sign;
    index.served.totalSeconds += sign * t.serviceSeconds!;
  }
  count(index.tally, t, sign);
}

function count(tally: Tally, t: TicketRecord, sign: 1 | -1) {
  if (t.status === 'missed') tally.missed += sign;
  else if (t.status === 'cancelled') tally.cancelled += sign;
  else if (t.status === 'done') {
    tally.done += sign;
    if (t.serviceSeconds !== null) {
      tally.timed += sign;
      tally.seconds += sign * t.serviceSeconds;
    }
  }
}

/** A sorted list of the order: which tickets it holds, in which order. */
interface Kept {
  list: (order: LineOrder) => TicketRecord[];
  keep: (t: TicketRecord) => boolean;
  order: Order;
}

const KEPT: readonly Kept[] = [
  { list: (o) => o.waiting, keep: (t) => t.status === 'waiting', order: byLineOrder },
  { list: (o) => o.calls, keep: (t) => t.calledAt !== null, order: byLatestCall },
  {
    list: (o) => o.toldCalls,
    keep: (t) => t.userId !== null && t.calledAt !== null,
    order: latestBy((t) => t.calledAt),
  },
  {
    list: (o) => o.toldNear,
    keep: (t) => t.userId !== null && t.alertedAt !== null,
    order: latestBy((t) => t.alertedAt),
  },
];

/** How many of `list` (sorted by `order`) come before `t`: where it is, or would go. */
export function placeIn(list: readonly TicketRecord[], t: TicketRecord, order: Order): number {
  let low = 0;
  let high = list.length;
  // Joins and calls land at an end: the new last in line, the latest call first (and the head
  // of the line is the one a call takes out).
  if (high > 0 && order(list[high - 1]!, t) < 0) return high;
  if (high > 0 && order(list[0]!, t) >= 0) return 0;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (order(list[mid]!, t) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where `t` (by id) is in `list`: by its order, else (an order that is not total) by a walk. */
function findIn(list: readonly TicketRecord[], t: TicketRecord, order: Order): number {
  const at = placeIn(list, t, order);
  return list[at]?.id === t.id ? at : list.findIndex((x) => x.id === t.id);
}

/**
 * Moves one ticket's change into the order: `old` null adds a ticket, `now` null takes one out
 * (undoing an addition).
 */
function reorder(order: LineOrder, old: TicketRecord | null, now: TicketRecord | null) {
  resort(order, old, now);
  if (old?.status === 'called') order.called.delete(old.id);
  else if (old?.status === 'missed') order.missed.delete(old.id);
  if (now?.status === 'called') order.called.set(now.id, now);
  else if (now?.status === 'missed') order.missed.set(now.id, now);
}

/** The sorted lists' part of reorder. */
function resort(order: LineOrder, old: TicketRecord | null, now: TicketRecord | null) {
  for (const { list, keep, order: by } of KEPT) {
    const sorted = list(order);
    const was = old !== null && keep(old);
    const is = now !== null && keep(now);
    if (was && is && by(old, now!) === 0) {
      // Same place (a "3 ahead" mark, a note): the new object where the old one was.
      sorted[findIn(sorted, old, by)] = now!;
      continue;
    }
    if (was) takeOut(sorted, findIn(sorted, old, by));
    if (is) putIn(sorted, placeIn(sorted, now!, by), now!);
  }
}

/**
 * A splice at either end of a list is a move of every element; shift and unshift are not (V8
 * moves the list's start instead): a call takes the head of the line out and puts the newest
 * call first: on a list of 990, 690 → 67 ns out of the head and 376 → 76 ns in (Node 20).
 */
function takeOut(list: TicketRecord[], at: number) {
  if (at === 0) list.shift();
  else if (at > 0) list.splice(at, 1);
}

function putIn(list: TicketRecord[], at: number, t: TicketRecord) {
  if (at === 0) list.unshift(t);
  else if (at === list.length) list.push(t);
  else list.splice(at, 0, t);
}

function ordered(tickets: Tickets): LineOrder {
  const order: LineOrder = {
    waiting: [],
    called: new Map(),
    missed: new Map(),
    calls: [],
    toldCalls: [],
    toldNear: [],
  };
  for (const t of tickets) {
    for (const { list, keep } of KEPT) if (keep(t)) list(order).push(t);
    if (t.status === 'called') order.called.set(t.id, t);
    else if (t.status === 'missed') order.missed.set(t.id, t);
  }
  for (const { list, order: by } of KEPT) list(order).sort(by);
  return order;
}

function track(index: LineIndex, t: TicketRecord) {
  if (t.requestId !== null) index.byRequest.set(requestKey(t.userId, t.requestId), t);
  // Line order only grows: a requeue moves a ticket back, never before the last one.
  if (!index.last || index.last.id === t.id || byLineOrder(t, index.last) > 0) index.last = t;
}

function built(tickets: Tickets): LineIndex {
  const index: LineIndex = {
    byUser: new Map(),
    byRequest: new Map(),
    at: new Map(),
    waiting: 0,
    served: { count: 0, totalSeconds: 0 },
    last: null,
    tally: { done: 0, missed: 0, cancelled: 0, timed: 0, seconds: 0 },
    order: null,
    log: [],
    seq: 0,
    broken: false,
    recent: null,
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
 * The line in order: kept with the index once built (the first ask sorts the line once); for an
 * array whose index moved on (the answers of a group commit but the last), the index's order
 * with the later changes undone.
 */
export function lineOrder(tickets: Tickets): LineOrder {
  const moved = indexes.has(tickets) ? null : movedOn(tickets);
  if (moved) return moved.order!;
  const index = lineIndex(tickets);
  index.order ??= ordered(tickets);
  return index.order;
}

/** The desk's figures of the array (kept, or undone as lineOrder does). */
export function lineTally(tickets: Tickets): Tally {
  const head = keptHead(tickets);
  if (head) return head.tally;
  const moved = indexes.has(tickets) ? null : movedOn(tickets);
  return moved ? moved.tally! : lineIndex(tickets).tally;
}

/** Where each ticket of the array sits: positions never move, so a later index's say. */
export function positionsOf(tickets: Tickets): ReadonlyMap<string, number> {
  // Not through movedOn: the positions need none of the order it undoes.
  const moved = indexes.has(tickets) ? undefined : summaries.get(tickets);
  return moved && !moved.index.broken ? moved.index.at : lineIndex(tickets).at;
}

/**
 * The order and figures of an array whose index moved on: copies of the nearest ones known, the
 * index's own or the last array's asked this way, with the changes between undone (newest
 * first) or redone (oldest first); null when the index cannot say (rebuilt, or too far on). The
 * answers of a group commit ask for their arrays oldest first: each is then a change or two from
 * the one before, not the whole group back from the index (a group of K cost K² undone changes).
 */
function movedOn(tickets: Tickets): Moved | null {
  const moved = summaries.get(tickets);
  if (!moved || moved.index.broken || !moved.index.order) return null;
  if (moved.order) return moved;
  const { index } = moved;
  if (moved.seq < index.seq - index.log.length) return null;
  const from = nearestKnown(index, moved.seq);
  const order: LineOrder = {
    waiting: [...from.order.waiting],
    called: new Map(from.order.called),
    missed: new Map(from.order.missed),
    calls: [...from.order.calls],
    toldCalls: [...from.order.toldCalls],
    toldNear: [...from.order.toldNear],
  };
  const tally = { ...from.tally };
  /** Change number `seq` (the one that made the array of that seq), from the log. */
  const logged = (seq: number) => index.log[index.log.length - 1 - (index.seq - seq)]!;
  for (let seq = from.seq; seq > moved.seq; seq -= 1) {
    const [old, changed] = logged(seq);
    reorder(order, changed, old);
    count(tally, changed, -1);
    if (old) count(tally, old, 1);
  }
  for (let seq = from.seq + 1; seq <= moved.seq; seq += 1) {
    const [old, changed] = logged(seq);
    reorder(order, old, changed);
    if (old) count(tally, old, -1);
    count(tally, changed, 1);
  }
  moved.order = order;
  moved.tally = tally;
  index.recent = moved;
  return moved;
}

/** The order known nearest to change number `seq`: the index's own, or its recent array's. */
function nearestKnown(index: LineIndex, seq: number) {
  const own = { seq: index.seq, order: index.order!, tally: index.tally };
  const known = index.recent;
  if (!known?.order || !known.tally || known.seq < index.seq - index.log.length) return own;
  const nearer = Math.abs(known.seq - seq) < Math.abs(own.seq - seq);
  return nearer ? { seq: known.seq, order: known.order, tally: known.tally } : own;
}

/**
 * The first HEAD_KEPT entries of each list of the order, its maps whole. Taken at every change
 * of a line that was shown (a join's too), and kept while the group's answers are made: what is
 * empty is shared, not copied (no call yet, nobody missed).
 */
const headOf = (order: LineOrder): LineOrder => ({
  waiting: first(order.waiting),
  called: order.called.size === 0 ? NO_TICKETS : new Map(order.called),
  missed: order.missed.size === 0 ? NO_TICKETS : new Map(order.missed),
  calls: first(order.calls),
  toldCalls: first(order.toldCalls),
  toldNear: first(order.toldNear),
});
const first = (list: readonly TicketRecord[]) =>
  list.length === 0 ? NO_LIST : list.slice(0, HEAD_KEPT);
/** Never changed: a head's lists and maps are read, never moved (reorder works on an order). */
const NO_TICKETS: Map<string, TicketRecord> = new Map();
const NO_LIST = Object.freeze([]) as unknown as TicketRecord[];

/** What was kept of an array's order when its index moved on, if it moved on. */
const keptHead = (tickets: Tickets) =>
  indexes.has(tickets) ? undefined : summaries.get(tickets)?.head;

/**
 * The line in order as far as the first `k` entries of each list (perhaps no further: a list's
 * length is not its count, see lineSummary), the called and missed whole. An array whose index
 * moved on answers from what it kept, when `k` is within it; any other, lineOrder.
 */
export const lineHead = (tickets: Tickets, k: number): LineOrder =>
  (k <= HEAD_KEPT ? keptHead(tickets)?.order : undefined) ?? lineOrder(tickets);

/** The line in order when it is kept already, else null (a caller with a cheaper plain pass). */
export const knownOrder = (tickets: Tickets): LineOrder | null =>
  indexes.get(tickets)?.order ?? null;

/** knownOrder, or the order of an array whose index moved on, undone (see lineOrder). */
export const cheapOrder = (tickets: Tickets): LineOrder | null =>
  knownOrder(tickets) ?? (indexes.has(tickets) ? null : (movedOn(tickets)?.order ?? null));

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
    const { waiting, served, last, seq, order } = index;
    // The heads of its order, now (a few entries each): the answer of a call in a group reads
    // them, where undoing the later changes copied the whole order per answer.
    const head = order ? { order: headOf(order), tally: { ...index.tally } } : undefined;
    summaries.set(from, { summary: { waiting, served: { ...served }, last }, index, seq, head });
  }
  return index;
}

/** The line's counts and last ticket: from its index, or kept when the index moved on. */
export function lineSummary(tickets: Tickets): LineSummary {
  return indexes.get(tickets) ?? summaries.get(tickets)?.summary ?? lineIndex(tickets);
}

/** Remembers a change moved into the index (the last LOG_KEPT of them). */
function logged(index: LineIndex, old: TicketRecord | null, now: TicketRecord) {
  index.log.push([old, now]);
  index.seq += 1;
  if (index.log.length > 2 * LOG_KEPT) index.log.splice(0, LOG_KEPT);
}

/** The tickets with one more at the end. */
export function appendTicket(tickets: Tickets, ticket: TicketRecord): TicketRecord[] {
  const next = fresh(copied(tickets, ticket));
  steps.set(next, { base: new WeakRef(tickets), added: [ticket], changed: [] });
  const index = handOver(tickets, next);
  if (index) {
    index.at.set(ticket.id, tickets.length);
    if (ticket.userId !== null) {
      const mine = index.byUser.get(ticket.userId);
      index.byUser.set(ticket.userId, mine ? [...mine, ticket] : [ticket]);
    }
    enter(index, ticket, 1);
    track(index, ticket);
    if (index.order) reorder(index.order, null, ticket);
    logged(index, null, ticket);
  }
  return next;
}

/** The tickets with `ticket` in place of the one with its id (a plain copy when absent). */
export function replaceTicket(tickets: Tickets, ticket: TicketRecord): TicketRecord[] {
  return replaceTickets(tickets, [ticket]);
}

/**
 * The tickets with each of `changed` in place of the one with its id: one copy of the line for
 * them all (a call completes one ticket and calls another). Replaced one by one when one is
 * absent (a plain copy) or named twice.
 */
export function replaceTickets(tickets: Tickets, changed: readonly TicketRecord[]): TicketRecord[] {
  const { at } = lineIndex(tickets);
  const positions = changed.map((t) => at.get(t.id));
  const distinct = new Set(positions).size === positions.length;
  if (changed.length !== 1 && (!distinct || positions.includes(undefined))) {
    return changed.reduce<Tickets>((line, t) => replaceTicket(line, t), tickets) as TicketRecord[];
  }
  if (positions[0] === undefined) return copied(tickets);
  const next = fresh(copied(tickets));
  const pairs = changed.map((ticket, i): [TicketRecord, TicketRecord] => {
    const old = tickets[positions[i]!]!;
    next[positions[i]!] = ticket;
    return [old, ticket];
  });
  steps.set(next, { base: new WeakRef(tickets), added: [], changed: pairs });
  const index = handOver(tickets, next)!;
  // Erase and retention rewrite owners, and the last ticket moving forward would need a pass
  // to find the new last: rare, so the index is rebuilt from the array when next asked.
  if (!pairs.every(([old, ticket]) => moved(index, old, ticket))) {
    index.broken = true;
    indexes.delete(next);
  }
  return next;
}

/**
 * replaceTickets into `tickets` itself when it was made here from `base` in one step, by the
 * change under way, and nothing else holds it yet (changeLine marks "3 ahead" on the array its
 * decision just made): the same array, step and index, without a second copy of the line per
 * change. Any other array (not made here, from another, or whose index went on) is copied.
 */
export function amendTickets(
  tickets: Tickets,
  changed: readonly TicketRecord[],
  base: Tickets,
): TicketRecord[] {
  if (changed.length === 0) return tickets as TicketRecord[];
  const holder = (tickets as unknown as { [HOLDER]?: Holder })[HOLDER];
  const index = holder?.index;
  const madeFromBase = holder?.step !== undefined && holder.step.base.deref() === base;
  if (!madeFromBase || !index || Object.isFrozen(tickets)) return replaceTickets(tickets, changed);
  const positions = changed.map((t) => index.at.get(t.id));
  if (new Set(positions).size !== positions.length || positions.includes(undefined)) {
    return replaceTickets(tickets, changed);
  }
  const line = tickets as TicketRecord[];
  const pairs = changed.map((ticket, i): [TicketRecord, TicketRecord] => {
    const old = line[positions[i]!]!;
    line[positions[i]!] = ticket;
    return [old, ticket];
  });
  holder!.step!.changed.push(...pairs);
  if (!pairs.every(([old, ticket]) => moved(index, old, ticket))) {
    index.broken = true;
    indexes.delete(line);
  }
  return line;
}

/** Moves the index over one ticket's change; false when it must be rebuilt instead. */
function moved(index: LineIndex, old: TicketRecord, ticket: TicketRecord): boolean {
  const owner = ticket.userId !== old.userId || ticket.requestId !== old.requestId;
  if (owner || (index.last?.id === old.id && byLineOrder(ticket, old) < 0)) return false;
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
  if (index.order) reorder(index.order, old, ticket);
  logged(index, old, ticket);
  return true;
}

/**
 * Forgets how `tickets` was made: a store wrote it and decides from it from now on, so nothing
 * asks what changed before it. Else each array's step keeps the one before alive (a copy of the
 * line per change, all evening); the garbage collector's quick passes keep even weak ones.
 */
export function settle(tickets: Tickets): void {
  steps.delete(tickets);
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
  let at: Tickets | undefined = next;
  while (at !== base) {
    const step: Step | undefined = at && steps.get(at);
    if (!step || chain.length === MAX_STEPS) return null;
    chain.push(step);
    at = step.base.deref();
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
