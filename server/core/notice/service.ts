import type {
  Activity,
  ActivityInput,
  Attendee,
  MySignUp,
  Notice,
  NoticeSummary,
  SaveNoticeInput,
} from '../../../contract/notice';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { newCode } from '../identity';
import type {
  ActivityCount,
  ActivityRecord,
  BoardNotice,
  NoticeRecord,
  SignUpRecord,
} from '../ports';
import { atLocal, isoLocal } from '../kernel/time';
import { assertAttachable, markAttached } from '../upload/service';
import { displayName } from './names';
import { limitsOf } from '../community/limits';
import { newId } from '../kernel/ids';
import {
  addDays,
  assertNearToday,
  inWeek,
  mondayOf,
  PLANNING_WINDOW,
  thisMonday,
} from '../kernel/week';

export const NOTICE_NOT_FOUND = '没有找到这条通知';

/** Residents can check themselves in from this long before an activity starts until it ends. */
export const CHECK_IN_EARLY_MINUTES = 30;

export const checkInPath = (a: ActivityRecord) =>
  `package-notice/pages/check-in/index?a=${a.id}&k=${a.code}`;

const iso = (value: string | null) => (value ? isoLocal(new Date(value)) : null);

/**
 * The live sign-ups marked attended at a community's activities on `date` (YYYY-MM-DD), with their
 * activity: who came, as the evening report and the follow-up job both count them.
 */
export async function attendedOn(deps: CoreDeps, community: string, date: string) {
  const week = mondayOf(date);
  const notices = await deps.store.notices.list(community, {
    statuses: ['published', 'archived'],
    fromWeek: week,
    toWeek: week,
  });
  const attended: Array<{ activity: ActivityRecord; signUp: SignUpRecord }> = [];
  for (const activity of notices.flatMap((n) => n.activities).filter((a) => a.date === date)) {
    for (const signUp of await deps.store.notices.signUpsOf(activity.id)) {
      if (signUp.attendedAt && signUp.status !== 'cancelled') attended.push({ activity, signUp });
    }
  }
  return attended;
}

export async function noticeOrThrow(deps: CoreDeps, id: string) {
  const notice = await deps.store.notices.get(id);
  if (!notice) throw notFound(NOTICE_NOT_FOUND);
  return notice;
}

/** The activity and its notice, for actions on a published notice's activity. */
export async function liveActivity(deps: CoreDeps, activityId: string) {
  const activity = await deps.store.notices.getActivity(activityId);
  const notice = activity ? await deps.store.notices.get(activity.noticeId) : null;
  if (!activity || !notice || notice.status === 'draft') throw notFound('没有找到这个活动');
  if (notice.status === 'archived') throw new AppError('CLOSED', '这条通知已下架，活动不再报名');
  return { activity, notice };
}

export async function mySignUpView(
  deps: CoreDeps,
  s: SignUpRecord | null,
): Promise<MySignUp | null> {
  if (!s) return null;
  return {
    id: s.id,
    status: s.status,
    waitlistPosition:
      s.status === 'waitlisted' ? await deps.store.notices.waitlistPosition(s) : null,
    attendedAt: iso(s.attendedAt),
    ...(s.status === 'cancelled' && s.cancelledReason
      ? { cancelledReason: s.cancelledReason }
      : {}),
  };
}

export function activityView(
  a: ActivityRecord,
  count: ActivityCount | undefined,
): Omit<Activity, 'mine'> {
  const signed = count?.signed ?? 0;
  return {
    id: a.id,
    noticeId: a.noticeId,
    name: a.name,
    date: a.date,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    place: a.place,
    capacity: a.capacity,
    signUp: a.signUp,
    signed,
    waitlisted: count?.waitlisted ?? 0,
    left: a.capacity === null ? null : Math.max(0, a.capacity - signed),
  };
}

