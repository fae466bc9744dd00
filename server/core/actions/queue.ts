import * as z from 'zod';
import type { ConfigureInput } from '../../../contract/queue';
import { defineAction, userOf, type ActionContext } from '../action';
import type { CoreDeps } from '../deps';
import { notFound } from '../errors';
import {
  announce,
  board,
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
  ticketsOf,
  viewLine,
} from '../queue/service';
import type { TicketPatch } from '../queue/evening';
import type { LineView } from '../queue/views';
import type { TicketRecord } from '../ports';
import { ids } from '../validation';

const lineRef = { community: ids.community, queue: ids.service };
const ticketRef = z.object({ ticketId: ids.record }).strict();

const ticketCommunity = async (input: { ticketId: string }, deps: CoreDeps) =>
  (await deps.store.queues.eveningOfTicket(input.ticketId))?.community ?? null;

/** A resident's own ticket; someone else's reads as not found, so ids reveal nothing. */
async function ownTicket(ctx: ActionContext, ticketId: string) {
  const evening = await ctx.deps.store.queues.eveningOfTicket(ticketId);
  const ticket = evening?.tickets.find((t) => t.id === ticketId);
  if (!ticket || ticket.userId !== userOf(ctx).id) throw notFound('没有找到这张号');
  return ticket;
}

/** Runs a staff move on a ticket, then answers with the line's fresh desk. */
async function staffMove(
  ctx: ActionContext,
  ticketId: string,
  apply: (ticket: Awaited<ReturnType<typeof ticketOrThrow>>['ticket']) => Promise<LineView>,
) {
  const { ticket } = await ticketOrThrow(ctx.deps, ticketId);
  return deskOf(ctx.deps, await apply(ticket));
}

/** What the desk does with the resident at the desk: missed (may requeue) or served. */
const deskMoves: Array<
  ['queue.miss' | 'queue.complete', (now: Date) => (current: TicketRecord) => TicketPatch]
> = [
  ['queue.miss', (now) => () => ({ status: 'missed', missedAt: now.toISOString() })],
  ['queue.complete', (now) => (current) => completePatch(current, now)],
];

