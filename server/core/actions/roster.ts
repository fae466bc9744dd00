import * as z from 'zod';
import { defineAction, userOf, inCommunity } from '../action';
import type { CoreDeps } from '../deps';
import {
  assignCompanion,
  assignShift,
  decideLeave,
  eveningRoster,
  logShiftEnd,
  myCompanionOf,
  myRoster,
  pendingLeave,
  requestCompanion,
  requestLeave,
} from '../roster/service';
import { ids, text } from '../validation';

const date = ids.date;
const line = (max: number) => text(max, { min: 1 });

/** A staff member's user id, as staff.directory lists them. */
const workerId = z.string().regex(/^[A-Za-z0-9_:-]{1,80}$/);

/** Which ticket or booking a companion request is for. */
const companionRef = { kind: z.enum(['ticket', 'booking']), ref: ids.record };

const shiftCommunity = async (input: { shiftId: string }, deps: CoreDeps) =>
  (await deps.store.rosters.getShift(input.shiftId))?.community ?? null;

export const rosterActions = [
  inCommunity({
    id: 'roster.evening',
    role: 'staff',
    input: z.object({ community: ids.community, date }).strict(),
    example: { community: 'jinse', date: '2026-12-02' },
    handler: async ({ deps }, input) => eveningRoster(deps, input.community, input.date),
  }),
  inCommunity({
    id: 'roster.assign',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        date,
        worker: workerId.optional(),
        name: line(20).optional(),
        start: ids.hhmm,
        end: ids.hhmm,
      })
      .strict(),
    example: {
      community: 'jinse',
      date: '2026-12-02',
      name: '李社工',
      start: '16:30',
      end: '20:00',
    },
    handler: async (ctx, input) =>
      assignShift(ctx.deps, input.worker ?? userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'roster.logEnd',
    role: 'staff',
    input: z.object({ shiftId: ids.record, end: ids.hhmm }).strict(),
    example: { shiftId: 'shift-1', end: '20:30' },
    community: shiftCommunity,
    handler: async ({ deps, now }, input) => logShiftEnd(deps, input.shiftId, input.end, now),
  }),
  defineAction({
    id: 'roster.requestCompanion',
    role: 'resident',
    input: z
      .object({
        ...companionRef,
        // The minimum: what staff need to know to help tonight (e.g. "听障，请用文字沟通"), one
        // short line, cleared the morning after its evening (clearNotes).
        note: z
          .string()
          .trim()
          .max(40)
          .regex(/^[^\p{Cc}]*$/u)
          .optional(),
      })
      .strict(),
    example: { kind: 'ticket', ref: 'ticket-1', note: '听障，请用文字沟通' },
    handler: async (ctx, input) => requestCompanion(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'roster.companionOf',
    role: 'resident',
    input: z.object(companionRef).strict(),
    example: { kind: 'ticket', ref: 'ticket-1' },
    handler: async (ctx, input) => myCompanionOf(ctx.deps, userOf(ctx).id, input.kind, input.ref),
  }),
  defineAction({
    id: 'roster.assignCompanion',
    role: 'staff',
    input: z.object({ companionId: ids.record, worker: workerId }).strict(),
    example: { companionId: 'companion-1', worker: 'staff-1' },
    community: async (input, deps) =>
      (await deps.store.rosters.getCompanion(input.companionId))?.community ?? null,
    handler: async ({ deps }, input) => assignCompanion(deps, input.companionId, input.worker),
  }),
  defineAction({
    id: 'roster.mine',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => myRoster(ctx.deps, userOf(ctx).id),
  }),
  inCommunity({
    id: 'roster.requestLeave',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        date,
        minutes: z.number().int().min(30).max(480),
        note: z
          .string()
          .trim()
          .max(100)
          .regex(/^[^\p{Cc}]*$/u)
          .optional(),
      })
      .strict(),
    example: { community: 'jinse', date: '2026-12-07', minutes: 120, note: '周一下午调休' },
    handler: async (ctx, input) => requestLeave(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'roster.leave',
    role: 'admin',
    input: z.object({}).strict(),
    example: {},
    handler: async ({ deps }) => pendingLeave(deps),
  }),
  defineAction({
    id: 'roster.decideLeave',
    role: 'admin',
    input: z.object({ leaveId: ids.record, approve: z.boolean() }).strict(),
    example: { leaveId: 'leave-1', approve: true },
    handler: async (ctx, input) =>
      decideLeave(ctx.deps, input.leaveId, input.approve, userOf(ctx).id),
  }),
];
