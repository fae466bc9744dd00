/**
 * What the volunteer actions do, one function each (rules in rules.ts): organisations, invites,
 * the lists staff see, a volunteer's sign-up, desk and hours, the CSV.
 */
import type {
  Org,
  OrgKind,
  SaveOrgInput,
  Volunteer,
  VolunteerDesk,
  VolunteerHome,
  VolunteerInvite,
  VolunteerShift,
} from '../../../contract/volunteer';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { INVITE_DAYS, newInviteCode } from '../identity';
import { communityOrThrow } from '../kernel/community';
import { newId } from '../kernel/ids';
import { dayjs, isoLocal } from '../kernel/time';
import { addDays, todayOf } from '../kernel/week';
import type { CommunityRecord, OrgRecord, VolunteerRecord, VolunteerShiftRecord } from '../ports';
import { callNext, viewLine } from '../queue/service';
import { lineState } from '../queue/views';
import { hoursCsv, tonightShiftOf, type SignUpRefusal } from './rules';

const orgView = (o: OrgRecord): Org => ({
  id: o.id,
  community: o.community,
  name: o.name,
  kind: o.kind,
  contact: o.contact,
});

export const volunteerView = (v: VolunteerRecord): Volunteer => ({
  userId: v.userId,
  community: v.community,
  name: v.name,
  org: v.org,
  orgName: v.orgName,
  since: isoLocal(dayjs(v.since)),
});

const serviceName = (community: CommunityRecord | null, id: string) =>
  community?.services.find((s) => s.id === id)?.name ?? id;

export const shiftView = (
  s: VolunteerShiftRecord,
  community: CommunityRecord | null,
): VolunteerShift => ({
  id: s.id,
  community: s.community,
  date: s.date,
  service: s.service,
  serviceName: serviceName(community, s.service),
  name: s.name,
  orgName: s.orgName,
  minutes: s.minutes,
});

export async function orgsOf(deps: CoreDeps, community: string): Promise<Org[]> {
  await communityOrThrow(deps, community);
  return (await deps.store.volunteers.orgs(community)).map(orgView);
}

/** Adds an organisation, or edits one of this community's. */
export async function saveOrg(deps: CoreDeps, input: SaveOrgInput, now: Date): Promise<Org> {
  await communityOrThrow(deps, input.community);
  const { volunteers } = deps.store;
  const existing = input.id ? await volunteers.getOrg(input.id) : null;
  if (input.id && existing?.community !== input.community) {
    throw notFound('没有找到这个组织，可能已被删除');
  }
  const org: OrgRecord = {
    id: existing?.id ?? newId(),
    community: input.community,
    name: input.name,
    kind: input.kind as OrgKind,
    contact: input.contact ?? '',
    createdAt: existing?.createdAt ?? now.toISOString(),
  };
  await volunteers.saveOrg(org);
  return orgView(org);
}

/** A one-time code that makes its redeemer a volunteer of the community, for INVITE_DAYS. */
export async function inviteVolunteer(
  deps: CoreDeps,
  by: string,
  input: { community: string; org?: string; name: string },
  now: Date,
): Promise<VolunteerInvite> {
  await communityOrThrow(deps, input.community);
  const org = input.org ? await deps.store.volunteers.getOrg(input.org) : null;
  if (input.org && org?.community !== input.community) {
    throw new AppError('NOT_FOUND', '没有找到这个组织，请先在本社区添加', 'org');
  }
  const code = newInviteCode();
  const expiresAt = isoLocal(dayjs(now).add(INVITE_DAYS, 'day'));
  await deps.store.volunteers.createInvite({
    code,
    community: input.community,
    org: org?.id ?? null,
    orgName: org?.name ?? null,
    name: input.name,
    createdBy: by,
    createdAt: now.toISOString(),
    expiresAt,
    usedBy: null,
    cancelledAt: null,
  });
  return {
    code,
    community: input.community,
    name: input.name,
    orgName: org?.name ?? null,
    expiresAt,
  };
}

export async function volunteersOf(deps: CoreDeps, community: string): Promise<Volunteer[]> {
  await communityOrThrow(deps, community);
  return (await deps.store.volunteers.volunteers(community)).map(volunteerView);
}

