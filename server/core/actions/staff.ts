import * as z from 'zod';
import { defineAction, userOf, inCommunity } from '../action';
import { SIGNED_OUT } from '../dispatch';
import { AppError } from '../errors';
import { sessionIdentity } from '../session';
import { cancelInvite, directory, invite, redeem, revoke, setName, signOut, team } from '../staff';
import { ids } from '../validation';

/** Local ids ("u_…") and WeChat ones ("wx:<openid>"). */
const userId = z.string().regex(/^[A-Za-z0-9_:-]{1,80}$/);

export const staffActions = [
  defineAction({
    id: 'staff.me',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    // The stored record: the caller arrives as a plain resident (dispatch reads nothing for them).
    handler: async (ctx) => {
      const identity = await sessionIdentity(ctx.deps, userOf(ctx).id, ctx.caller.sessionVersion);
      if (!identity) throw new AppError('UNAUTHENTICATED', SIGNED_OUT);
      return identity;
    },
  }),
  defineAction({
    id: 'staff.redeem',
    role: 'resident',
    // Invite codes are 10 characters; the admin secret may be longer. Spaces from copy-paste are trimmed.
    input: z.object({ code: z.string().trim().min(4).max(128) }).strict(),
    example: { code: 'ABCDEFGHJK' },
    handler: async (ctx, input) => redeem(ctx.deps, userOf(ctx).id, input.code, ctx.now),
  }),
  defineAction({
    id: 'staff.invite',
    role: 'admin',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async (ctx, input) => invite(ctx.deps, userOf(ctx).id, input.community, ctx.now),
  }),
  inCommunity({
    id: 'staff.directory',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps }, input) => directory(deps, input.community),
  }),
  defineAction({
    id: 'staff.setName',
    role: 'resident',
    input: z
      .object({
        name: z
          .string()
          .trim()
          .min(1)
          .max(20)
          .regex(/^[^\p{Cc}]*$/u),
      })
      .strict(),
    example: { name: '李社工' },
    handler: async (ctx, input) => setName(ctx.deps, userOf(ctx).id, input.name),
  }),
  inCommunity({
    id: 'staff.list',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async (ctx, input) => team(ctx.deps, userOf(ctx), input.community, ctx.now),
  }),
  defineAction({
    id: 'staff.revoke',
    role: 'admin',
    input: z.object({ community: ids.community, userId }).strict(),
    example: { community: 'jinse', userId: 'u_departed-worker' },
    handler: async (ctx, input) => revoke(ctx.deps, userOf(ctx), input.community, input.userId),
  }),
  defineAction({
    id: 'staff.cancelInvite',
    role: 'admin',
    input: z
      .object({
        code: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9]{4,32}$/),
      })
      .strict(),
    example: { code: 'ABCDEFGHJK' },
    handler: async (ctx, input) => cancelInvite(ctx.deps, input.code, ctx.now),
  }),
  defineAction({
    id: 'staff.signOut',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => signOut(ctx.deps, ctx.caller, userOf(ctx).id),
  }),
];
