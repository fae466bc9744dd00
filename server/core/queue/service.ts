import { currentNotices } from '../notice/service';
import type { Board, Console, LineConfig, Ticket } from '../../../contract/queue';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type {
  CommunityRecord,
  JoinOutcome,
  TicketPatch,
  TicketRecord,
  TicketStatus,
} from '../ports';
import { eveningStatus } from '../schedule';
import { isoLocal, local } from '../time';
import { compareHhmm, findLine, labelOf, queueLines, withDefaults, type QueueLine } from './lines';
import {
  lineState,
  requeueUntilOf,
  staffTicketView,
  ticketView,
  waitingOf,
  type LineContext,
} from './views';

/** A waiting resident with this many (or fewer) ahead gets the "3 ahead" alert, once. */
export const ALERT_AHEAD = 3;
/** A requeued ticket goes back in behind this many waiting residents (or last, if fewer wait). */
export const REQUEUE_BEHIND = 2;

export async function communityOrThrow(deps: CoreDeps, id: string): Promise<CommunityRecord> {
  const community = await deps.store.communities.get(id);
  if (!community) throw notFound('没有找到这个社区，请重新扫码或选择社区');
  return community;
}

/** How many waiting tickets the rules look at: the alert window, which also covers requeue. */
const HEAD = ALERT_AHEAD + 1;

/** One line tonight: configuration, evening record and summary (never the whole list). */
export async function loadLine(deps: CoreDeps, line: QueueLine, now: Date): Promise<LineContext> {
  const { community, service } = line;
  const status = eveningStatus(community.evenings, now);
  const date = status.date;
  const [stored, evening, summary] = await Promise.all([
    deps.store.queues.getConfig(community.id, service.id),
    deps.store.queues.getEvening(community.id, service.id, date),
    deps.store.queues.lineSummary(community.id, service.id, date, HEAD),
  ]);
  return {
    community: community.id,
    queue: service.id,
    date,
    name: service.name,
    prefix: line.prefix,
    config: withDefaults(stored, status.closesAt),
    evening,
    summary,
    open: status.open,
    now,
    nowHhmm: local(now).format('HH:mm'),
  };
}

/** Waiting tickets ahead of this one (0 unless waiting). */
export const aheadOf = async (deps: CoreDeps, ticket: TicketRecord) =>
  ticket.status === 'waiting'
    ? deps.store.queues.countWaitingBefore(
        ticket.community,
        ticket.queue,
        ticket.date,
        ticket.sortKey,
      )
    : 0;

/** A ticket as its holder sees it. */
export const residentView = async (deps: CoreDeps, ticket: TicketRecord, ctx: LineContext) =>
  ticketView(ticket, ctx, await aheadOf(deps, ticket));

/**
 * Publishes the line's public state and sends the "3 ahead" alerts its movement calls for. After a
 * join (`silent`), a ticket that starts near the desk is only marked: its holder is looking at it.
 */
async function afterChange(
  deps: CoreDeps,
  line: QueueLine,
  now: Date,
  silent = false,
): Promise<LineContext> {
  let ctx = await loadLine(deps, line, now);
  const near = ctx.summary.head
    .map((ticket, ahead) => ({ ticket, ahead }))
    .filter(({ ticket }) => !ticket.alerted && ticket.userId !== null);
  for (const { ticket, ahead } of near) {
    const updated = await deps.store.queues.updateTicket(ticket.id, ['waiting'], { alerted: true });
    if (updated && updated.userId && !silent) {
      await deps.notifier?.notify({
        userId: updated.userId,
        at: now.toISOString(),
        kind: 'three-ahead',
        ticket: ticketView(updated, ctx, ahead),
      });
    }
  }
  if (near.length > 0) ctx = await loadLine(deps, line, now);
  await deps.publisher?.publish(lineState(ctx));
  return ctx;
}

export async function publishLine(deps: CoreDeps, line: QueueLine, now: Date) {
  return afterChange(deps, line, now);
}

const closedMessage = (now: Date, community: CommunityRecord) => {
  const status = eveningStatus(community.evenings, now);
  if (status.nextOpening)
    return `现在不在服务时间，下次开放：${local(status.nextOpening).format('M月D日 HH:mm')}`;
  return '现在不在服务时间';
};

export interface JoinArgs {
  community: string;
  queue: string;
  userId: string | null;
  requestId: string | null;
  note: string;
  /** Staff adding a walk-in may do so while the line is paused or past the last-join time. */
  byStaff: boolean;
}

