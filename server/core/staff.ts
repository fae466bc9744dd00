/**
 * What the staff actions do, one function each: redeeming an invite (or the admin secret),
 * inviting a colleague, the community's directory and team, revoking a worker, cancelling an
 * invite, signing out, and a staff member's name. The rules are in identity.ts.
 */
import type { StaffMember, StaffTeam, TeamMember } from '../../contract/staff';
import type { Caller, CoreDeps } from './deps';
import { AppError, notFound } from './errors';
import {
  adminDigestOf,
  currentAdminDigest,
  decideRevoke,
  INVITE_DAYS,
  identityOf,
  newInviteCode,
  secretMatches,
  type RevokeRefusal,
} from './identity';
import { dayjs, isoLocal } from './kernel/time';
import type { InviteRefusal, StaffEntry, UserRecord } from './ports';
import { currentUser, knownUser, volunteerOf } from './session';

/** A staff member's name: what they set, else the last digits of their id. */
export const memberName = (entry: Pick<StaffEntry, 'id' | 'name'>) =>
  entry.name ?? `社工（尾号 ${entry.id.slice(-4)}）`;

export const memberView = (entry: StaffEntry): StaffMember => ({
  userId: entry.id,
  name: memberName(entry),
  named: entry.name !== null,
});

const refusal = (reason: InviteRefusal) =>
  ({
    unknown: new AppError('NOT_FOUND', '验证码不正确，请核对后再输入', 'code'),
    used: new AppError('CONFLICT', '这个邀请码已经用过了，请向管理员要一个新的', 'code'),
    expired: new AppError('CONFLICT', '这个邀请码已过期，请向管理员要一个新的', 'code'),
    cancelled: new AppError('CONFLICT', '这个邀请码已作废，请向管理员要一个新的', 'code'),
  })[reason];

/** The admin secret makes the caller admin; an invite code makes them staff of its community. */
export async function redeem(deps: CoreDeps, userId: string, code: string, now: Date) {
  const { identities, communities } = deps.store;
  if (secretMatches(code, deps.config.adminToken)) {
    // The grant keeps the token's digest: a new ADMIN_TOKEN makes this grant void.
    await identities.grantAdmin(userId, adminDigestOf(deps.config.adminToken), now);
  } else {
    const upper = code.toUpperCase();
    let result = await identities.redeemInvite(upper, userId, now);
    // Not a staff invite: perhaps a volunteer's (#16), which makes them a volunteer instead.
    if (!result.ok && result.reason === 'unknown') {
      result = await deps.store.volunteers.redeemInvite(upper, userId, now);
    }
    if (!result.ok) throw refusal(result.reason);
  }
  return identityOf(await currentUser(deps, userId), communities, await volunteerOf(deps, userId));
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
  return (await staffEntries(deps, community)).map(memberView).sort(byName);
}

/** Named ones first in pinyin order, then those who have not set a name. */
const byName = (a: StaffMember, b: StaffMember) =>
  Number(b.named) - Number(a.named) ||
  a.name.localeCompare(b.name, 'zh-Hans-CN') ||
  a.userId.localeCompare(b.userId);

/** The community's members and the admins of the current ADMIN_TOKEN. */
export const staffEntries = (deps: CoreDeps, community: string) =>
  deps.store.identities.staffDirectory(community, currentAdminDigest(deps.config.adminToken));

/**
 * The community's team (社工管理): its workers with role and since when, the caller's own row
 * marked; admins also get the open invites and may revoke members other than themselves.
 */
