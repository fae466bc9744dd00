import * as z from 'zod';
import type { ConfigureInput } from '../../../contract/queue';
import { defineAction, userOf, type ActionContext } from '../action';
import type { CoreDeps } from '../deps';
import { notFound } from '../errors';
import { findLine } from '../queue/lines';
import {
  announce,
  board,
  callNext,
  communityOrThrow,
  completePatch,
  consoleOf,
  join,
  lineOfTicket,
  loadLine,
  mergeConfig,
  move,
  publishLine,
  requeue,
  residentView,
  ticketOrThrow,
  ticketsOf,
} from '../queue/service';
import { ids } from '../validation';

const lineRef = { community: ids.community, queue: ids.service };
const ticketRef = z.object({ ticketId: ids.record }).strict();

const ticketCommunity = async (input: { ticketId: string }, deps: CoreDeps) =>
  (await deps.store.queues.getTicket(input.ticketId))?.community ?? null;

/** A resident's own ticket; someone else's reads as not found, so ids reveal nothing. */
async function ownTicket(ctx: ActionContext, ticketId: string) {
  const ticket = await ctx.deps.store.queues.getTicket(ticketId);
  if (!ticket || ticket.userId !== userOf(ctx).id) throw notFound('没有找到这张号');
  return ticket;
}

async function lineConsole(ctx: ActionContext, community: string, queue: string) {
  const line = findLine(await communityOrThrow(ctx.deps, community), queue);
  return consoleOf(ctx.deps, await loadLine(ctx.deps, line, ctx.now));
}

/** Runs a staff move on a ticket, then answers with the line's fresh console. */
async function staffMove(
  ctx: ActionContext,
  ticketId: string,
  apply: (ticket: Awaited<ReturnType<typeof ticketOrThrow>>) => Promise<void>,
) {
  const ticket = await ticketOrThrow(ctx.deps, ticketId);
  await apply(ticket);
  const line = await lineOfTicket(ctx.deps, ticket);
  return consoleOf(ctx.deps, await publishLine(ctx.deps, line, ctx.now));
}

export const queueActions = [
  defineAction({
    id: 'queue.join',
    role: 'resident',
    input: z.object({ ...lineRef, requestId: ids.requestId }).strict(),
    example: { community: 'jinse', queue: 'library', requestId: 'req-0001-abcd' },
    handler: async (ctx, input) => {
      const { ticket, ctx: line } = await join(
        ctx.deps,
        { ...input, userId: userOf(ctx).id, note: '', byStaff: false },
        ctx.now,
      );
      return residentView(ctx.deps, ticket, line);
    },
  }),
  defineAction({
    id: 'queue.mine',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => ticketsOf(ctx.deps, userOf(ctx).id, ctx.now),
  }),
  defineAction({
    id: 'queue.cancel',
    role: 'resident',
    input: ticketRef,
    example: { ticketId: 'ticket-1' },
    handler: async (ctx, input) => {
      const ticket = await ownTicket(ctx, input.ticketId);
      const updated = await move(ctx.deps, ticket, ['waiting', 'called', 'missed'], {
        status: 'cancelled',
        closedAt: ctx.now.toISOString(),
      });
      const line = await publishLine(ctx.deps, await lineOfTicket(ctx.deps, updated), ctx.now);
      return residentView(ctx.deps, updated, line);
    },
  }),
  defineAction({
    id: 'queue.requeue',
    role: 'resident',
    input: ticketRef,
    example: { ticketId: 'ticket-1' },
    handler: async (ctx, input) => {
      const { ticket, ctx: line } = await requeue(
        ctx.deps,
        await ownTicket(ctx, input.ticketId),
        ctx.now,
      );
      return residentView(ctx.deps, ticket, line);
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
    id: 'queue.console',
    role: 'staff',
    input: z.object(lineRef).strict(),
    example: { community: 'jinse', queue: 'library' },
    community: (input) => input.community,
    handler: async (ctx, input) => lineConsole(ctx, input.community, input.queue),
  }),
  defineAction({
    id: 'queue.callNext',
    role: 'staff',
    input: z.object(lineRef).strict(),
    example: { community: 'jinse', queue: 'library' },
    community: (input) => input.community,
    handler: async (ctx, input) => {
      const line = findLine(await communityOrThrow(ctx.deps, input.community), input.queue);
      return consoleOf(ctx.deps, await callNext(ctx.deps, line, ctx.now));
    },
  }),
  defineAction({
    id: 'queue.recall',
    role: 'staff',
    input: ticketRef,
    example: { ticketId: 'ticket-1' },
    community: ticketCommunity,
    handler: async (ctx, input) =>
      staffMove(ctx, input.ticketId, async (ticket) => {
        const called = await move(ctx.deps, ticket, ['called', 'missed'], {
          status: 'called',
          calledAt: ctx.now.toISOString(),
          missedAt: null,
        });
        const line = await loadLine(ctx.deps, await lineOfTicket(ctx.deps, called), ctx.now);
        await announce(ctx.deps, called, line);
      }),
  }),
  defineAction({
    id: 'queue.miss',
    role: 'staff',
    input: ticketRef,
    example: { ticketId: 'ticket-1' },
    community: ticketCommunity,
    handler: async (ctx, input) =>
      staffMove(ctx, input.ticketId, async (ticket) => {
        await move(ctx.deps, ticket, ['called'], {
          status: 'missed',
          missedAt: ctx.now.toISOString(),
        });
      }),
  }),
  defineAction({
    id: 'queue.complete',
    role: 'staff',
    input: ticketRef,
    example: { ticketId: 'ticket-1' },
    community: ticketCommunity,
    handler: async (ctx, input) =>
      staffMove(ctx, input.ticketId, async (ticket) => {
        await move(ctx.deps, ticket, ['called'], completePatch(ticket, ctx.now));
      }),
  }),
  ...(['pause', 'resume'] as const).map((verb) =>
    defineAction({
      id: verb === 'pause' ? 'queue.pause' : 'queue.resume',
      role: 'staff',
      input: z.object(lineRef).strict(),
      example: { community: 'jinse', queue: 'library' },
      community: (input) => input.community,
      handler: async (ctx, input) => {
        const line = findLine(await communityOrThrow(ctx.deps, input.community), input.queue);
        const { date } = await loadLine(ctx.deps, line, ctx.now);
        await ctx.deps.store.queues.touchEvening(input.community, input.queue, date, {
          paused: verb === 'pause',
        });
        return consoleOf(ctx.deps, await publishLine(ctx.deps, line, ctx.now));
      },
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
      const line = findLine(await communityOrThrow(ctx.deps, input.community), input.queue);
      const current = await loadLine(ctx.deps, line, ctx.now);
      const { community, queue, ...patch } = input;
      await ctx.deps.store.queues.saveConfig(community, queue, mergeConfig(current.config, patch));
      await ctx.deps.store.queues.touchEvening(community, queue, current.date, {});
      return consoleOf(ctx.deps, await publishLine(ctx.deps, line, ctx.now));
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
      const { ctx: line } = await join(
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
      return consoleOf(ctx.deps, line);
    },
  }),
];
