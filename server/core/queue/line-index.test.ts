/**
 * The line index is a cache beside immutable ticket arrays: after any mix of changes it must
 * answer what a fresh pass over the array answers, and the steps must name exactly what changed.
 */
import type { TicketRecord, TicketStatus } from '../ports';
import { ticketRecord } from '../../testing/ticket-record';
import {
  amendTickets,
  appendTicket,
  changesSince,
  HEAD_KEPT,
  knownOrder,
  lineHead,
  lineIndex,
  lineOrder,
  localeOrder,
  lineSummary,
  lineTally,
  positionsOf,
  replaceTicket,
  replaceTickets,
  requestKey,
  settle,
  type LineIndex,
} from './line-index';

/** Seven residents holding the line's numbers between them, each number asked for once. */
const ticket = (number: number, patch: Partial<TicketRecord> = {}): TicketRecord =>
  ticketRecord(number, { userId: `u${number % 7}`, requestId: `r${number}`, ...patch });

/** What the index must say, from one plain pass (the definition it caches). */
function expected(tickets: readonly TicketRecord[]) {
  const byUser = new Map<string, string[]>();
  for (const t of tickets)
    if (t.userId) byUser.set(t.userId, [...(byUser.get(t.userId) ?? []), t.id]);
  const samples = tickets.filter(
    (t) => t.status === 'done' && t.serviceSeconds !== null && t.serviceSeconds >= 60,
  );
  const last = [...tickets].sort((a, b) => a.sortKey - b.sortKey || a.number - b.number).at(-1);
  return {
    byUser,
    requests: tickets
      .filter((t) => t.requestId)
      .map((t) => [requestKey(t.userId, t.requestId!), t]),
    waiting: tickets.filter((t) => t.status === 'waiting').length,
    served: {
      count: samples.length,
      totalSeconds: samples.reduce((n, t) => n + t.serviceSeconds!, 0),
    },
    last: last?.id ?? null,
  };
}

/** The line in order and the desk's figures, from plain passes (what views.ts used to do). */
function expectedOrder(tickets: readonly TicketRecord[]) {
  const latest = (at: (t: TicketRecord) => string | null) => (a: TicketRecord, b: TicketRecord) =>
    Date.parse(at(b)!) - Date.parse(at(a)!) || b.number - a.number;
  const ids = (ts: TicketRecord[]) => ts.map((t) => t.id);
  const done = tickets.filter((t) => t.status === 'done');
  const timed = done.filter((t) => t.serviceSeconds !== null);
  return {
    waiting: ids(
      tickets
        .filter((t) => t.status === 'waiting')
        .sort((a, b) => a.sortKey - b.sortKey || a.number - b.number),
    ),
    called: ids(tickets.filter((t) => t.status === 'called')),
    missed: ids(tickets.filter((t) => t.status === 'missed')),
    calls: ids(
      tickets
        .filter((t) => t.calledAt !== null)
        .sort((a, b) => b.calledAt!.localeCompare(a.calledAt!) || b.number - a.number),
    ),
    toldCalls: ids(
      tickets
        .filter((t) => t.userId !== null && t.calledAt !== null)
        .sort(latest((t) => t.calledAt)),
    ),
    toldNear: ids(
      tickets
        .filter((t) => t.userId !== null && t.alertedAt !== null)
        .sort(latest((t) => t.alertedAt)),
    ),
    tally: {
      done: done.length,
      missed: tickets.filter((t) => t.status === 'missed').length,
      cancelled: tickets.filter((t) => t.status === 'cancelled').length,
      timed: timed.length,
      seconds: timed.reduce((n, t) => n + t.serviceSeconds!, 0),
    },
  };
}