export const queueActions = [
  defineAction({
    id: 'queue.join',
    role: 'resident',
    input: z.object({ ...lineRef, requestId: ids.requestId }).strict(),
    example: { community: 'jinse', queue: 'library', requestId: 'req-0001-abcd' },
    handler: async (ctx, input) => {
      const { ticket, view } = await join(
        ctx.deps,
        { ...input, userId: userOf(ctx).id, note: '', byStaff: false },
        ctx.now,
      );
      return residentView(ticket, view);
    },
  }),
  defineAction({
    id: 'queue.mine',
    role: 'resident',
    input: z.object({ community: ids.community.optional() }).strict(),
    example: { community: 'jinse' },
    handler: async (ctx, input) => ticketsOf(ctx.deps, userOf(ctx).id, ctx.now, input.community),
  }),
  defineAction({
    id: 'queue.cancel',
    role: 'resident',
    input: ticketRef,
    example: { ticketId: 'ticket-1' },
    handler: async (ctx, input) => {
      const ticket = await ownTicket(ctx, input.ticketId);
      const { result, view } = await move(
        ctx.deps,
        ticket,
        ['waiting', 'called', 'missed'],
        () => ({ status: 'cancelled', closedAt: ctx.now.toISOString() }),
        ctx.now,
      );
      return residentView(result, view);
    },
  }),
  defineAction({
    id: 'queue.requeue',
    role: 'resident',
    input: ticketRef,
    example: { ticketId: 'ticket-1' },
    handler: async (ctx, input) => {
      const ticket = await ownTicket(ctx, input.ticketId);
      const { result, view } = await requeue(ctx.deps, ticket, ctx.now);
      return residentView(result, view);
    },
  }),
  defineAction({
    id: 'queue.board',
    role: 'public',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async (ctx, input) => board(ctx.deps, input.community, ctx.now),
  }),
  defineAction({
    id: 'queue.desk',
    role: 'staff',
    input: z.object(lineRef).strict(),
    example: { community: 'jinse', queue: 'library' },
    community: (input) => input.community,
    handler: async (ctx, input) =>
      deskOf(ctx.deps, await viewLine(ctx.deps, input.community, input.queue, ctx.now)),
  }),
  defineAction({
    id: 'queue.callNext',
    role: 'staff',
    input: z.object(lineRef).strict(),
    example: { community: 'jinse', queue: 'library' },
    community: (input) => input.community,
    handler: async (ctx, input) => deskOf(ctx.deps, await callNext(ctx.deps, input, ctx.now)),
  }),
  defineAction({
    id: 'queue.recall',
    role: 'staff',
    input: ticketRef,
    example: { ticketId: 'ticket-1' },
    community: ticketCommunity,
    handler: async (ctx, input) =>
      staffMove(ctx, input.ticketId, async (ticket) => {
        const { result, view } = await move(
          ctx.deps,
          ticket,
          ['called', 'missed'],
          () => ({ status: 'called', calledAt: ctx.now.toISOString(), missedAt: null }),
          ctx.now,
        );
        await announce(ctx.deps, result, view);
        return view;
      }),
  }),
  ...deskMoves.map(([id, patchAt]) =>
    defineAction({
      id,
      role: 'staff',
      input: ticketRef,
      example: { ticketId: 'ticket-1' },
      community: ticketCommunity,
      handler: async (ctx, input) =>
        staffMove(ctx, input.ticketId, async (ticket) => {
          const { view } = await move(ctx.deps, ticket, ['called'], patchAt(ctx.now), ctx.now);
          return view;
        }),
    }),
  ),
  ...(['pause', 'resume'] as const).map((verb) =>
    defineAction({
      id: verb === 'pause' ? 'queue.pause' : 'queue.resume',
      role: 'staff',
      input: z.object(lineRef).strict(),
      example: { community: 'jinse', queue: 'library' },
      community: (input) => input.community,
      handler: async (ctx, input) =>
        deskOf(ctx.deps, (await setPaused(ctx.deps, input, verb === 'pause', ctx.now)).view),
    }),
  ),
  defineAction({
    id: 'queue.configure',
    role: 'staff',
    input: z
      .object({
        ...lineRef,
        capacity: z.number().int().min(1).max(999).optional(),
        lastJoin: ids.hhmm.optional(),
        graceMinutes: z.number().int().min(0).max(60).optional(),
        defaultServiceMinutes: z.number().int().min(1).max(60).optional(),
      })
      .strict(),
    example: { community: 'jinse', queue: 'library', capacity: 60, lastJoin: '19:40' },
    community: (input) => input.community,
    handler: async (ctx, input: ConfigureInput) => {
      const { community, queue, ...patch } = input;
      return deskOf(ctx.deps, await configure(ctx.deps, { community, queue }, patch, ctx.now));
    },
  }),
  defineAction({
    id: 'queue.addWalkIn',
    role: 'staff',
    input: z
      .object({
        ...lineRef,
        note: z.string().trim().min(1).max(40),
        requestId: ids.requestId.optional(),
      })
      .strict(),
    example: { community: 'jinse', queue: 'health', note: '王阿姨，红外套' },
    community: (input) => input.community,
    handler: async (ctx, input) => {
      const staff = userOf(ctx).id;
      const { view } = await join(
        ctx.deps,
        {
          community: input.community,
          queue: input.queue,
          userId: null,
          // Scoped to the staff member, so two workers' request ids never collide.
          requestId: input.requestId ? `${staff}:${input.requestId}` : null,
          note: input.note,
          byStaff: true,
        },
        ctx.now,
      );
      return deskOf(ctx.deps, view);
    },
  }),
];
