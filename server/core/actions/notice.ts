import * as z from 'zod';
import { defineAction, userOf } from '../action';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { isStaffOf } from '../identity';
import { attendanceCsv } from '../notice/csv';
import { COVER_MAX_BYTES, inspectImage } from '../notice/image';
import {
  activityFor,
  announcePromotions,
  assertBeforeStart,
  assertCheckInWindow,
  attendeeView,
  activityView,
  checkInPath,
  liveActivity,
  mySignUpView,
  NOTICE_NOT_FOUND,
  noticeOrThrow,
  noticeView,
  residentNotices,
  refreshBoard,
  saveNotice,
  summaryOf,
} from '../notice/service';
import { isCalendarDate, thisMonday, todayOf } from '../kernel/week';
import { ids } from '../validation';

const date = z.string().refine(isCalendarDate);
/** One line of text: no control characters, trimmed. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u);
/** Plain text with line breaks; anything else non-printing is refused. Rendered as text, never HTML. */
const body = z
  .string()
  .max(2000)
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(z.string().regex(/^[^\p{Cc}]*(?:\n[^\p{Cc}]*)*$/u));
/** A local media path or a CloudBase fileID. */
const coverRef = z
  .string()
  .max(300)
  .regex(/^(\/media\/[A-Za-z0-9_-]{1,80}\.(jpg|png|webp)|cloud:\/\/[A-Za-z0-9._\-/]{1,280})$/);

const activity = z
  .object({
    id: ids.record.optional(),
    name: line(30),
    date,
    startsAt: ids.hhmm,
    endsAt: ids.hhmm,
    place: line(30),
    capacity: z.number().int().min(1).max(500).nullable(),
    signUp: z.boolean(),
  })
  .strict();

const noticeRef = z.object({ id: ids.record }).strict();
const activityRef = z.object({ activityId: ids.record }).strict();

const noticeCommunity = async (input: { id: string }, deps: CoreDeps) =>
  (await deps.store.notices.get(input.id))?.community ?? null;
const activityCommunity = async (input: { activityId: string }, deps: CoreDeps) =>
  (await deps.store.notices.getActivity(input.activityId))?.community ?? null;

/** Base64 of at most COVER_MAX_BYTES (4 characters per 3 bytes), checked again after decoding. */
const BASE64_MAX = Math.ceil(COVER_MAX_BYTES / 3) * 4 + 4;

