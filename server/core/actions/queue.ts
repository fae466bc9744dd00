import * as z from 'zod';
import { defineAction, userOf, inCommunity } from '../action';
import type { CoreDeps } from '../deps';
import {
  addWalkIn,
  callNextDesk,
  cancelTicket,
  completeTicket,
  configureLine,
  joinLine,
  lineDesk,
  missTicket,
  pauseLine,
  recallTicket,
  requeueTicket,
} from '../queue/requests';
import { board, ticketsOf } from '../queue/service';
import { ids, text } from '../validation';

const lineRef = { community: ids.community, queue: ids.service };
const ticketRef = z.object({ ticketId: ids.record }).strict();

const ticketCommunity = async (input: { ticketId: string }, deps: CoreDeps) =>
  (await deps.store.queues.eveningOfTicket(input.ticketId))?.community ?? null;

/** What the desk does with the resident at the desk: missed (may requeue) or served. */
const deskMoves: Array<['queue.miss' | 'queue.complete', typeof missTicket]> = [
  ['queue.miss', missTicket],
  ['queue.complete', completeTicket],
];

export const queueActions = [
  defineAction({
    id: 'queue.join',
    role: 'resident',
    input: z.object({ ...lineRef, requestId: ids.requestId }).strict(),
    example: { community: 'jinse', queue: 'library', requestId: 'req-0001-abcd' },
    handler: async (ctx, input) => joinLine(ctx.deps, userOf(ctx).id, input, ctx.now),
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
    handler: async (ctx, input) => cancelTicket(ctx.deps, userOf(ctx).id, input.ticketId, ctx.now),
  }),
  defineAction({
    id: 'queue.requeue',
    role: 'resident',
    input: ticketRef,
    example: { ticketId: 'ticket-1' },
    handler: async (ctx, input) => requeueTicket(ctx.deps, userOf(ctx).id, input.ticketId, ctx.now),
  }),
  defineAction({
    id: 'queue.board',
    role: 'public',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async (ctx, input) => board(ctx.deps, input.community, ctx.now),
  }),
  inCommunity({
    id: 'queue.desk',
    role: 'staff',
    input: z.object(lineRef).strict(),
    example: { community: 'jinse', queue: 'library' },
    handler: async (ctx, input) => lineDesk(ctx.deps, input, ctx.now),
  }),
  inCommunity({
    id: 'queue.callNext',
    role: 'staff',
    input: z.object(lineRef).strict(),
    example: { community: 'jinse', queue: 'library' },
    handler: async (ctx, input) => callNextDesk(ctx.deps, input, ctx.now),
  }),
  defineAction({
    id: 'queue.recall',
    role: 'staff',
    input: ticketRef,
    example: { ticketId: 'ticket-1' },
    community: ticketCommunity,
    handler: async (ctx, input) => recallTicket(ctx.deps, input.ticketId, ctx.now),
  }),
  ...deskMoves.map(([id, moveAt]) =>
    defineAction({
      id,
      role: 'staff',
      input: ticketRef,
      example: { ticketId: 'ticket-1' },
      community: ticketCommunity,
      handler: async (ctx, input) => moveAt(ctx.deps, input.ticketId, ctx.now),
    }),
  ),
  ...(['pause', 'resume'] as const).map((verb) =>
    defineAction({
      id: verb === 'pause' ? 'queue.pause' : 'queue.resume',
      role: 'staff',
      input: z.object(lineRef).strict(),
      example: { community: 'jinse', queue: 'library' },
      community: (input) => input.community,
      handler: async (ctx, input) => pauseLine(ctx.deps, input, verb === 'pause', ctx.now),
    }),
  ),
  inCommunity({
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
    handler: async (ctx, input) => configureLine(ctx.deps, input, ctx.now),
  }),
  inCommunity({
    id: 'queue.addWalkIn',
    role: 'staff',
    input: z
      .object({
        ...lineRef,
        note: text(40, { min: 1 }),
        requestId: ids.requestId.optional(),
      })
      .strict(),
    example: { community: 'jinse', queue: 'health', note: '王阿姨，红外套' },
    handler: async (ctx, input) => addWalkIn(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
];
