/**
 * The walk-in queue's orchestration: read what a request needs, hand a pure decision
 * (evening.ts) to the store's atomic change, then publish and alert. The common paths read the
 * evening alone — a join is one change of one evening, never a read of the community.
 */
import { randomBytes } from 'node:crypto';
import type { Board, QueueDesk, LineState, Ticket } from '../../../contract/queue';
import { communityOrThrow } from '../kernel/community';
import { ARCHIVED_CLOSED, assertActive } from '../community/setup';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { currentNotices } from '../notice/service';
import type {
  CommunityRecord,
  EveningRecord,
  LinePublisher,
  LineSetup,
  TicketRecord,
  TicketStatus,
} from '../ports';
import { companionSubject, ticketCompanionView } from '../roster/rules';
import { eveningStatus } from '../kernel/schedule';
import { calendarOf } from '../kernel/calendar';
import { isoLocal, local, wallClock } from '../kernel/time';
import {
  decideCallNext,
  decideJoin,
  decideMove,
  decideRequeue,
  markNear,
  newEveningKey,
  openEvening,
  waitingHead,
  withPause,
  withSetup,
  type JoinOutcome,
  type TicketPatch,
} from './evening';
import { findLine, lineHours, queueLines, withDefaults } from './lines';
import { limitsOf, numberLimitMessage } from '../community/limits';
import { lineHead, lineIndex, lineTally } from './line-index';
import {
  alertsOf,
  configOf,
  inArrayOrder,
  deskLineState,
  lineState,
  missedOf,
  serviceMinutesOf,
  staffTicketView,
  ticketView,
  type LineView,
} from './views';

export { ALERT_AHEAD, REQUEUE_BEHIND, completePatch } from './evening';

/** Tonight's date in Asia/Shanghai (wallClock: no dayjs object on every change). */
const dateOf = (now: Date) => wallClock(now).slice(0, 10);

/**
 * The line's setup tonight, from the community, its calendar and the staff's configuration: a
 * cancelled date has no hours, an extra evening has its own.
 */
async function freshSetup(deps: CoreDeps, community: CommunityRecord, queue: string, now: Date) {
  const line = findLine(community, queue);
  const [calendar, stored] = await Promise.all([
    calendarOf(deps, community, now),
    deps.store.queues.getConfig(community.id, queue),
  ]);
  const status = eveningStatus(calendar, now);
  const config = withDefaults(stored, status.closesAt);
  const setup: LineSetup = {
    ...config,
    name: line.service.name,
    prefix: line.prefix,
    ...lineHours(status, community),
    numbersPerResident: limitsOf(community.limits).numbersPerEvening,
  };
  return { setup, status };
}

/**
 * Why no number can be taken now: an archived community says so; a cancelled evening says why,
 * and when the next one opens.
 */
const closedMessage = async (deps: CoreDeps, now: Date, community: CommunityRecord) => {
  if (community.archivedAt !== null) return ARCHIVED_CLOSED;
  const status = eveningStatus(await calendarOf(deps, community, now), now);
  const next = status.nextOpening
    ? `下次开放：${local(status.nextOpening).format('M月D日 HH:mm')}`
    : '';
  if (status.cancelled) return `今晚暂停开放：${status.cancelled}${next ? `。${next}` : ''}`;
  if (next) return `现在不在服务时间，${next}`;
  return '现在不在服务时间';
};

/** A line tonight as it is, without changing it (synthetic and empty when nothing happened yet). */
export async function viewLine(
  deps: CoreDeps,
  communityId: string,
  queue: string,
  now: Date,
  known?: CommunityRecord,
): Promise<LineView> {
  const date = dateOf(now);
  const evening = await deps.store.queues.getEvening(communityId, queue, date);
  if (evening?.setup) return { evening, setup: evening.setup, now };
  const community = known ?? (await communityOrThrow(deps, communityId));
  const { setup } = await freshSetup(deps, community, queue, now);
  const shown = evening ?? openEvening({ community: communityId, queue, date, key: '', setup });
  return { evening: { ...shown, setup }, setup, now };
}

/** Per publisher, the lines changed in this turn of the event loop and not yet published. */
const unpublished = new WeakMap<LinePublisher, Map<string, LineView>>();