export const noticeActions = [
  defineAction({
    id: 'notice.list',
    role: 'public',
    input: z
      .object({ community: ids.community, week: date.optional(), past: z.boolean().optional() })
      .strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, now }, input) => {
      if (!(await deps.store.communities.get(input.community))) {
        throw notFound('没有找到这个社区，请重新扫码或选择社区');
      }
      const today = todayOf(now);
      const notices = await residentNotices(deps, input, now);
      return {
        thisWeek: thisMonday(now),
        notices: await Promise.all(notices.map((n) => summaryOf(deps, n, today))),
      };
    },
  }),
  defineAction({
    id: 'notice.get',
    role: 'public',
    input: noticeRef,
    example: { id: 'notice-1' },
    handler: async ({ deps, caller }, input) => {
      const notice = await deps.store.notices.get(input.id);
      if (!notice) throw notFound(NOTICE_NOT_FOUND);
      // Drafts exist only for the community's staff: to anyone else they are simply not there.
      if (notice.status === 'draft') {
        const user = caller.userId ? await deps.store.identities.getUser(caller.userId) : null;
        if (!isStaffOf(user, notice.community)) throw notFound(NOTICE_NOT_FOUND);
      }
      return noticeView(deps, notice, caller.userId);
    },
  }),
  defineAction({
    id: 'notice.mine',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => {
      const userId = userOf(ctx).id;
      const out = [];
      for (const s of await ctx.deps.store.notices.signUpsOfUser(userId)) {
        const a = await ctx.deps.store.notices.getActivity(s.activityId);
        const n = a ? await ctx.deps.store.notices.get(a.noticeId) : null;
        if (!a || !n) continue;
        const [count] = await ctx.deps.store.notices.counts([a.id]);
        out.push({
          signUp: (await mySignUpView(ctx.deps, s))!,
          activity: activityView(a, count),
          notice: { id: n.id, title: n.title, community: n.community },
        });
      }
      return out;
    },
  }),
  defineAction({
    id: 'notice.signUp',
    role: 'resident',
    input: z
      .object({ activityId: ids.record, requestId: ids.requestId, name: line(20).optional() })
      .strict(),
    example: { activityId: 'activity-1', requestId: 'signup-req-0001', name: '3栋 王阿姨' },
    handler: async (ctx, input) => {
      const userId = userOf(ctx).id;
      const { activity } = await liveActivity(ctx.deps, input.activityId);
      if (!activity.signUp) throw new AppError('BAD_INPUT', '这个活动无需报名，到时直接来就行');
      assertBeforeStart(activity, ctx.now, '报名');
      await ctx.deps.store.notices.signUp({
        activityId: activity.id,
        community: activity.community,
        userId,
        name: input.name ?? '',
        requestId: input.requestId,
        capacity: activity.capacity,
        now: ctx.now,
      });
      return activityFor(ctx.deps, activity, userId);
    },
  }),
  defineAction({
    id: 'notice.cancelSignUp',
    role: 'resident',
    input: activityRef,
    example: { activityId: 'activity-1' },
    handler: async (ctx, input) => {
      const userId = userOf(ctx).id;
      const { activity, notice } = await liveActivity(ctx.deps, input.activityId);
      assertBeforeStart(activity, ctx.now, '取消报名');
      if ((await ctx.deps.store.notices.signUpOf(activity.id, userId))?.attendedAt) {
        throw new AppError('CONFLICT', '您已签到，不能再取消报名');
      }
      const result = await ctx.deps.store.notices.cancelSignUp(activity.id, userId, ctx.now);
      if (!result) throw notFound('您还没有报名这个活动');
      await announcePromotions(ctx.deps, notice, result.promoted ? [result.promoted] : [], ctx.now);
      return activityFor(ctx.deps, activity, userId);
    },
  }),
  defineAction({
    id: 'notice.checkIn',
    role: 'resident',
    input: z
      .object({
        activityId: ids.record,
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9]{4,8}$/),
        // Recorded as said, so the sheet tells scans from typed codes; older clients send none.
        via: z.enum(['scan', 'code']).optional(),
      })
      .strict(),
    example: { activityId: 'activity-1', code: 'K7P2Q9', via: 'scan' },
    handler: async (ctx, input) => {
      const userId = userOf(ctx).id;
      const { activity } = await liveActivity(ctx.deps, input.activityId);
      if (input.code !== activity.code) {
        throw new AppError('BAD_INPUT', '签到码不对，请核对社工出示的签到码', 'code');
      }
      assertCheckInWindow(activity, ctx.now);
      const outcome = await ctx.deps.store.notices.checkIn({
        activityId: activity.id,
        community: activity.community,
        userId,
        name: '',
        requestId: `check-in:${activity.id}`,
        capacity: activity.signUp ? activity.capacity : null,
        now: ctx.now,
        by: 'self',
        via: input.via ?? null,
      });
      if (outcome.kind === 'full') {
        throw new AppError('CONFLICT', '名额已满，请找现场社工登记');
      }
      return activityFor(ctx.deps, activity, userId);
    },
  }),
  defineAction({
    id: 'notice.manage',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    community: (input) => input.community,
    handler: async ({ deps, now }, input) => {
      const notices = await deps.store.notices.list(input.community, {
        statuses: ['draft', 'published', 'archived'],
        limit: 100,
      });
      const today = todayOf(now);
      return {
        // The server's week, not the phone's: the demo clock and BDB_NOW move it.
        thisWeek: thisMonday(now),
        notices: await Promise.all(notices.map((n) => summaryOf(deps, n, today))),
      };
    },
  }),
  defineAction({
    id: 'notice.save',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        id: ids.record.optional(),
        week: date,
        title: line(60),
        body,
        cover: coverRef.nullable().optional(),
        activities: z.array(activity).max(12),
      })
      .strict(),
    example: {
      community: 'jinse',
      week: '2026-11-30',
      title: '本周三晚 八点伴活动',
      body: '象棋角照常开放。\n19:00 少儿阅读。',
      activities: [
        {
          name: '书法体验课',
          date: '2026-12-02',
          startsAt: '18:30',
          endsAt: '19:30',
          place: '二楼活动室',
          capacity: 12,
          signUp: true,
        },
      ],
    },
    // Editing names the notice: its own community decides, whatever the input claims.
    community: async (input, deps) =>
      input.id ? ((await deps.store.notices.get(input.id))?.community ?? null) : input.community,
    handler: async (ctx, input) => {
      const record = await saveNotice(ctx.deps, input, userOf(ctx).id, ctx.now);
      return noticeView(ctx.deps, record, null);
    },
  }),
  defineAction({
    id: 'notice.uploadCover',
    role: 'staff',
    maxBodyBytes: BASE64_MAX + 1024,
    input: z
      .object({
        community: ids.community,
        data: z
          .string()
          .min(8)
          .max(BASE64_MAX)
          .regex(/^[A-Za-z0-9+/]+={0,2}$/),
      })
      .strict(),
    // A 1×1 PNG.
    example: {
      community: 'jinse',
      data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    },
    community: (input) => input.community,
    handler: async ({ deps }, input) => {
      if (!deps.media) throw new AppError('BAD_INPUT', '这里不能上传图片', 'data');
      const bytes = Buffer.from(input.data, 'base64');
      const { type } = inspectImage(bytes, 'data');
      const ref = await deps.media.put(input.community, bytes, type);
      return { cover: ref };
    },
  }),
  defineAction({
    id: 'notice.publish',
    role: 'staff',
    input: noticeRef,
    example: { id: 'notice-1' },
    community: noticeCommunity,
    handler: async ({ deps, now }, input) => {
      const notice = await noticeOrThrow(deps, input.id);
      if (notice.status === 'archived') throw new AppError('CONFLICT', '已归档的通知不能再发布');
      if (notice.status === 'draft') {
        const at = now.toISOString();
        await deps.store.notices.save({
          ...notice,
          status: 'published',
          publishedAt: at,
          updatedAt: at,
        });
        await refreshBoard(deps, notice.community, now);
      }
      return noticeView(deps, await noticeOrThrow(deps, input.id), null);
    },
  }),
  defineAction({
    id: 'notice.archive',
    role: 'staff',
    input: noticeRef,
    example: { id: 'notice-1' },
    community: noticeCommunity,
    handler: async ({ deps, now }, input) => {
      const notice = await noticeOrThrow(deps, input.id);
      if (notice.status !== 'archived') {
        await deps.store.notices.save({
          ...notice,
          status: 'archived',
          pinned: false,
          updatedAt: now.toISOString(),
        });
        await refreshBoard(deps, notice.community, now);
      }
      return noticeView(deps, await noticeOrThrow(deps, input.id), null);
    },
  }),
  defineAction({
    id: 'notice.pin',
    role: 'staff',
    input: z.object({ id: ids.record, pinned: z.boolean() }).strict(),
    example: { id: 'notice-1', pinned: true },
    community: noticeCommunity,
    handler: async ({ deps, now }, input) => {
      const notice = await noticeOrThrow(deps, input.id);
      if (input.pinned) {
        if (notice.status !== 'published') {
          throw new AppError('CONFLICT', '只有已发布的通知可以置顶');
        }
        await deps.store.notices.pin(notice.community, notice.id);
      } else if (notice.pinned) {
        await deps.store.notices.pin(notice.community, null);
      }
      await refreshBoard(deps, notice.community, now);
      return noticeView(deps, await noticeOrThrow(deps, input.id), null);
    },
  }),
  defineAction({
    id: 'notice.attendees',
    role: 'staff',
    input: activityRef,
    example: { activityId: 'activity-1' },
    community: activityCommunity,
    handler: async ({ deps }, input) => {
      const activity = (await deps.store.notices.getActivity(input.activityId))!;
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
    },
  }),
  defineAction({
    id: 'notice.markAttendance',
    role: 'staff',
    input: z.object({ signUpId: ids.record, attended: z.boolean() }).strict(),
    example: { signUpId: 'signup-1', attended: true },
    community: async (input, deps) =>
      (await deps.store.notices.getSignUp(input.signUpId))?.community ?? null,
    handler: async ({ deps, now }, input) => {
      const current = (await deps.store.notices.getSignUp(input.signUpId))!;
      if (current.status === 'cancelled') {
        throw new AppError('CONFLICT', '这条报名已取消，不能登记到场；请用“现场登记”');
      }
      const updated = await deps.store.notices.setAttended(
        current.id,
        input.attended ? (current.attendedAt ?? now.toISOString()) : null,
      );
      if (!updated) throw notFound('没有找到这条报名');
      return attendeeView(deps, updated);
    },
  }),
  defineAction({
    id: 'notice.checkInFor',
    role: 'staff',
    input: z.object({ activityId: ids.record, name: line(40), requestId: ids.requestId }).strict(),
    example: { activityId: 'activity-1', name: '李大爷（未报名）', requestId: 'walkin-req-0001' },
    community: activityCommunity,
    handler: async (ctx, input) => {
      const { activity } = await liveActivity(ctx.deps, input.activityId);
      const outcome = await ctx.deps.store.notices.checkIn({
        activityId: activity.id,
        community: activity.community,
        userId: null,
        name: input.name,
        // Scoped to the staff member, so two workers' request ids never collide.
        requestId: `${userOf(ctx).id}:${input.requestId}`,
        capacity: null,
        now: ctx.now,
        by: 'staff',
      });
      if (outcome.kind === 'full') throw new AppError('CONFLICT', '名额已满');
      return attendeeView(ctx.deps, outcome.signUp);
    },
  }),
  defineAction({
    id: 'notice.export',
    role: 'staff',
    input: noticeRef,
    example: { id: 'notice-1' },
    community: noticeCommunity,
    handler: async ({ deps }, input) => {
      const notice = await noticeOrThrow(deps, input.id);
      const rows = [];
      for (const activity of notice.activities) {
        rows.push({ activity, signUps: await deps.store.notices.signUpsOf(activity.id) });
      }
      return {
        filename: `签到表-${notice.week}-${notice.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 30)}.csv`,
        csv: attendanceCsv(rows),
      };
    },
  }),
];