/** One activity with the caller's own sign-up (when the caller is known). */
export async function activityFor(
  deps: CoreDeps,
  a: ActivityRecord,
  userId: string | null,
): Promise<Activity> {
  const [count] = await deps.store.notices.counts([a.id]);
  const mine = userId ? await deps.store.notices.signUpOf(a.id, userId) : null;
  return { ...activityView(a, count), mine: await mySignUpView(deps, mine) };
}

const coverUrl = async (deps: CoreDeps, ref: string | null) =>
  ref && deps.media ? deps.media.url(ref) : null;

export async function noticeView(
  deps: CoreDeps,
  n: NoticeRecord,
  userId: string | null,
): Promise<Notice> {
  const counts = new Map(
    (await deps.store.notices.counts(n.activities.map((a) => a.id))).map((c) => [c.activityId, c]),
  );
  const community = await deps.store.communities.get(n.community);
  const activities: Activity[] = [];
  for (const a of n.activities) {
    const mine = userId ? await deps.store.notices.signUpOf(a.id, userId) : null;
    activities.push({ ...activityView(a, counts.get(a.id)), mine: await mySignUpView(deps, mine) });
  }
  return {
    id: n.id,
    community: n.community,
    week: n.week,
    title: n.title,
    body: n.body,
    cover: await coverUrl(deps, n.cover),
    status: n.status,
    pinned: n.pinned,
    publishedAt: iso(n.publishedAt),
    editedAt: iso(n.editedAt),
    openSignUps: limitsOf(community?.limits).openSignUps,
    activities,
  };
}

type Timed = Pick<ActivityRecord, 'date' | 'startsAt' | 'sort'>;
const byTime = (a: Timed, b: Timed) =>
  a.date.localeCompare(b.date) || a.startsAt.localeCompare(b.startsAt) || a.sort - b.sort;

export async function summaryOf(
  deps: CoreDeps,
  n: BoardNotice,
  date: string,
): Promise<NoticeSummary> {
  return {
    id: n.id,
    week: n.week,
    title: n.title,
    cover: await coverUrl(deps, n.cover),
    pinned: n.pinned,
    edited: n.editedAt !== null,
    status: n.status,
    tonight: n.activities
      .filter((a) => a.date === date)
      .sort(byTime)
      .map((a) => ({ id: a.id, name: a.name, startsAt: a.startsAt, place: a.place })),
    activityCount: n.activities.length,
  };
}

/** The most notices the board keeps (this week's and those published ahead). */
export const BOARD_SIZE = 20;

/** A published notice as the board keeps it: no body, no check-in codes. */
export function boardNotice(notice: NoticeRecord): BoardNotice {
  const { body: _body, activities, ...rest } = notice;
  return { ...rest, activities: activities.map(({ code: _code, ...activity }) => activity) };
}

/**
 * Rebuilds a community's notice board from its published notices of this week on, after any
 * notice change: the tonight page and the TV read it with the community, in one read. A rebuild
 * that fails leaves the previous board; the next change rebuilds it whole.
 */
export async function refreshBoard(deps: CoreDeps, community: string, now: Date) {
  const published = await deps.store.notices.list(community, {
    statuses: ['published'],
    fromWeek: thisMonday(now),
  });
  await deps.store.communities.saveBoard(
    community,
    published.slice(0, BOARD_SIZE).map(boardNotice),
  );
}

/** This week's published notices, pinned first: what the tonight page and the TV show. */
export const currentNotices = (board: readonly BoardNotice[], now: Date): BoardNotice[] => {
  const monday = thisMonday(now);
  return board.filter((n) => n.status === 'published' && n.week === monday);
};