/**
 * Live publishing, off the request's path: a changed line's state goes out once the requests of
 * this turn of the event loop are answered, once per line however many changed it (its last
 * state carries every change before it; listeners drop older versions anyway).
 */
function publishSoon(publisher: LinePublisher | undefined, view: LineView) {
  if (!publisher) return;
  let lines = unpublished.get(publisher);
  if (!lines) {
    lines = new Map();
    unpublished.set(publisher, lines);
  }
  if (lines.size === 0) setImmediate(publishAll, publisher, lines);
  const { community, queue, date } = view.evening;
  lines.set(`${community}\u0000${queue}\u0000${date}`, view);
}

function publishAll(publisher: LinePublisher, lines: Map<string, LineView>) {
  const views = [...lines.values()];
  lines.clear();
  for (const view of views) {
    publisher
      .publish(lineState(view))
      .catch((error: unknown) => console.error('[bdb] live line publish failed:', error));
  }
}

export interface Changed<T> {
  result: T;
  view: LineView;
}

type Decide<T> = (
  evening: EveningRecord,
  setup: LineSetup,
  /** With ref.resident: the ids of the numbers that resident took tonight, every line. */
  taken: string[] | null,
) => { next: EveningRecord | null; result: T };

type Attempt<T> =
  { missing: true } | { missing: false; result: T; view: LineView; changed: boolean; near: Near[] };
type Near = ReturnType<typeof markNear>['near'][number];

/**
 * Runs `decide` on tonight's evening of one line inside the store's atomic change. Every change
 * bumps the version, marks who is now near the desk and carries the new public state. A missing
 * evening (or one stored without a setup) is opened from the community — only on a service
 * evening — and the change tried again.
 */
export async function changeLine<T>(
  deps: CoreDeps,
  ref: { community: string; queue: string; date?: string; resident?: string | null },
  now: Date,
  decide: Decide<T>,
): Promise<Changed<T>> {
  const { community, queue } = ref;
  const date = ref.date ?? dateOf(now);
  const attempt = (fresh: { key: string; setup: LineSetup } | null) =>
    deps.store.queues.change<Attempt<T>>(
      community,
      queue,
      date,
      (current, taken) => {
        const setup = current?.setup ?? fresh?.setup;
        if (!setup) return { next: null, line: null, result: { missing: true } };
        const evening = current
          ? withSetup(current, setup)
          : openEvening({ community, queue, date, key: fresh!.key, setup });
        const decided = decide(evening, setup, taken);
        if (!decided.next) {
          const view = { evening, setup, now };
          return {
            next: null,
            line: null,
            result: { missing: false, result: decided.result, view, changed: false, near: [] },
          };
        }
        // The decision's new array is this change's own: the marks go into it (no second copy).
        const { next: marked, near } = markNear(decided.next, now, evening.tickets);
        const next = { ...marked, version: (current?.version ?? 0) + 1 };
        // A change may bring its own setup (staff changed the configuration).
        const view = { evening: next, setup: next.setup ?? setup, now };
        const result = {
          missing: false as const,
          result: decided.result,
          view,
          changed: true,
          near,
        };
        return {
          next,
          // Computed only for a store that writes it in the transaction (CloudBase's watched
          // line); the host's publisher gets it after the change (publishSoon).
          get line() {
            return lineState(view);
          },
          result,
        };
      },
      ref.resident ?? null,
    );

  let outcome = await attempt(null);
  if (outcome.missing) {
    const record = await communityOrThrow(deps, community);
    // An evening opens at its first number: none at an archived community (its history stays).
    assertActive(record);
    const { setup, status } = await freshSetup(deps, record, queue, now);
    if (!status.serviceEvening) {
      throw new AppError('CLOSED', await closedMessage(deps, now, record));
    }
    outcome = await attempt({ key: newEveningKey(randomBytes), setup });
    await closeIfArchivedSince(deps, community, now);
  }
  if (outcome.missing) throw new Error(`queue ${community}/${queue}: evening not opened`);
  if (outcome.changed) publishSoon(deps.publisher, outcome.view);
  for (const { ticket, ahead } of outcome.near) {
    if (ticket.userId === null) continue;
    // Its place is known from the change: finding it again in a group's earlier line meant a
    // copy of that line's whole order per call (the largest garbage of a run of calls).
    const facts = {
      ahead: new Map([[ticket.id, ahead]]),
      serviceMinutes: serviceMinutesOf(outcome.view.evening.tickets, outcome.view.setup),
    };
    await deps.notifier?.notify({
      userId: ticket.userId,
      at: now.toISOString(),
      kind: 'three-ahead',
      ticket: ticketView(ticket, outcome.view, facts),
    });
  }
  return { result: outcome.result, view: outcome.view };
}

