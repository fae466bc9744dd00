import * as z from 'zod';
import { defineAction, userOf } from '../action';
import { AppError, notFound } from '../errors';
import { INVITE_DAYS, identityOf, newInviteCode, secretMatches } from '../identity';
import { memberView } from '../roster/rules';
import { sessionIdentity } from '../session';
import { dayjs, isoLocal } from '../kernel/time';
import { ids } from '../validation';

const refusal = (reason: 'unknown' | 'used' | 'expired') =>
  ({
    unknown: new AppError('NOT_FOUND', '验证码不正确，请核对后再输入', 'code'),
    used: new AppError('CONFLICT', '这个邀请码已经用过了，请向管理员要一个新的', 'code'),
    expired: new AppError('CONFLICT', '这个邀请码已过期，请向管理员要一个新的', 'code'),
  })[reason];

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
    handler: async (ctx, input) => {
      const { deps, now } = ctx;
      const user = userOf(ctx);
      const { identities, communities } = deps.store;
      if (secretMatches(input.code, deps.config.adminToken)) {
        await identities.grantAdmin(user.id, now);
      } else {
        const result = await identities.redeemInvite(input.code.toUpperCase(), user.id, now);
        if (!result.ok) throw refusal(result.reason);
      }
      const updated = await identities.getUser(user.id);
      if (!updated) throw new Error('User vanished after redeeming');
      return identityOf(updated, communities);
    },
  }),
  defineAction({
    id: 'staff.invite',
    role: 'admin',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async (ctx, input) => {
      const { deps, now } = ctx;
      const user = userOf(ctx);
      if (!(await deps.store.communities.get(input.community))) throw notFound('没有找到这个社区');
      const code = newInviteCode();
      const expiresAt = isoLocal(dayjs(now).add(INVITE_DAYS, 'day'));
      await deps.store.identities.createInvite(
        { code, community: input.community, createdBy: user.id, expiresAt },
        now,
      );
      return { code, community: input.community, expiresAt };
    },
  }),
  defineAction({
    id: 'staff.directory',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    community: (input) => input.community,
    // Colleagues by name, for the roster form and the companion assignment (never by typed id):
    // named ones first in pinyin order, then those who have not set a name.
    handler: async ({ deps }, input) =>
      (await deps.store.identities.staffDirectory(input.community))
        .map(memberView)
        .sort(
          (a, b) =>
            Number(b.named) - Number(a.named) ||
            a.name.localeCompare(b.name, 'zh-Hans-CN') ||
            a.userId.localeCompare(b.userId),
        ),
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
    handler: async (ctx, input) => {
      const id = userOf(ctx).id;
      const user = await ctx.deps.store.identities.getUser(id);
      if (!user || !(user.admin || user.staffOf.length > 0)) {
        throw new AppError('FORBIDDEN', '只有社工可以设置称呼');
      }
      await ctx.deps.store.identities.setDisplayName(id, input.name);
      return memberView({ id, admin: user.admin, name: input.name });
    },
  }),
];
