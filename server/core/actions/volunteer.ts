import * as z from 'zod';
import { defineAction, userOf } from '../action';
import type { CoreDeps } from '../deps';
import { ids, text } from '../validation';
import { MAX_SHIFT_MINUTES } from '../volunteer/rules';
import {
  eveningShifts,
  exportHours,
  inviteVolunteer,
  logHours,
  orgsOf,
  saveOrg,
  signUp,
  volunteerCallNext,
  volunteerDesk,
  volunteerHome,
  volunteersOf,
} from '../volunteer/service';

const line = (max: number) => text(max, { min: 1 });
const byCommunity = z.object({ community: ids.community }).strict();
const shiftCommunity = async (input: { shiftId: string }, deps: CoreDeps) =>
  (await deps.store.volunteers.getShift(input.shiftId))?.community ?? null;

export const volunteerActions = [
  defineAction({
    id: 'volunteer.orgs',
    role: 'staff',
    input: byCommunity,
    example: { community: 'jinse' },
    community: (input) => input.community,
    handler: async ({ deps }, input) => orgsOf(deps, input.community),
  }),
  defineAction({
    id: 'volunteer.saveOrg',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        id: ids.record.optional(),
        name: line(40),
        kind: z.enum(['志愿服务队', '社会组织', '其他']),
        contact: text(60).optional(),
      })
      .strict(),
    example: { community: 'jinse', name: '姑苏区某志愿服务队', kind: '志愿服务队' },
    community: (input) => input.community,
    handler: async (ctx, input) => saveOrg(ctx.deps, input, ctx.now),
  }),
  defineAction({
    id: 'volunteer.invite',
    role: 'staff',
    input: z
      .object({ community: ids.community, org: ids.record.optional(), name: line(20) })
      .strict(),
    example: { community: 'jinse', name: '张志愿' },
    community: (input) => input.community,
    handler: async (ctx, input) => inviteVolunteer(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'volunteer.list',
    role: 'staff',
    input: byCommunity,
    example: { community: 'jinse' },
    community: (input) => input.community,
    handler: async ({ deps }, input) => volunteersOf(deps, input.community),
  }),
  defineAction({
    id: 'volunteer.evening',
    role: 'staff',
    input: z.object({ community: ids.community, date: ids.date }).strict(),
    example: { community: 'jinse', date: '2026-12-02' },
    community: (input) => input.community,
    handler: async ({ deps }, input) => eveningShifts(deps, input.community, input.date),
  }),
  defineAction({
    id: 'volunteer.logHours',
    role: 'staff',
    input: z
      .object({
        shiftId: ids.record,
        minutes: z.number().int().min(1).max(MAX_SHIFT_MINUTES),
      })
      .strict(),
    example: { shiftId: 'vshift-1', minutes: 180 },
    community: shiftCommunity,
    handler: async (ctx, input) =>
      logHours(ctx.deps, userOf(ctx).id, input.shiftId, input.minutes, ctx.now),
  }),
  defineAction({
    id: 'volunteer.hoursCsv',
    role: 'staff',
    input: z.object({ community: ids.community, from: ids.date, to: ids.date }).strict(),
    example: { community: 'jinse', from: '2026-11-01', to: '2026-12-31' },
    community: (input) => input.community,
    handler: async ({ deps }, input) => exportHours(deps, input),
  }),
  defineAction({
    id: 'volunteer.home',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    // Only the caller's own records: a resident who volunteers nowhere gets empty lists.
    handler: async (ctx) => volunteerHome(ctx.deps, userOf(ctx).id, ctx.now),
  }),
  defineAction({
    id: 'volunteer.signUp',
    role: 'volunteer',
    input: z.object({ community: ids.community, date: ids.date, service: ids.service }).strict(),
    example: { community: 'jinse', date: '2026-12-02', service: 'health' },
    community: (input) => input.community,
    handler: async (ctx, input) => signUp(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'volunteer.desk',
    role: 'volunteer',
    input: byCommunity,
    example: { community: 'jinse' },
    community: (input) => input.community,
    handler: async (ctx, input) =>
      volunteerDesk(ctx.deps, userOf(ctx).id, input.community, ctx.now),
  }),
  defineAction({
    id: 'volunteer.callNext',
    role: 'volunteer',
    input: byCommunity,
    example: { community: 'jinse' },
    community: (input) => input.community,
    handler: async (ctx, input) =>
      volunteerCallNext(ctx.deps, userOf(ctx).id, input.community, ctx.now),
  }),
];