/**
 * After opening a line: an archive that committed after this join read the community listed
 * tonight's lines without this one, so the join closes it itself. Either the archive's listing
 * saw the line (and closed it) or this read, made after the line was written, sees the archive.
 */
async function closeIfArchivedSince(deps: CoreDeps, communityId: string, now: Date) {
  const record = await deps.store.communities.get(communityId);
  if (record && record.archivedAt !== null) await applyTonightHours(deps, record, now);
}

// ── residents ─────────────────────────────────────────────────────────────

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
): Promise<{ ticket: TicketRecord; view: LineView }> {
  // Only a resident's own number is counted against the limit: staff walk-ins never are.
  const resident = args.byStaff ? null : args.userId;
  const { result, view } = await changeLine<JoinOutcome>(
    deps,
    { ...args, resident },
    now,
    (evening, setup, taken) => decideJoin(evening, setup, args, now, taken),
  );
  switch (result.kind) {
    case 'created':
    case 'existing':
      return { ticket: result.ticket, view };
    case 'closed':
      throw new AppError(
        'CLOSED',
        await closedMessage(deps, now, await communityOrThrow(deps, args.community)),
      );
    case 'last-join':
      throw new AppError('CLOSED', `今晚取号已在 ${view.setup.lastJoin} 截止，欢迎下次再来`);
    case 'paused':
      throw new AppError('CLOSED', `${view.setup.name}暂停取号，请稍后再试或咨询工作人员`);
    case 'full':
      throw new AppError(
        'CONFLICT',
        `今晚${view.setup.name}的号已经取完了（共 ${view.setup.capacity} 个）`,
      );
    case 'limited':
      throw new AppError('CONFLICT', numberLimitMessage(result.max));
  }
}

/** A ticket seen by its holder, with its place in the line. */
export const residentView = (ticket: TicketRecord, view: LineView): Ticket =>
  ticketView(ticket, view);

