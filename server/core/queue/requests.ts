/**
 * What the queue actions do, one function each: a resident's number, cancel and requeue, and
 * the desk's moves, each answered with the line's fresh desk. The rules are the decisions in
 * evening.ts; the actions (actions/queue.ts) only declare input, role and community.
 */
import type { ConfigureInput, QueueDesk, Ticket, WalkInIssued } from '../../../contract/queue';
import type { CoreDeps } from '../deps';
import { notFound } from '../errors';
import type { TicketRecord } from '../ports';
import type { TicketPatch } from './evening';
import {
  announce,
  callNext,
  completePatch,
  configure,
  deskOf,
  join,
  move,
  requeue,
  residentView,
  setPaused,
  ticketOrThrow,
  viewLine,
} from './service';
import { staffTicketView, type LineView } from './views';

interface LineRef {
  community: string;
  queue: string;
}

/** A resident's own ticket; someone else's reads as not found, so ids reveal nothing. */
async function ownTicket(deps: CoreDeps, userId: string, ticketId: string) {
  const evening = await deps.store.queues.eveningOfTicket(ticketId);
  const ticket = evening?.tickets.find((t) => t.id === ticketId);
  if (!ticket || ticket.userId !== userId) throw notFound('没有找到这张号');
  return ticket;
}

/** Runs a staff move on a ticket, then answers with the line's fresh desk. */
async function staffMove(
  deps: CoreDeps,
  ticketId: string,
  apply: (ticket: TicketRecord) => Promise<LineView>,
) {
  const { ticket } = await ticketOrThrow(deps, ticketId);
  return deskOf(deps, await apply(ticket));
}

/** A resident takes a number in a line. */
export async function joinLine(
  deps: CoreDeps,
  userId: string,
  input: LineRef & { requestId: string },
  now: Date,
): Promise<Ticket> {
  const { ticket, view } = await join(deps, { ...input, userId, note: '', byStaff: false }, now);
  return residentView(ticket, view);
}

/** A resident gives up their own ticket, waiting, called or missed. */
export async function cancelTicket(
  deps: CoreDeps,
  userId: string,
  ticketId: string,
  now: Date,
): Promise<Ticket> {
  const ticket = await ownTicket(deps, userId, ticketId);
  const { result, view } = await move(
    deps,
    ticket,
    ['waiting', 'called', 'missed'],
    () => ({ status: 'cancelled', closedAt: now.toISOString() }),
    now,
  );
  return residentView(result, view);
}

/** A resident who missed their turn goes back in line. */
export async function requeueTicket(
  deps: CoreDeps,
  userId: string,
  ticketId: string,
  now: Date,
): Promise<Ticket> {
  const ticket = await ownTicket(deps, userId, ticketId);
  const { result, view } = await requeue(deps, ticket, now);
  return residentView(result, view);
}

/** The desk of one line tonight. */
export async function lineDesk(deps: CoreDeps, line: LineRef, now: Date): Promise<QueueDesk> {
  return deskOf(deps, await viewLine(deps, line.community, line.queue, now));
}

export async function callNextDesk(deps: CoreDeps, line: LineRef, now: Date): Promise<QueueDesk> {
  return deskOf(deps, await callNext(deps, line, now));
}

/** Calls a called or missed ticket again, and tells its resident. */
export async function recallTicket(deps: CoreDeps, ticketId: string, now: Date) {
  return staffMove(deps, ticketId, async (ticket) => {
    const { result, view } = await move(
      deps,
      ticket,
      ['called', 'missed'],
      () => ({ status: 'called', calledAt: now.toISOString(), missedAt: null }),
      now,
    );
    await announce(deps, result, view);
    return view;
  });
}

/** What the desk does with the resident at the desk: missed (may requeue) or served. */
const atTheDesk =
  (patchAt: (now: Date) => (current: TicketRecord) => TicketPatch) =>
  (deps: CoreDeps, ticketId: string, now: Date) =>
    staffMove(deps, ticketId, async (ticket) => {
      const { view } = await move(deps, ticket, ['called'], patchAt(now), now);
      return view;
    });

export const missTicket = atTheDesk((now) => () => ({
  status: 'missed',
  missedAt: now.toISOString(),
}));

export const completeTicket = atTheDesk((now) => (current) => completePatch(current, now));

export async function pauseLine(
  deps: CoreDeps,
  line: LineRef,
  paused: boolean,
  now: Date,
): Promise<QueueDesk> {
  return deskOf(deps, (await setPaused(deps, line, paused, now)).view);
}

export async function configureLine(
  deps: CoreDeps,
  input: ConfigureInput,
  now: Date,
): Promise<QueueDesk> {
  const { community, queue, ...patch } = input;
  return deskOf(deps, await configure(deps, { community, queue }, patch, now));
}

/** Staff add someone without a phone (a walk-in) to a line, even when paused or past last join. */
export async function addWalkIn(
  deps: CoreDeps,
  staff: string,
  input: LineRef & { note: string; requestId?: string },
  now: Date,
): Promise<WalkInIssued> {
  const { ticket, view } = await join(
    deps,
    {
      community: input.community,
      queue: input.queue,
      userId: null,
      // Scoped to the staff member, so two workers' request ids never collide.
      requestId: input.requestId ? `${staff}:${input.requestId}` : null,
      note: input.note,
      byStaff: true,
    },
    now,
  );
  // A number just issued has no companion request yet.
  return { ...(await deskOf(deps, view)), issued: staffTicketView(ticket, view) };
}