function expectOrderAgrees(tickets: readonly TicketRecord[]) {
  const want = expectedOrder(tickets);
  const order = lineOrder(tickets);
  const ids = (ts: Iterable<TicketRecord>) => [...ts].map((t) => t.id);
  // The very objects of the array, not older selves of them.
  const current = new Set(tickets);
  for (const list of [order.waiting, order.calls, order.toldCalls, order.toldNear])
    for (const t of list) expect(current.has(t)).toBe(true);
  expect(ids(order.waiting)).toEqual(want.waiting);
  expect(ids(order.called.values()).sort()).toEqual([...want.called].sort());
  expect(ids(order.missed.values()).sort()).toEqual([...want.missed].sort());
  for (const t of [...order.called.values(), ...order.missed.values()])
    expect(current.has(t)).toBe(true);
  expect(ids(order.calls)).toEqual(want.calls);
  expect(ids(order.toldCalls)).toEqual(want.toldCalls);
  expect(ids(order.toldNear)).toEqual(want.toldNear);
  expect(lineTally(tickets)).toEqual(want.tally);
  tickets.forEach((t, at) => expect(positionsOf(tickets).get(t.id)).toBe(at));
}

/** lineHead's first `k` of each list, and the desk's figures, as plain passes say. */
function expectHeadAgrees(tickets: readonly TicketRecord[], k: number) {
  const want = expectedOrder(tickets);
  const head = lineHead(tickets, k);
  const first = (ts: readonly TicketRecord[]) => ts.slice(0, k).map((t) => t.id);
  const current = new Set(tickets);
  for (const list of [head.waiting, head.calls, head.toldCalls, head.toldNear])
    for (const t of list.slice(0, k)) expect(current.has(t)).toBe(true);
  expect(first(head.waiting)).toEqual(want.waiting.slice(0, k));
  expect(first(head.calls)).toEqual(want.calls.slice(0, k));
  expect(first(head.toldCalls)).toEqual(want.toldCalls.slice(0, k));
  expect(first(head.toldNear)).toEqual(want.toldNear.slice(0, k));
  expect([...head.called.keys()].sort()).toEqual([...want.called].sort());
  expect([...head.missed.keys()].sort()).toEqual([...want.missed].sort());
  expect(lineTally(tickets)).toEqual(want.tally);
}

function expectAgrees(index: LineIndex, tickets: readonly TicketRecord[]) {
  const want = expected(tickets);
  expect(index.waiting).toBe(want.waiting);
  expect(index.served).toEqual(want.served);
  expect(index.last?.id ?? null).toBe(want.last);
  expect(new Map([...index.byUser].map(([u, ts]) => [u, ts.map((t) => t.id)]))).toEqual(
    want.byUser,
  );
  for (const [key, t] of want.requests) expect(index.byRequest.get(key as string)).toBe(t);
  tickets.forEach((t, at) => expect(index.at.get(t.id)).toBe(at));
}