/** One user's tickets tonight, every line (of one community when it is named: one read). */
export async function ticketsOf(
  deps: CoreDeps,
  userId: string,
  now: Date,
  community?: string,
): Promise<Ticket[]> {
  const date = dateOf(now);
  const evenings = community
    ? await deps.store.queues.eveningsOf(community, date)
    : await deps.store.queues.eveningsOfUser(userId, date);
  return evenings
    .flatMap((evening) => {
      if (!evening.setup) return [];
      const view = { evening, setup: evening.setup, now };
      // From the line's index: every resident in line reloads this page, so no pass over it.
      const mine = lineIndex(evening.tickets).byUser.get(userId) ?? [];
      return mine.map((t) => ticketView(t, view));
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** A ticket and its evening, or NOT_FOUND. */
export async function ticketOrThrow(deps: CoreDeps, id: string) {
  const evening = await deps.store.queues.eveningOfTicket(id);
  const ticket = evening?.tickets.find((t) => t.id === id);
  if (!evening || !ticket) throw notFound('没有找到这张号');
  return { ticket, evening };
}

const STATUS_WORDS: Record<TicketStatus, string> = {
  waiting: '正在排队',
  called: '已叫号',
  missed: '已过号',
  done: '已完成',
  cancelled: '已取消',
};

/**
 * Moves a ticket if its status allows; a race with another tap answers CONFLICT. `patch` sees
 * the ticket as it is inside the change.
 */
export async function move(
  deps: CoreDeps,
  ticket: TicketRecord,
  from: readonly TicketStatus[],
  patch: (current: TicketRecord) => TicketPatch,
  now: Date,
): Promise<Changed<TicketRecord>> {
  if (!from.includes(ticket.status)) {
    throw new AppError('CONFLICT', `这张号${STATUS_WORDS[ticket.status]}，不能这样操作`);
  }
  const changed = await changeLine(deps, ticket, now, (evening) => {
    const current = evening.tickets.find((t) => t.id === ticket.id);
    return decideMove(evening, ticket.id, from, current ? patch(current) : {});
  });
  const moved = changed.result;
  if (moved.kind !== 'moved') throw new AppError('CONFLICT', '这张号刚刚被处理过了，请刷新后再试');
  return { result: moved.ticket, view: changed.view };
}

export async function announce(deps: CoreDeps, ticket: TicketRecord, view: LineView) {
  if (ticket.userId)
    await deps.notifier?.notify({
      userId: ticket.userId,
      at: view.now.toISOString(),
      kind: 'your-turn',
      ticket: ticketView(ticket, view),
    });
}

/** Calls the first waiting ticket, completing whoever was at the desk. */
export async function callNext(
  deps: CoreDeps,
  ref: { community: string; queue: string },
  now: Date,
): Promise<LineView> {
  const { result: called, view } = await changeLine(deps, ref, now, (evening) => {
    const decided = decideCallNext(evening, now);
    const changed = decided.called !== null || decided.completed.length > 0;
    return { next: changed ? decided.next : null, result: decided.called };
  });
  if (!called) throw new AppError('CONFLICT', '现在没有人在排队');
  await announce(deps, called, view);
  return view;
}

export async function requeue(
  deps: CoreDeps,
  ticket: TicketRecord,
  now: Date,
): Promise<Changed<TicketRecord>> {
  const { result, view } = await changeLine(deps, ticket, now, (evening, setup) =>
    decideRequeue(evening, setup, ticket.id, now),
  );
  switch (result.kind) {
    case 'requeued':
      return { result: result.ticket, view };
    case 'expired':
      throw new AppError(
        'CLOSED',
        `过号超过 ${view.setup.graceMinutes} 分钟，这张号已失效，请重新取号`,
      );
    case 'status':
      throw new AppError('CONFLICT', `这张号${STATUS_WORDS[result.status]}，不需要重新排队`);
    case 'missing':
      throw notFound('没有找到这张号');
  }
}

// ── staff ─────────────────────────────────────────────────────────────────

export const setPaused = (
  deps: CoreDeps,
  ref: { community: string; queue: string },
  paused: boolean,
  now: Date,
) =>
  changeLine(deps, ref, now, (evening) => ({
    next: evening.paused === paused ? null : withPause(evening, paused),
    result: null,
  }));

/** Saves the configuration and, when tonight's line exists, uses it from now on. */
export async function configure(
  deps: CoreDeps,
  ref: { community: string; queue: string },
  patch: Partial<ReturnType<typeof configOf>>,
  now: Date,
): Promise<LineView> {
  const community = await communityOrThrow(deps, ref.community);
  const current = await viewLine(deps, ref.community, ref.queue, now, community);
  const config = { ...configOf(current.setup), ...definedOf(patch) };
  await deps.store.queues.saveConfig(ref.community, ref.queue, config);
  if (!eveningStatus(await calendarOf(deps, community, now), now).serviceEvening) {
    return viewLine(deps, ref.community, ref.queue, now, community);
  }
  const { view } = await changeLine(deps, ref, now, (evening, setup) => ({
    next: withSetup(evening, { ...setup, ...config }),
    result: null,
  }));
  return view;
}

/**
 * A new limit of numbers per resident, used from now on by tonight's lines already open (a line
 * opened later takes it from the community).
 */
export async function applyNumberLimit(
  deps: CoreDeps,
  community: string,
  numbersPerResident: number,
  now: Date,
): Promise<void> {
  for (const evening of await deps.store.queues.eveningsOf(community, dateOf(now))) {
    if (!evening.setup || evening.setup.numbersPerResident === numbersPerResident) continue;
    await changeLine(deps, evening, now, (current, setup) => ({
      next: withSetup(current, { ...setup, numbersPerResident }),
      result: null,
    }));
  }
}

/**
 * Tonight's hours on the lines already open, after staff changed today on the calendar or the
 * admin archived (or restored) the community: a cancelled evening or an archived community takes
 * no more numbers (its hours go), a restored or extra one takes them again. Tickets already taken
 * stay as they are, and staff still call them.
 */
export async function applyTonightHours(
  deps: CoreDeps,
  community: CommunityRecord,
  now: Date,
): Promise<void> {
  const status = eveningStatus(await calendarOf(deps, community, now), now);
  const { opensAt, closesAt } = lineHours(status, community);
  for (const evening of await deps.store.queues.eveningsOf(community.id, dateOf(now))) {
    if (!evening.setup) continue;
    if (evening.setup.opensAt === opensAt && evening.setup.closesAt === closesAt) continue;
    await changeLine(deps, evening, now, (current, setup) => ({
      next: withSetup(current, { ...setup, opensAt, closesAt }),
      result: null,
    }));
  }
}

const definedOf = <T extends object>(patch: T): Partial<T> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Waiting tickets the desk lists, from the head of the line: the rows the desk page shows (its
 * SHOWN_ROWS), since the desk calls from the head; the line's count is in `line.waiting`. A whole
 * line of several hundred made every call answer grow with the line, and 30 rows were still
 * 10 KB of each call's answer that the page never showed (#15).
 */
export const DESK_WAITING_LISTED = 6;

/**
 * The queue desk: the line's head, from the one evening record, with the companion requests
 * made on its tickets (one read of the community's requests that evening, through the roster
 * port), so the desk calling a resident sees that someone should go with them and who.
 */
export async function deskOf(deps: CoreDeps, view: LineView): Promise<QueueDesk> {
  const { evening, setup, now } = view;
  const companions = new Map(
    (await deps.store.rosters.companions(evening.community, evening.date)).map((c) => [
      c.subject,
      ticketCompanionView(c),
    ]),
  );
  const tickets = evening.tickets;
  const line = deskLineState(view);
  // The head of the line only: its places are its order (the count is line.waiting).
  const listed = waitingHead(tickets, DESK_WAITING_LISTED);
  const facts = {
    ahead: new Map(listed.map((t, i) => [t.id, i])),
    serviceMinutes: line.serviceMinutes,
  };
  // From the line's kept order, in the order of a pass over the line.
  const called = inArrayOrder(tickets, lineHead(tickets, 0).called.values());
  const missed = missedOf(tickets, setup.graceMinutes, now).map(({ t }) => t);
  return {
    line,
    config: configOf(setup),
    tickets: [...called, ...listed, ...missed].map((t) =>
      staffTicketView(t, view, companions.get(companionSubject('ticket', t.id)) ?? null, facts),
    ),
    stats: statsOf(tickets),
    alerts: alertsOf(tickets, 10),
  };
}

/** The desk's figures of tonight, kept by the line's index (not a pass over the line). */
function statsOf(tickets: readonly TicketRecord[]): QueueDesk['stats'] {
  const { done, missed, cancelled, timed, seconds } = lineTally(tickets);
  return {
    served: done,
    missed,
    cancelled,
    averageServiceMinutes: timed ? Math.round((seconds / timed / 60) * 10) / 10 : null,
  };
}

/** Every walk-in line of a community tonight, as the TV and the tonight page show them. */
export async function linesOf(
  deps: CoreDeps,
  community: CommunityRecord,
  now: Date,
): Promise<LineState[]> {
  const evenings = new Map(
    (await deps.store.queues.eveningsOf(community.id, dateOf(now))).map((e) => [e.queue, e]),
  );
  return Promise.all(
    queueLines(community).map(async ({ service }) => {
      const evening = evenings.get(service.id);
      if (evening?.setup) return lineState({ evening, setup: evening.setup, now });
      return lineState(await viewLine(deps, community.id, service.id, now, community));
    }),
  );
}

export async function board(deps: CoreDeps, communityId: string, now: Date): Promise<Board> {
  const page = await deps.store.communities.withBoard(communityId);
  if (!page) throw notFound('没有找到这个社区，请重新扫码或选择社区');
  const { community } = page;
  const status = eveningStatus(community.evenings, now);
  return {
    community: { id: community.id, name: community.name },
    open: status.open,
    nextOpening: status.nextOpening ? isoLocal(status.nextOpening) : null,
    opensAt: status.opensAt,
    closesAt: status.closesAt,
    now: isoLocal(now),
    lines: await linesOf(deps, community, now),
    activities: currentNotices(page.board, now)
      .flatMap((n) => n.activities)
      .filter((a) => a.date === status.date)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map(({ name, startsAt, endsAt, place }) => ({ name, startsAt, endsAt, place })),
  };
}
