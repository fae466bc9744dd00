import type { LineConfig, LineState, StaffTicket, Ticket } from '../../../contract/queue';
import type { LineEveningRecord, TicketRecord } from '../ports';
import { dayjs, isoLocal } from '../time';
import { compareHhmm } from './lines';

const iso = (value: string | null) => (value ? isoLocal(new Date(value)) : null);

/** Tonight's average service time on the line, once two residents have been served. */
export function averageServiceMinutes(tickets: TicketRecord[]): number | null {
  const samples = tickets
    .map((t) => t.serviceSeconds)
    .filter((s): s is number => s !== null && s > 0);
  if (samples.length < 2) return null;
  return samples.reduce((a, b) => a + b, 0) / samples.length / 60;
}

/** Minutes per resident for estimates: tonight's real average, bounded, or the line's default. */
export const serviceMinutesOf = (tickets: TicketRecord[], config: LineConfig) => {
  const average = averageServiceMinutes(tickets);
  return average === null ? config.defaultServiceMinutes : Math.min(60, Math.max(1, average));
};

const byCalledDesc = (a: TicketRecord, b: TicketRecord) =>
  (b.calledAt ?? '').localeCompare(a.calledAt ?? '');

export const waitingOf = (tickets: TicketRecord[]) =>
  tickets.filter((t) => t.status === 'waiting').sort((a, b) => a.sortKey - b.sortKey);

export const requeueUntilOf = (ticket: TicketRecord, config: LineConfig) =>
  ticket.status === 'missed' && ticket.missedAt
    ? dayjs(ticket.missedAt).add(config.graceMinutes, 'minute').toDate()
    : null;

export interface LineContext {
  name: string;
  prefix: string;
  config: LineConfig;
  evening: LineEveningRecord | null;
  tickets: TicketRecord[];
  /** Evening open now (from the schedule). */
  open: boolean;
  now: Date;
  /** "HH:mm" now, Asia/Shanghai. */
  nowHhmm: string;
  community: string;
  queue: string;
  date: string;
}

export function lineState(ctx: LineContext): LineState {
  const called = ctx.tickets.filter((t) => t.calledAt !== null).sort(byCalledDesc);
  const current = called.find((t) => t.status === 'called');
  const issued = ctx.evening?.lastNumber ?? 0;
  const paused = ctx.evening?.paused ?? false;
  return {
    community: ctx.community,
    queue: ctx.queue,
    name: ctx.name,
    prefix: ctx.prefix,
    date: ctx.date,
    nowCalling: current?.label ?? null,
    recentlyCalled: called.slice(0, 5).map((t) => t.label),
    waiting: waitingOf(ctx.tickets).length,
    issued,
    capacity: ctx.config.capacity,
    lastJoin: ctx.config.lastJoin,
    paused,
    accepting:
      ctx.open &&
      !paused &&
      issued < ctx.config.capacity &&
      compareHhmm(ctx.nowHhmm, ctx.config.lastJoin) < 0,
    serviceMinutes: Math.round(serviceMinutesOf(ctx.tickets, ctx.config) * 10) / 10,
    version: ctx.evening?.version ?? 0,
  };
}

export function ticketView(ticket: TicketRecord, ctx: LineContext): Ticket {
  const waiting = waitingOf(ctx.tickets);
  const ahead =
    ticket.status === 'waiting' ? waiting.filter((t) => t.sortKey < ticket.sortKey).length : 0;
  const minutes = serviceMinutesOf(ctx.tickets, ctx.config);
  const requeueUntil = requeueUntilOf(ticket, ctx.config);
  return {
    id: ticket.id,
    community: ticket.community,
    queue: ticket.queue,
    queueName: ctx.name,
    date: ticket.date,
    number: ticket.number,
    label: ticket.label,
    status: ticket.status,
    ahead,
    estimatedWaitMinutes: ticket.status === 'waiting' ? Math.ceil(ahead * minutes) : null,
    walkIn: ticket.userId === null,
    createdAt: iso(ticket.createdAt)!,
    calledAt: iso(ticket.calledAt),
    requeueUntil: requeueUntil && requeueUntil > ctx.now ? isoLocal(requeueUntil) : null,
  };
}

export const staffTicketView = (ticket: TicketRecord, ctx: LineContext): StaffTicket => ({
  ...ticketView(ticket, ctx),
  note: ticket.note,
});