/** A small deterministic generator, so a failure replays. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const AT = '2026-12-02T10:05:00.000Z';

const STATUSES: TicketStatus[] = ['waiting', 'called', 'done', 'missed', 'cancelled'];

describe('lineIndex', () => {
  it('agrees with a plain pass after 600 random joins, moves, requeues and erasures', () => {
    const next = random(7);
    let tickets: readonly TicketRecord[] = [];
    let number = 0;
    for (let step = 0; step < 600; step += 1) {
      const roll = next();
      if (roll < 0.45 || tickets.length === 0) {
        number += 1;
        tickets = appendTicket(tickets, ticket(number));
      } else {
        const old = tickets[Math.floor(next() * tickets.length)]!;
        const status = STATUSES[Math.floor(next() * STATUSES.length)]!;
        const patch: Partial<TicketRecord> =
          roll < 0.8
            ? { status, serviceSeconds: status === 'done' ? Math.floor(next() * 600) : null }
            : roll < 0.9
              ? { status: 'waiting', sortKey: old.sortKey + next() * 5 } // a requeue
              : { userId: null, requestId: null }; // erase
        tickets = replaceTicket(tickets, { ...old, ...patch });
      }
      if (step % 50 === 0) expectAgrees(lineIndex(tickets), tickets);
    }
    expectAgrees(lineIndex(tickets), tickets);
  });

  it('keeps the line in order and the desk’s figures through 900 random changes', () => {
    const next = random(11);
    let tickets: readonly TicketRecord[] = [];
    let number = 0;
    let clock = Date.parse('2026-12-02T10:00:00.000Z');
    const instant = () => {
      // Now and then the same instant twice (a call and its "3 ahead"), else a few seconds on.
      if (next() > 0.2) clock += Math.floor(next() * 5000);
      return new Date(clock).toISOString();
    };
    /** A call: the desk completes whoever it called and calls the head, in one copy. */
    const call = () => {
      const done = [...lineOrder(tickets).called.values()].map((t) => ({
        ...t,
        status: 'done' as const,
        serviceSeconds: Math.floor(next() * 400),
      }));
      const head = lineOrder(tickets).waiting[0];
      const called = head ? [{ ...head, status: 'called' as const, calledAt: instant() }] : [];
      return replaceTickets(tickets, [...done, ...called]);
    };
    /** "3 ahead": the first four waiting not told yet, told at one instant. */
    const tell = () => {
      const at = instant();
      const near = lineOrder(tickets).waiting.slice(0, 4);
      return replaceTickets(
        tickets,
        near
          .filter((t) => t.alertedAt === null)
          .map((t) => ({ ...t, alerted: true, alertedAt: at })),
      );
    };
    /** Any ticket moved anyhow: a status with its time, a requeue, an erasure. */
    const move = (roll: number) => {
      const old = tickets[Math.floor(next() * tickets.length)]!;
      const status = STATUSES[Math.floor(next() * STATUSES.length)]!;
      const timed = {
        status,
        missedAt: status === 'missed' ? instant() : old.missedAt,
        calledAt: status === 'called' ? instant() : old.calledAt,
        serviceSeconds: status === 'done' ? Math.floor(next() * 600) : null,
      };
      const requeue = {
        status: 'waiting' as const,
        sortKey: old.sortKey + next() * 5,
        calledAt: null,
      };
      const erase = { userId: null, requestId: null };
      const patch = roll < 0.8 ? timed : roll < 0.9 ? requeue : erase;
      return replaceTicket(tickets, { ...old, ...patch });
    };
    const join = () => {
      number += 1;
      return appendTicket(
        tickets,
        ticket(number, { userId: next() < 0.2 ? null : `u${number % 7}` }),
      );
    };
    /** Arrays whose index moved on, asked later (the answers of a group commit but the last). */
    const older: Array<readonly TicketRecord[]> = [];
    let undone = 0;
    for (let step = 0; step < 900; step += 1) {
      // Kept from the start; asked again (built afresh) after an erasure dropped the index.
      if (!knownOrder(tickets)) lineOrder(tickets);
      if (step % 5 === 0) older.push(tickets);
      const roll = next();
      if (roll < 0.35 || tickets.length === 0) tickets = join();
      else if (roll < 0.55) tickets = call();
      else if (roll < 0.65) tickets = tell();
      else tickets = move(roll);
      if (next() < 0.3) settle(tickets);
      if (step % 25 === 0) expectOrderAgrees(tickets);
      if (step % 25 === 12) {
        const earlier = older.splice(Math.floor(next() * older.length), 1)[0]!;
        expectOrderAgrees(earlier);
        if (knownOrder(earlier) === null) undone += 1;
      }
    }
    // Most were undone from the later index, not rebuilt (an erasure since makes it rebuild).
    expect(undone).toBeGreaterThanOrEqual(10);
    const moved = tickets;
    tickets = call();
    expectOrderAgrees(moved);
    expect(knownOrder(moved)).toBeNull();
    expectOrderAgrees(tickets);
    expectAgrees(lineIndex(tickets), tickets);
  });

  it('replaces several tickets in one copy, with one step naming them all', () => {
    const base = [1, 2, 3].reduce<TicketRecord[]>((ts, n) => appendTicket(ts, ticket(n)), []);
    lineOrder(base);
    const next = replaceTickets(base, [
      ticket(1, { status: 'done' }),
      ticket(2, { status: 'called', calledAt: '2026-12-02T10:05:00.000Z' }),
    ]);
    expect(next.map((t) => t.status)).toEqual(['done', 'called', 'waiting']);
    expect(changesSince(base, next)!.changed.map(([old, now]) => [old.status, now.status])).toEqual(
      [
        ['waiting', 'done'],
        ['waiting', 'called'],
      ],
    );
    expectOrderAgrees(next);
    // One named twice, or absent: one by one, the same answer.
    const twice = replaceTickets(base, [
      ticket(1, { status: 'called' }),
      ticket(1, { status: 'done' }),
      ticket(9),
    ]);
    expect(twice.map((t) => t.status)).toEqual(['done', 'waiting', 'waiting']);
    expectOrderAgrees(twice);
  });

  it('amends the array a change just made in place; copies any other', () => {
    const base = [1, 2, 3, 4].reduce<TicketRecord[]>((ts, n) => appendTicket(ts, ticket(n)), []);
    lineOrder(base);
    settle(base);
    const called = replaceTickets(base, [ticket(1, { status: 'called', calledAt: AT })]);
    const told = ticket(2, { alerted: true, alertedAt: AT });
    // Made from `base` by this change: the same array, its step naming both changes.
    const amended = amendTickets(called, [told], base);
    expect(amended).toBe(called);
    expect(amended[1]).toBe(told);
    expect(changesSince(base, amended)!.changed.map(([, now]) => now.id)).toEqual([
      'KEY-1',
      'KEY-2',
    ]);
    expectOrderAgrees(amended);
    expectAgrees(lineIndex(amended), amended);
    // The array the change started from keeps its tickets, and reads as it was.
    expect(base[1]!.alerted).toBe(false);
    expectOrderAgrees(base);
    // Not made from the given base, or not made here (a store's read), or frozen: a copy.
    const later = ticket(3, { alerted: true, alertedAt: AT });
    const other = amendTickets(amended, [later], amended);
    expect(other).not.toBe(amended);
    expect(amended[2]!.alerted).toBe(false);
    const read = [...other];
    expect(amendTickets(read, [ticket(4, { note: 'x' })], other)).not.toBe(read);
    const frozen = Object.freeze(replaceTickets(other, [ticket(4, { note: 'y' })]));
    expect(amendTickets(frozen, [ticket(4, { note: 'z' })], other)).not.toBe(frozen);
  });

  it('answers an older array from its own tickets, not a later change’s', () => {
    const first = appendTicket(appendTicket([], ticket(1)), ticket(2));
    expect(lineIndex(first).waiting).toBe(2);
    const second = replaceTicket(first, ticket(1, { status: 'called' }));
    expect(lineIndex(second).waiting).toBe(1);
    // A decision that starts again from `first` (a retried transaction) sees two waiting.
    expect(lineIndex(first).waiting).toBe(2);
    expectAgrees(lineIndex(first), first);
  });

  it('keeps the counts of an array whose index moved on (answers made after a group commit)', () => {
    const one = appendTicket([], ticket(1));
    const two = appendTicket(one, ticket(2));
    const three = replaceTicket(two, ticket(1, { status: 'done', serviceSeconds: 120 }));
    expect(lineSummary(two)).toEqual({
      waiting: 2,
      served: { count: 0, totalSeconds: 0 },
      last: two[1],
    });
    expect(lineSummary(three)).toMatchObject({
      waiting: 1,
      served: { count: 1, totalSeconds: 120 },
    });
    expect(lineSummary(one)).toMatchObject({ waiting: 1, last: one[0] });
  });

  it('answers a group commit’s arrays from each other: oldest first, newest first, at random', () => {
    const next = random(5);
    let clock = Date.parse('2026-12-02T10:00:00.000Z');
    const at = () => new Date((clock += 1000 + Math.floor(next() * 4000))).toISOString();
    /** A call as the desk makes it: complete who is called, call the head, tell the next four. */
    const call = (tickets: readonly TicketRecord[]) => {
      const order = lineOrder(tickets);
      const done = [...order.called.values()].map((t) => ({
        ...t,
        status: 'done' as const,
        serviceSeconds: 60 + Math.floor(next() * 300),
      }));
      const head = order.waiting[0];
      const called = replaceTickets(tickets, [
        ...done,
        ...(head ? [{ ...head, status: 'called' as const, calledAt: at() }] : []),
      ]);
      const when = at();
      const near = lineOrder(called)
        .waiting.slice(0, 4)
        .filter((t) => t.alertedAt === null)
        .map((t) => ({ ...t, alerted: true, alertedAt: when }));
      return near.length > 0 ? replaceTickets(called, near) : called;
    };
    for (const asked of ['oldest', 'newest', 'random'] as const) {
      let tickets: readonly TicketRecord[] = [];
      for (let n = 1; n <= 120; n += 1) tickets = appendTicket(tickets, ticket(n));
      lineOrder(tickets);
      const group: Array<readonly TicketRecord[]> = [];
      for (let k = 0; k < 30; k += 1) {
        tickets = call(tickets);
        group.push(tickets);
      }
      const order =
        asked === 'oldest'
          ? group
          : asked === 'newest'
            ? [...group].reverse()
            : [...group].sort(() => next() - 0.5);
      // The desk's answers read the heads first: kept when each array's index moved on.
      for (const each of order) expectHeadAgrees(each, HEAD_KEPT);
      for (const each of order) expectOrderAgrees(each);
      // Each from a copy, and the kept ones unchanged by the copies made after them.
      for (const each of group) expectOrderAgrees(each);
    }
  });

  it('keeps the heads of an array whose index moved on, not its whole order', () => {
    let tickets: readonly TicketRecord[] = [];
    for (let n = 1; n <= 40; n += 1) tickets = appendTicket(tickets, ticket(n));
    lineOrder(tickets);
    const first = replaceTicket(tickets, ticket(1, { status: 'called', calledAt: AT }));
    const second = replaceTicket(first, ticket(2, { status: 'missed', calledAt: AT }));
    replaceTicket(second, ticket(3, { status: 'cancelled' }));
    // What `first` kept: ten waiting of its 39, its call, nobody missed yet.
    expect(lineHead(first, HEAD_KEPT).waiting.map((t) => t.number)).toEqual(
      Array.from({ length: HEAD_KEPT }, (_, i) => i + 2),
    );
    expect([...lineHead(first, 0).called.keys()]).toEqual(['KEY-1']);
    expect(lineHead(second, 0).missed.has('KEY-2')).toBe(true);
    expect(lineSummary(first).waiting).toBe(39);
    expectHeadAgrees(first, HEAD_KEPT);
    expectHeadAgrees(second, HEAD_KEPT);
    // Asked deeper than it kept, the whole order, undone from the index.
    expect(lineHead(first, HEAD_KEPT + 1).waiting).toHaveLength(39);
    expectOrderAgrees(first);
  });

  it('rebuilds when the last ticket moves forward (never in a decision, still right)', () => {
    const line = [1, 2, 3].reduce<TicketRecord[]>((ts, n) => appendTicket(ts, ticket(n)), []);
    const moved = replaceTicket(line, ticket(3, { sortKey: 0.5 }));
    expect(lineIndex(moved).last?.id).toBe('KEY-2');
  });
});

