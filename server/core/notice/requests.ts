/**
 * What the notice actions do, one function each: a notice as its reader may see it, a
 * resident's sign-ups and check-in, and the desk's notice lifecycle (draft → published →
 * archived, one pin), attendance and export. The sign-up rules are the decisions in
 * decisions.ts; the actions (actions/notice.ts) only declare input, role and community.
 */
import type { SaveNoticeInput } from '../../../contract/notice';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { isStaffOf } from '../identity';
import { knownUser } from '../session';
import { thisMonday, todayOf } from '../kernel/week';
import { communityOrThrow } from '../kernel/community';
import { calendarOf } from '../kernel/calendar';
import { assertNotCancelled, closedActivity } from '../community/calendar';
import { assertActive } from '../community/setup';
import { limitsOf, SELF_CHECK_IN, signUpCapsOf, signUpLimitMessage } from '../community/limits';
import type { NoticeRecord } from '../ports';
import { attendanceCsv } from './csv';
import { storeUpload, type UploadInput } from '../upload/service';
import {
  activityFor,
  activityView,
  announcePromotions,
  assertBeforeStart,
  assertCheckInWindow,
  attendeeView,
  checkInPath,
  liveActivity,
  mySignUpView,
  NOTICE_NOT_FOUND,
  noticeOrThrow,
  noticeView,
  refreshBoard,
  residentNotices,
  saveNotice,
  summaryOf,
} from './service';

/** One notice; a draft exists only for its community's staff, to anyone else it is not there. */
export async function noticeFor(deps: CoreDeps, id: string, userId: string | null) {
  const notice = await deps.store.notices.get(id);
  if (!notice) throw notFound(NOTICE_NOT_FOUND);
  if (notice.status === 'draft') {
    const user = userId ? await knownUser(deps, userId) : null;
    if (!isStaffOf(user, notice.community)) throw notFound(NOTICE_NOT_FOUND);
  }
  return noticeView(deps, notice, userId);
}

/** Creates or edits a notice and its activities, answered as staff see it. */
export async function editNotice(
  deps: CoreDeps,
  input: SaveNoticeInput,
  staffId: string,
  now: Date,
) {
  return noticeView(deps, await saveNotice(deps, input, staffId, now), null);
}

/** A community's notices as residents see them this week (or a given week, or the past). */
export async function noticeList(
  deps: CoreDeps,
  input: { community: string; week?: string; past?: boolean },
  now: Date,
) {
  if (!(await deps.store.communities.get(input.community))) {
    throw notFound('没有找到这个社区，请重新扫码或选择社区');
  }
  const today = todayOf(now);
  const notices = await residentNotices(deps, input, now);
  return {
    thisWeek: thisMonday(now),
    notices: await Promise.all(notices.map((n) => summaryOf(deps, n, today))),
  };
}

/** My sign-ups, each with its activity and notice. */
export async function mySignUps(deps: CoreDeps, userId: string) {
  const out = [];
  for (const s of await deps.store.notices.signUpsOfUser(userId)) {
    const a = await deps.store.notices.getActivity(s.activityId);
    const n = a ? await deps.store.notices.get(a.noticeId) : null;
    if (!a || !n) continue;
    const [count] = await deps.store.notices.counts([a.id]);
    out.push({
      signUp: (await mySignUpView(deps, s))!,
      activity: activityView(a, count),
      notice: { id: n.id, title: n.title, community: n.community },
    });
  }
  return out;
}