export async function join(
  deps: CoreDeps,
  args: JoinArgs,
  now: Date,
): Promise<{ ticket: TicketRecord; ctx: LineContext }> {
  const community = await communityOrThrow(deps, args.community);
  const line = findLine(community, args.queue);
  // The checks before taking a number need only the schedule and the configuration.
  const status = eveningStatus(community.evenings, now);
  const ctx = {
    date: status.date,
    now,
    nowHhmm: local(now).format('HH:mm'),
    config: withDefaults(
      await deps.store.queues.getConfig(community.id, line.service.id),
      status.closesAt,
    ),
  };
  if (!status.open) throw new AppError('CLOSED', closedMessage(now, community));
  if (!args.byStaff && compareHhmm(ctx.nowHhmm, ctx.config.lastJoin) >= 0) {
    throw new AppError('CLOSED', `今晚取号已在 ${ctx.config.lastJoin} 截止，欢迎下次再来`);
  }
  const outcome: JoinOutcome = await deps.store.queues.join({
    community: community.id,
    queue: line.service.id,
    date: ctx.date,
    prefix: line.prefix,
    userId: args.userId,
    requestId: args.requestId,
    note: args.note,
    capacity: ctx.config.capacity,
    now,
    graceMinutes: ctx.config.graceMinutes,
    ignorePause: args.byStaff,
  });
  if (outcome.kind === 'paused')
    throw new AppError('CLOSED', `${line.service.name}暂停取号，请稍后再试或咨询工作人员`);
  if (outcome.kind === 'full')
    throw new AppError(
      'CONFLICT',
      `今晚${line.service.name}的号已经取完了（共 ${ctx.config.capacity} 个）`,
    );
  const after =
    outcome.kind === 'created'
      ? await afterChange(deps, line, now, true)
      : await loadLine(deps, line, now);
  return { ticket: outcome.ticket, ctx: after };
}