describe('changesSince', () => {
  it('names what a chain of changes added and changed, with the first old self', () => {
    const base = [1, 2, 3].reduce<TicketRecord[]>((ts, n) => appendTicket(ts, ticket(n)), []);
    const a = replaceTicket(base, ticket(1, { status: 'called' }));
    const b = appendTicket(a, ticket(4));
    const c = replaceTicket(b, ticket(4, { alerted: true }));
    const d = replaceTicket(c, ticket(1, { status: 'done', serviceSeconds: 300 }));
    const changes = changesSince(base, d)!;
    expect(changes.added.map((t) => [t.id, t.alerted])).toEqual([['KEY-4', true]]);
    expect(changes.changed.map(([old, now]) => [old.status, now.status])).toEqual([
      ['waiting', 'done'],
    ]);
  });

  it('answers null for arrays not made one from the other (the caller compares them)', () => {
    const base = appendTicket([], ticket(1));
    expect(changesSince(base, [...base])).toBeNull();
    expect(changesSince(appendTicket(base, ticket(2)), base)).toBeNull();
  });
});

describe('localeOrder', () => {
  it('orders instants as localeCompare does, and anything else by localeCompare itself', () => {
    const next = random(3);
    const values = Array.from({ length: 300 }, (_, i) =>
      i % 10 === 9
        ? ['b', 'B', 'a', '2026-12-02T10:00:00Z', ''][i % 5]!
        : new Date(Date.parse('2026-12-02T00:00:00.000Z') + Math.floor(next() * 9e7)).toISOString(),
    );
    for (let i = 1; i < values.length; i += 1) {
      const [a, b] = [values[i - 1]!, values[i]!];
      expect(Math.sign(localeOrder(a, b))).toBe(Math.sign(a.localeCompare(b)));
      expect(Math.sign(localeOrder(a, a))).toBe(0);
    }
  });
});