export async function signUp(
  deps: CoreDeps,
  userId: string,
  input: { activityId: string; requestId: string; name?: string },
  now: Date,
) {
  const { activity } = await liveActivity(deps, input.activityId);
  if (!activity.signUp) throw new AppError('BAD_INPUT', '这个活动无需报名，到时直接来就行');
  assertBeforeStart(activity, now, '报名');
  const community = await communityOrThrow(deps, activity.community);
  assertActive(community);
  assertNotCancelled(await calendarOf(deps, community, activity.date), activity.date);
  const outcome = await deps.store.notices.signUp({
    activityId: activity.id,
    community: activity.community,
    userId,
    name: input.name ?? '',
    requestId: input.requestId,
    date: activity.date,
    capacity: activity.capacity,
    caps: signUpCapsOf(limitsOf(community.limits), todayOf(now)),
    now,
  });
  if (outcome.kind === 'closed') throw closedActivity(activity.date, outcome.reason);
  if (outcome.kind === 'limited') throw new AppError('CONFLICT', signUpLimitMessage(outcome.max));
  return activityFor(deps, activity, userId);
}

/** A resident cancels before the start, unless already checked in; the freed place is promoted. */
export async function cancelSignUp(deps: CoreDeps, userId: string, activityId: string, now: Date) {
  const { activity, notice } = await liveActivity(deps, activityId);
  assertBeforeStart(activity, now, '取消报名');
  if ((await deps.store.notices.signUpOf(activity.id, userId))?.attendedAt) {
    throw new AppError('CONFLICT', '您已签到，不能再取消报名');
  }
  const result = await deps.store.notices.cancelSignUp(activity.id, userId, now);
  if (!result) throw notFound('您还没有报名这个活动');
  await announcePromotions(deps, notice, result.promoted ? [result.promoted] : [], now);
  return activityFor(deps, activity, userId);
}

/** A resident checks in with the activity's code, in its window, scanned or typed. */
export async function checkIn(
  deps: CoreDeps,
  userId: string,
  input: { activityId: string; code: string; via?: 'scan' | 'code' },
  now: Date,
) {
  const { activity } = await liveActivity(deps, input.activityId);
  if (input.code !== activity.code) {
    throw new AppError('BAD_INPUT', '签到码不对，请核对社工出示的签到码', 'code');
  }
  assertCheckInWindow(activity, now);
  const outcome = await deps.store.notices.checkIn({
    activityId: activity.id,
    community: activity.community,
    userId,
    name: '',
    requestId: `${SELF_CHECK_IN}${activity.id}`,
    capacity: activity.signUp ? activity.capacity : null,
    now,
    by: 'self',
    via: input.via ?? null,
  });
  if (outcome.kind === 'full') throw new AppError('CONFLICT', '名额已满，请找现场社工登记');
  return activityFor(deps, activity, userId);
}

/** The desk's list: drafts, published and archived notices. */
export async function manageList(deps: CoreDeps, community: string, now: Date) {
  const notices = await deps.store.notices.list(community, {
    statuses: ['draft', 'published', 'archived'],
    limit: 100,
  });
  const today = todayOf(now);
  return {
    // The server's week, not the phone's: the demo clock and BDB_NOW move it.
    thisWeek: thisMonday(now),
    notices: await Promise.all(notices.map((n) => summaryOf(deps, n, today))),
  };
}

/** A cover photo, checked from its bytes, kept by the host's media store (storeUpload). */
export async function uploadCover(deps: CoreDeps, userId: string, input: UploadInput, now: Date) {
  return { cover: await storeUpload(deps, userId, 'cover', input, now) };
}

/** What a lifecycle step makes of a notice, or null when it is already there. */
export function publishedNotice(notice: NoticeRecord, now: Date): NoticeRecord | null {
  if (notice.status === 'archived') throw new AppError('CONFLICT', '已归档的通知不能再发布');
  if (notice.status !== 'draft') return null;
  const at = now.toISOString();
  return { ...notice, status: 'published', publishedAt: at, updatedAt: at };
}

/** Archiving takes a notice off the current list and off the pin. */
export function archivedNotice(notice: NoticeRecord, now: Date): NoticeRecord | null {
  if (notice.status === 'archived') return null;
  return { ...notice, status: 'archived', pinned: false, updatedAt: now.toISOString() };
}

