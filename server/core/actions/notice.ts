import * as z from 'zod';
import { defineAction, userOf, inCommunity } from '../action';
import type { CoreDeps } from '../deps';
import {
  archivedNotice,
  attendees,
  cancelSignUp,
  checkIn,
  checkInFor,
  editNotice,
  exportAttendance,
  manageList,
  markAttendance,
  moveNotice,
  mySignUps,
  noticeFor,
  noticeList,
  pinNotice,
  publishedNotice,
  signUp,
  uploadCover,
} from '../notice/requests';
import { BASE64_MAX, uploadInput } from '../upload/input';
import { ids, text } from '../validation';

const date = ids.date;
/** One line of text: no control characters, trimmed. */
const line = (max: number) => text(max, { min: 1 });
/** Plain text with line breaks; anything else non-printing is refused. Rendered as text, never HTML. */
const body = text(2000, { lines: true });
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

export const noticeActions = [
  defineAction({
    id: 'notice.list',
    role: 'public',
    input: z
      .object({ community: ids.community, week: date.optional(), past: z.boolean().optional() })
      .strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, now }, input) => noticeList(deps, input, now),
  }),
  defineAction({
    id: 'notice.get',
    role: 'public',
    input: noticeRef,
    example: { id: 'notice-1' },
    handler: async ({ deps, caller }, input) => noticeFor(deps, input.id, caller.userId),
  }),
  defineAction({
    id: 'notice.mine',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => mySignUps(ctx.deps, userOf(ctx).id),
  }),
  defineAction({
    id: 'notice.signUp',
    role: 'resident',
    input: z
      .object({ activityId: ids.record, requestId: ids.requestId, name: line(20).optional() })
      .strict(),
    example: { activityId: 'activity-1', requestId: 'signup-req-0001', name: '3栋 王阿姨' },
    handler: async (ctx, input) => signUp(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'notice.cancelSignUp',
    role: 'resident',
    input: activityRef,
    example: { activityId: 'activity-1' },
    handler: async (ctx, input) =>
      cancelSignUp(ctx.deps, userOf(ctx).id, input.activityId, ctx.now),
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
    handler: async (ctx, input) => checkIn(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  inCommunity({
    id: 'notice.manage',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, now }, input) => manageList(deps, input.community, now),
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
    handler: async (ctx, input) => editNotice(ctx.deps, input, userOf(ctx).id, ctx.now),
  }),
  inCommunity({
    id: 'notice.uploadCover',
    role: 'staff',
    maxBodyBytes: BASE64_MAX + 1024,
    input: uploadInput,
    // A 1×1 PNG.
    example: {
      community: 'jinse',
      data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    },
    handler: async (ctx, input) => uploadCover(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'notice.publish',
    role: 'staff',
    input: noticeRef,
    example: { id: 'notice-1' },
    community: noticeCommunity,
    handler: async ({ deps, now }, input) => moveNotice(deps, input.id, publishedNotice, now),
  }),
  defineAction({
    id: 'notice.archive',
    role: 'staff',
    input: noticeRef,
    example: { id: 'notice-1' },
    community: noticeCommunity,
    handler: async ({ deps, now }, input) => moveNotice(deps, input.id, archivedNotice, now),
  }),
  defineAction({
    id: 'notice.pin',
    role: 'staff',
    input: z.object({ id: ids.record, pinned: z.boolean() }).strict(),
    example: { id: 'notice-1', pinned: true },
    community: noticeCommunity,
    handler: async ({ deps, now }, input) => pinNotice(deps, input.id, input.pinned, now),
  }),
  defineAction({
    id: 'notice.attendees',
    role: 'staff',
    input: activityRef,
    example: { activityId: 'activity-1' },
    community: activityCommunity,
    handler: async ({ deps }, input) => attendees(deps, input.activityId),
  }),
  defineAction({
    id: 'notice.markAttendance',
    role: 'staff',
    input: z.object({ signUpId: ids.record, attended: z.boolean() }).strict(),
    example: { signUpId: 'signup-1', attended: true },
    community: async (input, deps) =>
      (await deps.store.notices.getSignUp(input.signUpId))?.community ?? null,
    handler: async ({ deps, now }, input) =>
      markAttendance(deps, input.signUpId, input.attended, now),
  }),
  defineAction({
    id: 'notice.checkInFor',
    role: 'staff',
    input: z.object({ activityId: ids.record, name: line(40), requestId: ids.requestId }).strict(),
    example: { activityId: 'activity-1', name: '李大爷（未报名）', requestId: 'walkin-req-0001' },
    community: activityCommunity,
    handler: async (ctx, input) => checkInFor(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'notice.export',
    role: 'staff',
    input: noticeRef,
    example: { id: 'notice-1' },
    community: noticeCommunity,
    handler: async ({ deps }, input) => exportAttendance(deps, input.id),
  }),
];
