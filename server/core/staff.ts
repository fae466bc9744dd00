/**
 * What the staff actions do, one function each: redeeming an invite (or the admin secret),
 * inviting a colleague, the community's directory and a staff member's name. The rules are in
 * identity.ts.
 */
import type { StaffMember } from '../../contract/staff';
import type { CoreDeps } from './deps';
import { AppError, notFound } from './errors';
import { INVITE_DAYS, identityOf, newInviteCode, secretMatches } from './identity';
import { dayjs, isoLocal } from './kernel/time';
import type { StaffEntry } from './ports';

/** A staff member's name: what they set, else the last digits of their id. */
export const memberName = (entry: Pick<StaffEntry, 'id' | 'name'>) =>
  entry.name ?? `社工（尾号 ${entry.id.slice(-4)}）`;

export const memberView = (entry: StaffEntry): StaffMember => ({
  userId: entry.id,
  name: memberName(entry),
  named: entry.name !== null,
});

const refusal = (reason: 'unknown' | 'used' | 'expired') =>
  ({
    unknown: new AppError('NOT_FOUND', '验证码不正确，请核对后再输入', 'code'),
    used: new AppError('CONFLICT', '这个邀请码已经用过了，请向管理员要一个新的', 'code'),
    expired: new AppError('CONFLICT', '这个邀请码已过期，请向管理员要一个新的', 'code'),
  })[reason];

/** The admin secret makes the caller admin; an invite code makes them staff of its community. */
export async function redeem(deps: CoreDeps, userId: string, code: string, now: Date) {
  const { identities, communities } = deps.store;
  if (secretMatches(code, deps.config.adminToken)) {
    await identities.grantAdmin(userId, now);
  } else {
    const result = await identities.redeemInvite(code.toUpperCase(), userId, now);
    if (!result.ok) throw refusal(result.reason);
  }
  const updated = await identities.getUser(userId);
  if (!updated) throw new Error('User vanished after redeeming');
  return identityOf(updated, communities);
}

/** A one-time invite to a community's staff, valid for INVITE_DAYS. */
export async function invite(deps: CoreDeps, by: string, community: string, now: Date) {
  if (!(await deps.store.communities.get(community))) throw notFound('没有找到这个社区');
  const code = newInviteCode();
  const expiresAt = isoLocal(dayjs(now).add(INVITE_DAYS, 'day'));
  await deps.store.identities.createInvite({ code, community, createdBy: by, expiresAt }, now);
  return { code, community, expiresAt };
}

/**
 * Colleagues by name, for the roster form and the companion assignment (never by typed id):
 * named ones first in pinyin order, then those who have not set a name.
 */
export async function directory(deps: CoreDeps, community: string) {
  return (await deps.store.identities.staffDirectory(community))
    .map(memberView)
    .sort(
      (a, b) =>
        Number(b.named) - Number(a.named) ||
        a.name.localeCompare(b.name, 'zh-Hans-CN') ||
        a.userId.localeCompare(b.userId),
    );
}

/** A staff member's (or admin's) display name; residents have none to set. */
export async function setName(deps: CoreDeps, id: string, name: string) {
  const user = await deps.store.identities.getUser(id);
  if (!user || !(user.admin || user.staffOf.length > 0)) {
    throw new AppError('FORBIDDEN', '只有社工可以设置称呼');
  }
  await deps.store.identities.setDisplayName(id, name);
  return memberView({ id, admin: user.admin, name });
}
