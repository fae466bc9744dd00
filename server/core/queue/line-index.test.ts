/**
 * The line index is a cache beside immutable ticket arrays: after any mix of changes it must
 * answer what a fresh pass over the array answers, and the steps must name exactly what changed.
 */
import type { TicketRecord, TicketStatus } from '../ports';
import {
  appendTicket,
  changesSince,
  lineIndex,
  lineSummary,
  replaceTicket,
  requestKey,
  type LineIndex,
} from './line-index';

const ticket = (number: number, patch: Partial<TicketRecord> = {}): TicketRecord => ({
  id: `KEY-${number}`,
  community: 'jinse',
  queue: 'library',
  date: '2026-12-02',
  number,
  label: `A${String(number).padStart(3, '0')}`,
  status: 'waiting',
  userId: `u${number % 7}`,
  note: '',
  requestId: `r${number}`,
  sortKey: number,
  createdAt: '2026-12-02T10:00:00.000Z',
  calledAt: null,
  missedAt: null,
  closedAt: null,
  serviceSeconds: null,
  alerted: false,
  alertedAt: null,
  ...patch,
});

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