/** Ticket views for one user tonight, every line. */
export async function ticketsOf(deps: CoreDeps, userId: string, now: Date): Promise<Ticket[]> {
  const date = local(now).format('YYYY-MM-DD');
  const records = await deps.store.queues.ticketsOfUser(userId, date);
  const views: Ticket[] = [];
  const contexts = new Map<string, LineContext>();
  for (const record of records) {
    const key = `${record.community}/${record.queue}`;
    let ctx = contexts.get(key);
    if (!ctx) {
      const community = await communityOrThrow(deps, record.community);
      ctx = await loadLine(deps, findLine(community, record.queue), now);
      contexts.set(key, ctx);
    }
    views.push(await residentView(deps, record, ctx));
  }
  return views.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function ticketOrThrow(deps: CoreDeps, id: string): Promise<TicketRecord> {
  const ticket = await deps.store.queues.getTicket(id);
  if (!ticket) throw notFound('没有找到这张号');
  return ticket;
}

export async function lineOfTicket(deps: CoreDeps, ticket: TicketRecord): Promise<QueueLine> {
  return findLine(await communityOrThrow(deps, ticket.community), ticket.queue);
}

const STATUS_WORDS: Record<TicketStatus, string> = {
  waiting: '正在排队',
  called: '已叫号',
  missed: '已过号',
  done: '已完成',
  cancelled: '已取消',
};

/** Moves a ticket if its status allows; a race with another staff tap answers CONFLICT. */
export async function move(
  deps: CoreDeps,
  ticket: TicketRecord,
  from: TicketStatus[],
  patch: TicketPatch,
): Promise<TicketRecord> {
  if (!from.includes(ticket.status)) {
    throw new AppError('CONFLICT', `这张号${STATUS_WORDS[ticket.status]}，不能这样操作`);
  }
  const updated = await deps.store.queues.updateTicket(ticket.id, from, patch);
  if (!updated) throw new AppError('CONFLICT', '这张号刚刚被处理过了，请刷新后再试');
  return updated;
}

const secondsBetween = (from: string | null, to: Date) =>
  from ? Math.max(0, Math.round((to.getTime() - Date.parse(from)) / 1000)) : null;

export const completePatch = (ticket: TicketRecord, now: Date): TicketPatch => ({
  status: 'done',
  closedAt: now.toISOString(),
  serviceSeconds: secondsBetween(ticket.calledAt, now),
});

export async function announce(deps: CoreDeps, ticket: TicketRecord, ctx: LineContext) {
  if (ticket.userId)
    await deps.notifier?.notify({
      userId: ticket.userId,
      at: ctx.now.toISOString(),
      kind: 'your-turn',
      ticket: ticketView(ticket, ctx, 0),
    });
}

/** Calls the first waiting ticket, completing whoever was at the desk. */
export async function callNext(deps: CoreDeps, line: QueueLine, now: Date): Promise<LineContext> {
  let ctx = await loadLine(deps, line, now);
  for (const current of ctx.summary.called) {
    await deps.store.queues.updateTicket(current.id, ['called'], completePatch(current, now));
  }
  // Another desk may take the head at the same moment: the compare-and-set tells, and we go on.
  while (ctx.summary.head.length > 0) {
    for (const candidate of ctx.summary.head) {
      const called = await deps.store.queues.updateTicket(candidate.id, ['waiting'], {
        status: 'called',
        calledAt: now.toISOString(),
      });
      if (called) {
        const after = await afterChange(deps, line, now);
        await announce(deps, called, after);
        return after;
      }
    }
    ctx = await loadLine(deps, line, now);
  }
  await afterChange(deps, line, now);
  throw new AppError('CONFLICT', '现在没有人在排队');
}

/**
 * Where a requeued ticket goes: behind REQUEUE_BEHIND waiting residents, or last when fewer wait.
 * `head` is the start of the line (at least REQUEUE_BEHIND + 1 tickets when that many wait).
 */
export function requeueSortKey(head: TicketRecord[], ticket: TicketRecord): number {
  const waiting = head.filter((t) => t.id !== ticket.id);
  if (waiting.length <= REQUEUE_BEHIND) return (waiting.at(-1)?.sortKey ?? ticket.sortKey) + 1;
  return (waiting[REQUEUE_BEHIND - 1]!.sortKey + waiting[REQUEUE_BEHIND]!.sortKey) / 2;
}

export async function requeue(
  deps: CoreDeps,
  ticket: TicketRecord,
  now: Date,
): Promise<{ ticket: TicketRecord; ctx: LineContext }> {
  const line = await lineOfTicket(deps, ticket);
  const ctx = await loadLine(deps, line, now);
  if (ticket.status !== 'missed')
    throw new AppError('CONFLICT', `这张号${STATUS_WORDS[ticket.status]}，不需要重新排队`);
  const until = requeueUntilOf(ticket, ctx.config);
  if (!until || until <= now) {
    throw new AppError(
      'CLOSED',
      `过号超过 ${ctx.config.graceMinutes} 分钟，这张号已失效，请重新取号`,
    );
  }
  const updated = await move(deps, ticket, ['missed'], {
    status: 'waiting',
    missedAt: null,
    calledAt: null,
    alerted: false,
    sortKey: requeueSortKey(ctx.summary.head, ticket),
  });
  return { ticket: updated, ctx: await afterChange(deps, line, now) };
}

/** The staff console: the one place that reads the whole line. */
export async function consoleOf(deps: CoreDeps, ctx: LineContext): Promise<Console> {
  const [tickets, alerts] = await Promise.all([
    deps.store.queues.listTickets(ctx.community, ctx.queue, ctx.date),
    deps.notifier?.recent(ctx.community, ctx.queue, ctx.date, 10) ?? [],
  ]);
  const waiting = waitingOf(tickets);
  const called = tickets.filter((t) => t.status === 'called');
  const missed = tickets.filter(
    (t) => t.status === 'missed' && (requeueUntilOf(t, ctx.config) ?? ctx.now) > ctx.now,
  );
  const served = tickets.filter((t) => t.status === 'done');
  const samples = served.map((t) => t.serviceSeconds).filter((s): s is number => s !== null);
  const view = (t: TicketRecord) => staffTicketView(t, ctx, waiting.indexOf(t));
  return {
    line: lineState(ctx),
    config: ctx.config,
    tickets: [...called, ...waiting, ...missed].map(view),
    stats: {
      served: served.length,
      missed: tickets.filter((t) => t.status === 'missed').length,
      cancelled: tickets.filter((t) => t.status === 'cancelled').length,
      averageServiceMinutes: samples.length
        ? Math.round((samples.reduce((a, b) => a + b, 0) / samples.length / 60) * 10) / 10
        : null,
    },
    alerts: alerts.map((a) => ({ kind: a.kind, label: a.label, at: isoLocal(new Date(a.at)) })),
  };
}

export async function board(deps: CoreDeps, communityId: string, now: Date): Promise<Board> {
  const community = await communityOrThrow(deps, communityId);
  const status = eveningStatus(community.evenings, now);
  const lines = await Promise.all(queueLines(community).map((line) => loadLine(deps, line, now)));
  return {
    community: { id: community.id, name: community.name },
    open: status.open,
    nextOpening: status.nextOpening ? isoLocal(status.nextOpening) : null,
    opensAt: status.opensAt,
    closesAt: status.closesAt,
    now: isoLocal(now),
    lines: lines.map(lineState),
    activities: (await currentNotices(deps, community.id, now))
      .flatMap((n) => n.activities)
      .filter((a) => a.date === status.date)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map(({ name, startsAt, endsAt, place }) => ({ name, startsAt, endsAt, place })),
  };
}

export const mergeConfig = (current: LineConfig, patch: Partial<LineConfig>): LineConfig => ({
  capacity: patch.capacity ?? current.capacity,
  lastJoin: patch.lastJoin ?? current.lastJoin,
  graceMinutes: patch.graceMinutes ?? current.graceMinutes,
  defaultServiceMinutes: patch.defaultServiceMinutes ?? current.defaultServiceMinutes,
});

export { labelOf };
