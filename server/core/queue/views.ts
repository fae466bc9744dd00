import type { LineConfig, LineState, StaffTicket, Ticket } from '../../../contract/queue';
import type { LineEveningRecord, LineSummary, TicketRecord } from '../ports';
import { dayjs, isoLocal } from '../time';
import { compareHhmm } from './lines';

const iso = (value: string | null) => (value ? isoLocal(new Date(value)) : null);

/** Tonight's average service time on the line, once two residents have been served. */
export function averageServiceMinutes(served: LineSummary['served']): number | null {
  if (served.count < 2) return null;
  return served.totalSeconds / served.count / 60;
}

/** Minutes per resident for estimates: tonight's real average, bounded, or the line's default. */
export const serviceMinutesOf = (served: LineSummary['served'], config: LineConfig) => {
  const average = averageServiceMinutes(served);
  return average === null ? config.defaultServiceMinutes : Math.min(60, Math.max(1, average));
};

export const waitingOf = (tickets: TicketRecord[]) =>
  tickets
    .filter((t) => t.status === 'waiting')
    .sort((a, b) => a.sortKey - b.sortKey || a.number - b.number);

export const requeueUntilOf = (ticket: TicketRecord, config: LineConfig) =>
  ticket.status === 'missed' && ticket.missedAt
    ? dayjs(ticket.missedAt).add(config.graceMinutes, 'minute').toDate()
    : null;

/** One line tonight as the rules see it: configuration, the evening record and a summary. */
export interface LineContext {
  name: string;
  prefix: string;
  config: LineConfig;
  evening: LineEveningRecord | null;
  summary: LineSummary;
  /** Evening open now (from the schedule). */
  open: boolean;
  now: Date;
  /** "HH:mm" now, Asia/Shanghai. */
  nowHhmm: string;
  community: string;
  queue: string;
  date: string;
}

/** Can a resident take a number right now? */
const accepting = (ctx: LineContext, issued: number, paused: boolean) =>
  ctx.open &&
  !paused &&
  issued < ctx.config.capacity &&
  compareHhmm(ctx.nowHhmm, ctx.config.lastJoin) < 0;

export function lineState(ctx: LineContext): LineState {
  const issued = ctx.evening?.lastNumber ?? 0;
  const paused = ctx.evening?.paused ?? false;
  const current = ctx.summary.called[0];
  return {
    community: ctx.community,
    queue: ctx.queue,
    name: ctx.name,
    prefix: ctx.prefix,
    date: ctx.date,
    nowCalling: current?.label ?? null,
    nowCallingAt: iso(current?.calledAt ?? null),
    recentlyCalled: ctx.summary.recentlyCalled,
    waiting: ctx.summary.waiting,
    issued,
    capacity: ctx.config.capacity,
    lastJoin: ctx.config.lastJoin,
    paused,
    accepting: accepting(ctx, issued, paused),
    serviceMinutes: Math.round(serviceMinutesOf(ctx.summary.served, ctx.config) * 10) / 10,
    version: ctx.evening?.version ?? 0,
  };
}

/** A resident's view of a ticket; `ahead` comes from the store (or the console's full list). */
export function ticketView(ticket: TicketRecord, ctx: LineContext, ahead: number): Ticket {
  const waiting = ticket.status === 'waiting';
  const minutes = serviceMinutesOf(ctx.summary.served, ctx.config);
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
    ahead: waiting ? ahead : 0,
    estimatedWaitMinutes: waiting ? Math.ceil(ahead * minutes) : null,
    walkIn: ticket.userId === null,
    createdAt: iso(ticket.createdAt)!,
    calledAt: iso(ticket.calledAt),
    requeueUntil: requeueUntil && requeueUntil > ctx.now ? isoLocal(requeueUntil) : null,
    requeueSecondsLeft:
      requeueUntil && requeueUntil > ctx.now
        ? Math.floor((requeueUntil.getTime() - ctx.now.getTime()) / 1000)
        : null,
  };
}

export const staffTicketView = (
  ticket: TicketRecord,
  ctx: LineContext,
  ahead: number,
): StaffTicket => ({
  ...ticketView(ticket, ctx, ahead),
  note: ticket.note,
});