/** Publishes or archives: saves the step's outcome and refreshes the community's board. */
export async function moveNotice(
  deps: CoreDeps,
  id: string,
  step: (notice: NoticeRecord, now: Date) => NoticeRecord | null,
  now: Date,
) {
  const notice = await noticeOrThrow(deps, id);
  const next = step(notice, now);
  if (next) {
    await deps.store.notices.save(next);
    await refreshBoard(deps, notice.community, now);
  }
  return noticeView(deps, await noticeOrThrow(deps, id), null);
}

/** One pinned notice per community, and only a published one. */
export async function pinNotice(deps: CoreDeps, id: string, pinned: boolean, now: Date) {
  const notice = await noticeOrThrow(deps, id);
  if (pinned) {
    if (notice.status !== 'published') throw new AppError('CONFLICT', '只有已发布的通知可以置顶');
    await deps.store.notices.pin(notice.community, notice.id);
  } else if (notice.pinned) {
    await deps.store.notices.pin(notice.community, null);
  }
  await refreshBoard(deps, notice.community, now);
  return noticeView(deps, await noticeOrThrow(deps, id), null);
}

/** 名单和签到: the activity's sign-ups, its check-in code and the figures. */
export async function attendees(deps: CoreDeps, activityId: string) {
  const activity = await deps.store.notices.getActivity(activityId);
  if (!activity) throw notFound('没有找到这个活动');
  const notice = await noticeOrThrow(deps, activity.noticeId);
  const signUps = await deps.store.notices.signUpsOf(activity.id);
  const count = (pred: (s: (typeof signUps)[number]) => boolean) => signUps.filter(pred).length;
  return {
    activity: await activityFor(deps, activity, null),
    notice: { id: notice.id, title: notice.title },
    checkInCode: activity.code,
    checkInPath: checkInPath(activity),
    attendees: await Promise.all(signUps.map((s) => attendeeView(deps, s))),
    figures: {
      signed: count((s) => s.status === 'signed'),
      waitlisted: count((s) => s.status === 'waitlisted'),
      attended: count((s) => s.attendedAt !== null),
      cancelled: count((s) => s.status === 'cancelled'),
    },
  };
}

/** Staff mark a sign-up as there or not; the first check-in time is kept. */
export async function markAttendance(
  deps: CoreDeps,
  signUpId: string,
  attended: boolean,
  now: Date,
) {
  const current = await deps.store.notices.getSignUp(signUpId);
  if (!current) throw notFound('没有找到这条报名');
  if (current.status === 'cancelled') {
    throw new AppError('CONFLICT', '这条报名已取消，不能登记到场；请用“现场登记”');
  }
  const updated = await deps.store.notices.setAttended(
    current.id,
    attended ? (current.attendedAt ?? now.toISOString()) : null,
  );
  if (!updated) throw notFound('没有找到这条报名');
  return attendeeView(deps, updated);
}

/** 现场登记: staff check in someone who came without signing up (no capacity limit). */
export async function checkInFor(
  deps: CoreDeps,
  staffId: string,
  input: { activityId: string; name: string; requestId: string },
  now: Date,
) {
  const { activity } = await liveActivity(deps, input.activityId);
  const outcome = await deps.store.notices.checkIn({
    activityId: activity.id,
    community: activity.community,
    userId: null,
    name: input.name,
    // Scoped to the staff member, so two workers' request ids never collide.
    requestId: `${staffId}:${input.requestId}`,
    capacity: null,
    now,
    by: 'staff',
  });
  if (outcome.kind === 'full') throw new AppError('CONFLICT', '名额已满');
  return attendeeView(deps, outcome.signUp);
}

/** The attendance sheet of a notice's activities as CSV. */
export async function exportAttendance(deps: CoreDeps, id: string) {
  const notice = await noticeOrThrow(deps, id);
  const rows = [];
  for (const activity of notice.activities) {
    rows.push({ activity, signUps: await deps.store.notices.signUpsOf(activity.id) });
  }
  return {
    filename: `签到表-${notice.week}-${notice.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 30)}.csv`,
    csv: attendanceCsv(rows),
  };
}