/** Resident-facing list: this and next week, one week, or the archive of past weeks. */
export async function residentNotices(
  deps: CoreDeps,
  input: { community: string; week?: string; past?: boolean },
  now: Date,
) {
  const monday = thisMonday(now);
  if (input.past) {
    return deps.store.notices.list(input.community, {
      statuses: ['published', 'archived'],
      toWeek: addDays(monday, -7),
      limit: 50,
    });
  }
  const from = input.week ? mondayOf(input.week) : monday;
  const to = input.week ? from : addDays(monday, 7);
  return deps.store.notices.list(input.community, {
    statuses: ['published'],
    fromWeek: from,
    toWeek: to,
  });
}

function checkActivity(a: ActivityInput, week: string, index: number) {
  const field = `activities.${index}`;
  if (!inWeek(week, a.date)) {
    throw new AppError(
      'BAD_INPUT',
      `活动“${a.name}”的日期不在这一周（${week} 起）`,
      `${field}.date`,
    );
  }
  if (a.endsAt <= a.startsAt) {
    throw new AppError('BAD_INPUT', `活动“${a.name}”的结束时间要晚于开始时间`, `${field}.endsAt`);
  }
}

/** Activities dropped from a notice must not take residents' sign-ups with them. */
async function assertDroppable(deps: CoreDeps, dropped: ActivityRecord[]) {
  if (dropped.length === 0) return;
  const counts = await deps.store.notices.counts(dropped.map((a) => a.id));
  for (const c of counts) {
    if (c.signed + c.waitlisted + c.attended > 0) {
      const name = dropped.find((a) => a.id === c.activityId)?.name ?? '';
      throw new AppError(
        'CONFLICT',
        `活动“${name}”已有居民报名，不能删除；可改时间或在通知里说明取消`,
      );
    }
  }
}

function mergeActivities(
  input: ActivityInput[],
  previous: ActivityRecord[],
  ids: { notice: string; community: string },
): ActivityRecord[] {
  return input.map((a, sort) => {
    const before = a.id ? previous.find((p) => p.id === a.id) : undefined;
    if (a.id && !before) {
      throw new AppError('BAD_INPUT', `活动“${a.name}”不属于这条通知`, `activities.${sort}.id`);
    }
    return {
      id: before?.id ?? newId(),
      noticeId: ids.notice,
      community: ids.community,
      name: a.name,
      date: a.date,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      place: a.place,
      capacity: a.capacity,
      signUp: a.signUp,
      code: before?.code ?? newCode(6),
      sort,
    };
  });
}

/** The notice being edited (same community, not archived), or null for a new one. */
async function editable(deps: CoreDeps, input: SaveNoticeInput) {
  if (!input.id) return null;
  const previous = await noticeOrThrow(deps, input.id);
  if (previous.community !== input.community) throw notFound(NOTICE_NOT_FOUND);
  if (previous.status === 'archived') {
    throw new AppError('CONFLICT', '已归档的通知不能再修改，请新建一条');
  }
  return previous;
}

/**
 * undefined keeps the cover, null removes it, a new reference must be a live upload of the
 * community (checked when uploaded: storeUpload).
 */
async function nextCover(
  deps: CoreDeps,
  input: SaveNoticeInput,
  current: string | null,
  now: Date,
) {
  const given = input.cover;
  if (given === undefined || given === current) return current;
  if (given !== null) await assertAttachable(deps, given, input.community, 'cover', now);
  return given;
}

/** A new cover, once its notice is saved, is no longer the sweep's (core/upload). */
async function attachCover(deps: CoreDeps, cover: string | null, before: string | null, now: Date) {
  if (cover && cover !== before) await markAttached(deps, cover, now);
}

/** Activities whose places grew hand them to their waitlist, and those residents are told. */
async function fillGrown(
  deps: CoreDeps,
  record: NoticeRecord,
  before: ActivityRecord[],
  now: Date,
) {
  for (const a of record.activities) {
    const old = before.find((p) => p.id === a.id);
    if (!old || !a.signUp) continue;
    if (a.capacity !== null && old.capacity !== null && old.capacity >= a.capacity) continue;
    const promoted = await deps.store.notices.fillPlaces(a.id, a.capacity, now);
    await announcePromotions(deps, record, promoted, now);
  }
}