/** One evening's sign-ups, for the staff roster page. */
export async function eveningShifts(deps: CoreDeps, communityId: string, date: string) {
  const community = await communityOrThrow(deps, communityId);
  return (await deps.store.volunteers.shifts(communityId, date)).map((s) =>
    shiftView(s, community),
  );
}

export async function logHours(
  deps: CoreDeps,
  by: string,
  shiftId: string,
  minutes: number,
  now: Date,
): Promise<VolunteerShift> {
  const { volunteers } = deps.store;
  const current = await volunteers.getShift(shiftId);
  if (!current) throw notFound('没有找到这次志愿服务报名');
  if (current.date > todayOf(now)) {
    throw new AppError('CONFLICT', '这个晚上还没到，服务后再登记时长', 'minutes');
  }
  const logged = await volunteers.logHours(shiftId, minutes, by, todayOf(now));
  if (!logged) throw notFound('没有找到这次志愿服务报名');
  return shiftView(logged, await deps.store.communities.get(logged.community));
}

/** The CSV of confirmed hours between two dates (at most a year), for the volunteer platform. */
export async function exportHours(
  deps: CoreDeps,
  input: { community: string; from: string; to: string },
) {
  if (input.from > input.to || input.to > addDays(input.from, 366)) {
    throw new AppError('BAD_INPUT', '日期范围不对：开始日期应不晚于结束日期，且不超过一年', 'to');
  }
  const community = await communityOrThrow(deps, input.community);
  const shifts = await deps.store.volunteers.shiftsBetween(input.community, input.from, input.to);
  return {
    filename: `${community.name}-志愿时长-${input.from}至${input.to}.csv`,
    csv: hoursCsv(community, shifts),
  };
}

/** The volunteer's own page: every community they serve, sign-ups ahead, hours logged. */
export async function volunteerHome(
  deps: CoreDeps,
  userId: string,
  now: Date,
): Promise<VolunteerHome> {
  const { volunteers, communities } = deps.store;
  const [memberships, shifts] = await Promise.all([
    volunteers.membershipsOf(userId),
    volunteers.shiftsOf(userId),
  ]);
  const known = new Map<string, CommunityRecord | null>();
  for (const id of new Set([
    ...memberships.map((m) => m.community),
    ...shifts.map((s) => s.community),
  ])) {
    known.set(id, await communities.get(id));
  }
  const today = todayOf(now);
  const view = (s: VolunteerShiftRecord) => shiftView(s, known.get(s.community) ?? null);
  return {
    memberships: memberships.map(volunteerView),
    upcoming: shifts
      .filter((s) => s.date >= today && s.minutes === null)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map(view),
    past: shifts.filter((s) => s.minutes !== null).map(view),
    totalMinutes: shifts.reduce((n, s) => n + (s.minutes ?? 0), 0),
  };
}

const signUpRefusal = (reason: SignUpRefusal) =>
  ({
    'not-member': new AppError('FORBIDDEN', '只有本社区的志愿者可以这样做'),
    past: new AppError('BAD_INPUT', '这个日期已经过去了，请选今天或以后的服务晚上', 'date'),
    'no-evening': new AppError('BAD_INPUT', '这天不是本社区的服务晚上，请换一天', 'date'),
    'unknown-service': new AppError('NOT_FOUND', '本社区没有这项服务', 'service'),
    logged: new AppError('CONFLICT', '这个晚上的志愿时长已经登记，不能再改服务', 'service'),
  })[reason];

/**
 * A volunteer (dispatch checked the membership; the store checks it again as it writes) signs up
 * for a service on an evening: one sign-up per evening, a retry returns the same one.
 */
export async function signUp(
  deps: CoreDeps,
  userId: string,
  input: { community: string; date: string; service: string },
  now: Date,
): Promise<VolunteerShift> {
  const community = await communityOrThrow(deps, input.community);
  const decided = await deps.store.volunteers.signUp(community, userId, {
    date: input.date,
    service: input.service,
    id: newId(),
    today: todayOf(now),
    now,
  });
  if (!decided.ok) throw signUpRefusal(decided.reason);
  return shiftView(decided.shift, community);
}