export async function team(
  deps: CoreDeps,
  caller: UserRecord,
  community: string,
  now: Date,
): Promise<StaffTeam> {
  const entries = await staffEntries(deps, community);
  const members: TeamMember[] = entries
    .map((entry) => ({
      ...memberView(entry),
      role: entry.admin ? ('admin' as const) : ('staff' as const),
      since: entry.since,
      you: entry.id === caller.id,
      revocable:
        caller.admin &&
        decideRevoke(
          caller,
          { id: entry.id, admin: entry.admin, staffOf: [community], sessionVersion: 0 },
          community,
        ).ok,
    }))
    .sort((a, b) => Number(b.role === 'admin') - Number(a.role === 'admin') || byName(a, b));
  const invites = caller.admin
    ? (await deps.store.identities.openInvites(community, now)).map((i) => ({
        code: i.code,
        community: i.community,
        // Stores keep instants in their own spelling; the page gets Suzhou time, as invite() gives.
        expiresAt: isoLocal(dayjs(i.expiresAt)),
        createdAt: isoLocal(dayjs(i.createdAt)),
      }))
    : null;
  return { community, members, invites };
}

const revokeRefusal = (reason: RevokeRefusal) =>
  ({
    self: new AppError('CONFLICT', '不能撤销自己；要离开这台设备，请点“退出登录”', 'userId'),
    admin: new AppError(
      'CONFLICT',
      '管理员不能在这里撤销：更换管理员口令（ADMIN_TOKEN）后，旧口令产生的管理员都会失效',
      'userId',
    ),
    'not-member': new AppError('NOT_FOUND', '这位社工不在本社区的名单里，可能已被撤销', 'userId'),
  })[reason];

/**
 * Ends a worker's membership of a community (admins only; dispatch checked). It takes effect on
 * the worker's next request, since dispatch reads the user for every staff action.
 */
export async function revoke(deps: CoreDeps, by: UserRecord, community: string, userId: string) {
  if (!(await deps.store.communities.get(community))) throw notFound('没有找到这个社区');
  const target = await knownUser(deps, userId);
  const decided = decideRevoke(by, target, community);
  if (!decided.ok) throw revokeRefusal(decided.reason);
  // Another admin may have revoked the same worker a moment ago.
  if (!(await deps.store.identities.removeMembership(userId, community))) {
    throw revokeRefusal('not-member');
  }
  return { userId, community };
}

/** Cancels (作废) an invite that could still be redeemed; any other is refused unchanged. */
export async function cancelInvite(deps: CoreDeps, code: string, now: Date) {
  const upper = code.toUpperCase();
  const result = await deps.store.identities.cancelInvite(upper, now);
  if (!result.ok) {
    if (result.reason === 'unknown') {
      throw new AppError('NOT_FOUND', '没有这个邀请码，请核对后再试', 'code');
    }
    throw {
      used: new AppError(
        'CONFLICT',
        '这个邀请码已经被使用，不能作废；如需收回，请撤销那位社工',
        'code',
      ),
      expired: new AppError('CONFLICT', '这个邀请码已经过期，不用再作废', 'code'),
      cancelled: new AppError('CONFLICT', '这个邀请码已经作废了', 'code'),
    }[result.reason];
  }
  return { code: upper };
}

/**
 * Signs out every browser of this identity (local host): the session version goes up, so every
 * cookie minted before continues as a fresh resident. Only staff and admins have anything to
 * sign out of; in WeChat the account is the identity and there is no session to end.
 */
export async function signOut(deps: CoreDeps, caller: Caller, userId: string) {
  if (caller.sessionVersion === undefined) {
    throw new AppError('CONFLICT', '小程序里以微信账号登录，无法退出；如需停用，请管理员撤销');
  }
  const user = await knownUser(deps, userId);
  if (!user || (!user.admin && user.staffOf.length === 0)) {
    throw new AppError('FORBIDDEN', '只有社工和管理员需要退出登录');
  }
  if ((await deps.store.identities.bumpSessionVersion(userId)) === null) {
    throw new Error('User vanished while signing out');
  }
  return { signedOut: true as const };
}

/** A staff member's (or admin's) display name; residents have none to set. */
export async function setName(deps: CoreDeps, id: string, name: string) {
  const user = await knownUser(deps, id);
  if (!user || !(user.admin || user.staffOf.length > 0)) {
    throw new AppError('FORBIDDEN', '只有社工可以设置称呼');
  }
  await deps.store.identities.setDisplayName(id, name);
  return memberView({ id, admin: user.admin, name, since: null });
}
