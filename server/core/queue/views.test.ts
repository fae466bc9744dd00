/**
 * The desk's list of alerts, merged from the line's kept lists, against its definition: every
 * call and "3 ahead" of a resident's ticket, the newest first (same instant: the greater number
 * first; the same ticket told both at once: its call first).
 */
import type { TicketRecord } from '../ports';
import { ticketRecord } from '../../testing/ticket-record';
import { isoLocal } from '../kernel/time';
import { appendTicket, replaceTickets } from './line-index';
import { alertsOf } from './views';

/** Every fifth a walk-in (no user). */
const ticket = (number: number, patch: Partial<TicketRecord> = {}): TicketRecord =>
  ticketRecord(number, { userId: number % 5 === 0 ? null : `u${number}`, ...patch });

/** The definition: every alert told, sorted whole. */
function expectedAlerts(tickets: readonly TicketRecord[], limit: number) {
  const told = tickets.flatMap((t) =>
    t.userId === null
      ? []
      : [
          ...(t.calledAt ? [{ kind: 'your-turn' as const, t, at: t.calledAt, order: 0 }] : []),
          ...(t.alertedAt ? [{ kind: 'three-ahead' as const, t, at: t.alertedAt, order: 1 }] : []),
        ],
  );
  told.sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at) || b.t.number - a.t.number || a.order - b.order,
  );
  return told
    .slice(0, Math.max(0, limit))
    .map(({ kind, t, at }) => ({ kind, label: t.label, at: isoLocal(new Date(at)) }));
}

const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe('alertsOf', () => {
  it('lists the newest calls and "3 ahead" of a line as their definition, at any limit', () => {
    const next = random(9);
    let tickets: readonly TicketRecord[] = [];
    for (let n = 1; n <= 60; n += 1) tickets = appendTicket(tickets, ticket(n));
    let clock = Date.parse('2026-12-02T10:00:00.000Z');
    for (let k = 0; k < 40; k += 1) {
      // Often the same instant for a call and the "3 ahead" it causes, or for two calls.
      if (next() < 0.6) clock += 1000 * Math.floor(next() * 3);
      const at = new Date(clock).toISOString();
      const waiting = tickets.filter((t) => t.status === 'waiting');
      const head = waiting[0];
      const near = waiting.slice(0, 4).filter((t) => t.alertedAt === null && next() < 0.7);
      const changed = near.map((t): TicketRecord =>
        t === head
          ? { ...t, status: 'called' as const, calledAt: at, alerted: true, alertedAt: at }
          : { ...t, alerted: true, alertedAt: at },
      );
      if (head && !near.includes(head)) changed.push({ ...head, status: 'called', calledAt: at });
      if (changed.length > 0) tickets = replaceTickets(tickets, changed);
      for (const limit of [0, 1, 3, 10, 200]) {
        expect(alertsOf(tickets, limit)).toEqual(expectedAlerts(tickets, limit));
      }
    }
    expect(alertsOf(tickets, 200).length).toBeGreaterThan(40);
  });
});
