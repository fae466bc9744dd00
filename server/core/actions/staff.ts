import * as z from 'zod';
import { defineAction, userOf } from '../action';
import { sessionIdentity } from '../session';
import { directory, invite, redeem, setName } from '../staff';
import { ids } from '../validation';

export const staffActions = [
  defineAction({
    id: 'staff.me',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    // The stored record: the caller arrives as a plain resident (dispatch reads nothing for them).
    handler: async (ctx) => sessionIdentity(ctx.deps, userOf(ctx).id),
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
  defineAction({
    id: 'staff.directory',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    community: (input) => input.community,
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
];