/** Creates a draft or edits a notice; a published notice edited shows "已更新" to residents. */
export async function saveNotice(
  deps: CoreDeps,
  input: SaveNoticeInput,
  staffId: string,
  now: Date,
): Promise<NoticeRecord> {
  assertNearToday(input.week, now, PLANNING_WINDOW, 'week', '公告的日期');
  const previous = await editable(deps, input);
  const week = mondayOf(input.week);
  input.activities.forEach((a, i) => checkActivity(a, week, i));
  const before = previous?.activities ?? [];
  const id = previous?.id ?? newId();
  const activities = mergeActivities(input.activities, before, {
    notice: id,
    community: input.community,
  });
  await assertDroppable(
    deps,
    before.filter((p) => !activities.some((a) => a.id === p.id)),
  );
  const cover = await nextCover(deps, input, previous?.cover ?? null, now);
  const at = now.toISOString();
  const record: NoticeRecord = {
    ...(previous ?? {
      status: 'draft',
      pinned: false,
      createdBy: staffId,
      createdAt: at,
      publishedAt: null,
    }),
    id,
    community: input.community,
    week,
    title: input.title,
    body: input.body,
    cover,
    updatedAt: at,
    editedAt: previous?.status === 'published' ? at : null,
    activities,
  };
  await deps.store.notices.save(record);
  await attachCover(deps, cover, previous?.cover ?? null, now);
  await refreshBoard(deps, record.community, now);
  await fillGrown(deps, record, before, now);
  return record;
}

/** Tells residents whose waitlisted sign-up just got a place. */
export async function announcePromotions(
  deps: CoreDeps,
  notice: NoticeRecord,
  promoted: SignUpRecord[],
  now: Date,
) {
  for (const s of promoted) {
    const activity = notice.activities.find((a) => a.id === s.activityId);
    if (!s.userId || !activity) continue;
    await deps.notifier?.notifyActivity({
      userId: s.userId,
      at: now.toISOString(),
      kind: 'activity-promoted',
      activity: {
        id: activity.id,
        community: activity.community,
        name: activity.name,
        date: activity.date,
        startsAt: activity.startsAt,
        place: activity.place,
      },
      notice: { id: notice.id, title: notice.title },
    });
  }
}

/** Sign-up and cancelling stop when the activity starts. */
export function assertBeforeStart(a: ActivityRecord, now: Date, what: string) {
  if (now.getTime() >= atLocal(a.date, a.startsAt).valueOf()) {
    throw new AppError('CLOSED', `活动已开始，不能再${what}`);
  }
}

/** Self check-in is open from a little before the start until the end, on the day. */
export function assertCheckInWindow(a: ActivityRecord, now: Date) {
  const opens = atLocal(a.date, a.startsAt).subtract(CHECK_IN_EARLY_MINUTES, 'minute');
  if (now.getTime() < opens.valueOf()) {
    throw new AppError(
      'CLOSED',
      `还没到签到时间：活动 ${a.date.slice(5)} ${a.startsAt} 开始，提前 ${CHECK_IN_EARLY_MINUTES} 分钟可签到`,
    );
  }
  if (now.getTime() > atLocal(a.date, a.endsAt).valueOf()) {
    throw new AppError('CLOSED', '活动已结束，不能再签到；如需补登请找社工');
  }
}

export async function attendeeView(deps: CoreDeps, s: SignUpRecord): Promise<Attendee> {
  return {
    id: s.id,
    name: displayName(s),
    status: s.status,
    waitlistPosition:
      s.status === 'waitlisted' ? await deps.store.notices.waitlistPosition(s) : null,
    attendedAt: iso(s.attendedAt),
    checkIn: s.checkIn,
    checkInVia: s.checkInVia,
    byStaff: s.userId === null,
    createdAt: isoLocal(new Date(s.createdAt)),
  };
}
