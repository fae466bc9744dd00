import * as z from 'zod';
import { defineAction, userOf, inCommunity } from '../action';
import type { CoreDeps } from '../deps';
import { ids, text } from '../validation';
import { MAX_SHIFT_MINUTES } from '../volunteer/rules';
import {
  cancelSignUp,
  cancelVolunteerInvite,
  eveningShifts,
  exportHours,
  inviteVolunteer,
  logHours,
  openVolunteerInvites,
  orgsOf,
  revokeVolunteer,
  saveOrg,
  signUp,
  volunteerCallNext,
  volunteerDesk,
  volunteerHome,
  volunteersOf,
} from '../volunteer/service';

const line = (max: number) => text(max, { min: 1 });
/** Local ids ("u_…") and WeChat ones ("wx:<openid>"), as staff.revoke takes them. */
const userId = z.string().regex(/^[A-Za-z0-9_:-]{1,80}$/);
const byCommunity = z.object({ community: ids.community }).strict();
const JINSE = { community: 'jinse' };
const shiftCommunity = async (input: { shiftId: string }, deps: CoreDeps) =>
  (await deps.store.volunteers.getShift(input.shiftId))?.community ?? null;

export const volunteerActions = [
  inCommunity({
    id: 'volunteer.orgs',
    role: 'staff',
    input: byCommunity,
    example: JINSE,
    handler: async ({ deps }, input) => orgsOf(deps, input.community),
  }),
  inCommunity({
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
    example: { ...JINSE, name: '姑苏区某志愿服务队', kind: '志愿服务队' },
    handler: async (ctx, input) => saveOrg(ctx.deps, input, ctx.now),
  }),
  inCommunity({
    id: 'volunteer.invite',
    role: 'staff',
    input: z
      .object({ community: ids.community, org: ids.record.optional(), name: line(20) })
      .strict(),
    example: { ...JINSE, name: '张志愿' },
    handler: async (ctx, input) => inviteVolunteer(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  inCommunity({
    id: 'volunteer.invites',
    role: 'staff',
    input: byCommunity,
    example: JINSE,
    handler: async (ctx, input) => openVolunteerInvites(ctx.deps, input.community, ctx.now),
  }),
  inCommunity({
    id: 'volunteer.cancelInvite',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        code: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9]{4,32}$/),
      })
      .strict(),
    example: { ...JINSE, code: 'ABCDEFGHJK' },
    handler: async (ctx, input) =>
      cancelVolunteerInvite(ctx.deps, input.community, input.code, ctx.now),
  }),
  inCommunity({
    id: 'volunteer.list',
    role: 'staff',
    input: byCommunity,
    example: JINSE,
    handler: async ({ deps }, input) => volunteersOf(deps, input.community),
  }),
  inCommunity({
    id: 'volunteer.revoke',
    role: 'staff',
    input: z.object({ community: ids.community, userId }).strict(),
    example: { ...JINSE, userId: 'u_departed-volunteer' },
    handler: async (ctx, input) =>
      revokeVolunteer(ctx.deps, input.community, input.userId, ctx.now),
  }),
  inCommunity({
    id: 'volunteer.evening',
    role: 'staff',
    input: z.object({ community: ids.community, date: ids.date }).strict(),
    example: { ...JINSE, date: '2026-12-02' },
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
  inCommunity({
    id: 'volunteer.hoursCsv',
    role: 'staff',
    input: z.object({ community: ids.community, from: ids.date, to: ids.date }).strict(),
    example: { ...JINSE, from: '2026-11-01', to: '2026-12-31' },
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
  inCommunity({
    id: 'volunteer.signUp',
    role: 'volunteer',
    input: z.object({ community: ids.community, date: ids.date, service: ids.service }).strict(),
    example: { ...JINSE, date: '2026-12-02', service: 'health' },
    handler: async (ctx, input) => signUp(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'volunteer.cancelSignUp',
    role: 'volunteer',
    input: z.object({ shiftId: ids.record }).strict(),
    example: { shiftId: 'vshift-1' },
    community: shiftCommunity,
    handler: async (ctx, input) => cancelSignUp(ctx.deps, userOf(ctx).id, input.shiftId, ctx.now),
  }),
  inCommunity({
    id: 'volunteer.desk',
    role: 'volunteer',
    input: byCommunity,
    example: JINSE,
    handler: async (ctx, input) =>
      volunteerDesk(ctx.deps, userOf(ctx).id, input.community, ctx.now),
  }),
  inCommunity({
    id: 'volunteer.callNext',
    role: 'volunteer',
    input: byCommunity,
    example: JINSE,
    handler: async (ctx, input) =>
      volunteerCallNext(ctx.deps, userOf(ctx).id, input.community, ctx.now),
  }),
];