/** A volunteer withdraws their own sign-up of an evening still ahead. */
export async function cancelSignUp(deps: CoreDeps, userId: string, shiftId: string, now: Date) {
  const decided = await deps.store.volunteers.cancelSignUp(shiftId, userId, todayOf(now));
  if (!decided.ok) {
    throw {
      unknown: notFound('没有找到你的这次报名，可能已经取消'),
      logged: new AppError('CONFLICT', '这个晚上的志愿时长已经登记，不能取消', 'shiftId'),
      started: new AppError('CONFLICT', '当天的报名不能在这里取消，请直接告诉值班社工', 'shiftId'),
    }[decided.reason];
  }
  return { id: shiftId, cancelled: true as const };
}

/**
 * Staff end a volunteer's membership: their next request is refused (dispatch reads the
 * membership on every volunteer action), their sign-ups ahead are withdrawn, hours stay.
 */
export async function revokeVolunteer(
  deps: CoreDeps,
  community: string,
  userId: string,
  now: Date,
): Promise<{ userId: string; community: string; withdrawn: number }> {
  await communityOrThrow(deps, community);
  const result = await deps.store.volunteers.revoke(community, userId, todayOf(now));
  if (!result.ok) {
    throw new AppError('NOT_FOUND', '这位志愿者不在本社区的名单里，可能已被撤销', 'userId');
  }
  return { userId, community, withdrawn: result.withdrawn };
}

/** The community's volunteer invites still open, for staff to see and cancel (作废). */
export async function openVolunteerInvites(
  deps: CoreDeps,
  community: string,
  now: Date,
): Promise<VolunteerInvite[]> {
  await communityOrThrow(deps, community);
  return (await deps.store.volunteers.openInvites(community, now)).map((i) => ({
    code: i.code,
    community: i.community,
    name: i.name,
    orgName: i.orgName,
    expiresAt: isoLocal(dayjs(i.expiresAt)),
  }));
}

/** Cancels (作废) an open volunteer invite of the community; any other is refused unchanged. */
export async function cancelVolunteerInvite(
  deps: CoreDeps,
  community: string,
  code: string,
  now: Date,
) {
  const upper = code.toUpperCase();
  const result = await deps.store.volunteers.cancelInvite(upper, community, now);
  if (!result.ok) {
    throw {
      unknown: new AppError('NOT_FOUND', '本社区没有这个志愿者邀请码，请核对后再试', 'code'),
      used: new AppError(
        'CONFLICT',
        '这个邀请码已经被使用，不能作废；如需收回，请撤销那位志愿者',
        'code',
      ),
      expired: new AppError('CONFLICT', '这个邀请码已经过期，不用再作废', 'code'),
      cancelled: new AppError('CONFLICT', '这个邀请码已经作废了', 'code'),
    }[result.reason];
  }
  return { code: upper };
}

/** The volunteer's sign-up tonight, or a refusal: a volunteer serves only what they signed up for. */
async function tonightShift(deps: CoreDeps, userId: string, communityId: string, now: Date) {
  const community = await communityOrThrow(deps, communityId);
  const shift = tonightShiftOf(
    await deps.store.volunteers.shifts(communityId, todayOf(now)),
    userId,
  );
  if (!shift) throw new AppError('CONFLICT', '今晚你没有报名服务，请先报名');
  const queue = community.services.find((s) => s.id === shift.service && s.kind === 'queue');
  return { community, shift, queue: queue?.id ?? null };
}

/** What the volunteer sees at their service tonight: the line's labels and counts, no names. */
export async function volunteerDesk(
  deps: CoreDeps,
  userId: string,
  communityId: string,
  now: Date,
): Promise<VolunteerDesk> {
  const { community, shift, queue } = await tonightShift(deps, userId, communityId, now);
  const line = queue ? lineState(await viewLine(deps, communityId, queue, now, community)) : null;
  return { shift: shiftView(shift, community), line };
}

/**
 * 叫下一位 at the line the volunteer serves tonight: the resident at the desk is marked served
 * and the next number called, exactly as the staff desk's queue.callNext, and nothing else.
 */
export async function volunteerCallNext(
  deps: CoreDeps,
  userId: string,
  communityId: string,
  now: Date,
): Promise<VolunteerDesk> {
  const { community, shift, queue } = await tonightShift(deps, userId, communityId, now);
  if (!queue) throw new AppError('CONFLICT', '你服务的项目不用叫号，请按现场社工安排服务');
  const view = await callNext(deps, { community: communityId, queue }, now);
  return { shift: shiftView(shift, community), line: lineState(view) };
}
