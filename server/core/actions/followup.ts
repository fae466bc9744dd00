import * as z from 'zod';
import { defineAction, userOf, inCommunity } from '../action';
import type { CoreDeps } from '../deps';
import { eraseResident } from '../erase';
import {
  answerFollowUp,
  callListOf,
  configureRule,
  contactPreferenceOf,
  recordCall,
  rulesFor,
  setContactPreference,
} from '../followup/calls';
import { FOLLOW_UP_BY_HAND, pendingOf, timelineOf } from '../followup/service';
import { runMorning } from '../retention/service';
import { ids, text } from '../validation';

const satisfaction = z.enum(['satisfied', 'mostly', 'unsatisfied']);
const solved = z.enum(['yes', 'partly', 'no']);
/** Free text from a call or a resident: paragraphs, no control characters (validation.ts). */
const note = (max: number) => text(max, { lines: true });

const taskCommunity = async (input: { id: string }, deps: CoreDeps) =>
  (await deps.store.followUps.get(input.id))?.community ?? null;

export const followupActions = [
  inCommunity({
    id: 'followup.due',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, now }, input) => callListOf(deps, input.community, now),
  }),
  defineAction({
    id: 'followup.record',
    role: 'staff',
    input: z
      .object({
        id: ids.record,
        outcome: z.enum(['reached', 'no-answer', 'wrong-number', 'declined']),
        satisfaction: satisfaction.optional(),
        solved: solved.optional(),
        note: note(500).optional(),
        suggestion: text(500, { lines: true, min: 1 }).optional(),
        category: ids.service.optional(),
      })
      .strict(),
    example: { id: 'followup-1', outcome: 'reached', satisfaction: 'satisfied', solved: 'yes' },
    community: taskCommunity,
    handler: async (ctx, input) => recordCall(ctx.deps, input, userOf(ctx).id, ctx.now),
  }),
  inCommunity({
    id: 'followup.rules',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps }, input) => rulesFor(deps, input.community),
  }),
  inCommunity({
    id: 'followup.configure',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        service: ids.service,
        followUp: z.boolean(),
        delayDays: z.number().int().min(1).max(7),
      })
      .strict(),
    example: { community: 'jinse', service: 'paperwork', followUp: true, delayDays: 1 },
    handler: async ({ deps }, input) => configureRule(deps, input),
  }),
  inCommunity({
    id: 'followup.timeline',
    role: 'staff',
    input: z
      .object({ community: ids.community, resident: z.string().regex(/^[A-Za-z0-9_:-]{1,80}$/) })
      .strict(),
    example: { community: 'jinse', resident: 'resident-1' },
    handler: async ({ deps }, input) => timelineOf(deps, input.community, input.resident),
  }),
  defineAction({
    id: 'followup.run',
    role: 'admin',
    input: z.object({}).strict(),
    example: {},
    // One bounded slice of the very morning job the timer runs (follow-ups, then retention): a
    // day already finished makes nothing new.
    handler: async ({ deps, now }) => ({
      created: (await runMorning(deps, now, FOLLOW_UP_BY_HAND)).created,
    }),
  }),
  defineAction({
    id: 'followup.pending',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => pendingOf(ctx.deps, userOf(ctx).id, ctx.now),
  }),
  defineAction({
    id: 'followup.answer',
    role: 'resident',
    input: z.object({ id: ids.record, satisfaction, solved, note: note(500).optional() }).strict(),
    example: { id: 'followup-1', satisfaction: 'satisfied', solved: 'yes' },
    handler: async (ctx, input) => answerFollowUp(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'followup.preferences',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => contactPreferenceOf(ctx.deps, userOf(ctx).id),
  }),
  defineAction({
    id: 'followup.setContact',
    role: 'resident',
    // Only the caller's own choice: there is no field naming whose.
    input: z.object({ noCalls: z.boolean() }).strict(),
    example: { noCalls: true },
    handler: async (ctx, input) =>
      setContactPreference(ctx.deps, userOf(ctx).id, input.noCalls, ctx.now),
  }),
  defineAction({
    id: 'followup.erase',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => eraseResident(ctx.deps, userOf(ctx).id),
  }),
];
