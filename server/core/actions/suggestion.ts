import * as z from 'zod';
import { defineAction, userOf } from '../action';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { communityOrThrow } from '../community';
import { COVER_MAX_BYTES, inspectImage } from '../notice/image';
import { newId } from '../notice/service';
import { isCalendarDate } from '../notice/week';
import {
  ANSWERED,
  categoriesOf,
  changeView,
  fileSuggestion,
  staffSuggestionView,
  suggestionOrThrow,
  suggestionView,
  tellAuthor,
} from '../suggestion/service';
import { isoLocal } from '../time';
import { ids } from '../validation';

/** Plain text with line breaks; stored and shown as text. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(
      z
        .string()
        .min(1)
        .regex(/^[^\p{Cc}]*(?:\n[^\p{Cc}]*)*$/u),
    );
const photoRef = z
  .string()
  .max(300)
  .regex(/^(\/media\/[A-Za-z0-9_-]{1,80}\.(jpg|png|webp)|cloud:\/\/[A-Za-z0-9._\-/]{1,280})$/);
const BASE64_MAX = Math.ceil(COVER_MAX_BYTES / 3) * 4 + 4;

const suggestionCommunity = async (input: { id: string }, deps: CoreDeps) =>
  (await deps.store.suggestions.get(input.id))?.community ?? null;

async function ownSuggestion(deps: CoreDeps, userId: string, id: string) {
  const s = await deps.store.suggestions.get(id);
  if (!s || s.userId !== userId) throw notFound('没有找到这条建议');
  return s;
}

export const suggestionActions = [
  defineAction({
    id: 'suggestion.submit',
    role: 'resident',
    input: z
      .object({
        community: ids.community,
        category: ids.service,
        text: text(500),
        photo: photoRef.optional(),
        followupId: ids.record.optional(),
        requestId: ids.requestId,
      })
      .strict(),
    example: {
      community: 'jinse',
      category: 'hours',
      text: '希望周五晚上也能开放',
      requestId: 'suggest-req-0001',
    },
    handler: async (ctx, input) => {
      const userId = userOf(ctx).id;
      const community = await communityOrThrow(ctx.deps, input.community);
      if (!categoriesOf(community).some((c) => c.id === input.category)) {
        throw new AppError('BAD_INPUT', '没有这个建议类别', 'category');
      }
      if (input.followupId) {
        const task = await ctx.deps.store.followUps.get(input.followupId);
        if (!task || task.userId !== userId) throw notFound('没有找到这条回访');
      }
      if (input.photo) {
        const bytes = ctx.deps.media ? await ctx.deps.media.read(input.photo) : null;
        if (!bytes) throw new AppError('BAD_INPUT', '照片不存在，请重新上传', 'photo');
        inspectImage(bytes, 'photo', 'photo');
      }
      const at = ctx.now.toISOString();
      const record = await fileSuggestion(
        ctx.deps,
        {
          id: newId(),
          community: community.id,
          userId,
          name: '',
          category: input.category,
          text: input.text,
          photo: input.photo ?? null,
          followUpId: input.followupId ?? null,
          source: 'resident',
          status: 'received',
          reply: null,
          reason: null,
          mergedInto: null,
          changeId: null,
          solved: null,
          requestId: input.requestId,
          createdAt: at,
          updatedAt: at,
          answeredAt: null,
        },
        ctx.now,
        true,
      );
      return suggestionView(ctx.deps, record, ctx.now);
    },
  }),
  defineAction({
    id: 'suggestion.uploadPhoto',
    role: 'resident',
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
    example: {
      community: 'jinse',
      data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    },
    handler: async ({ deps }, input) => {
      if (!deps.media) throw new AppError('BAD_INPUT', '这里不能上传图片', 'data');
      await communityOrThrow(deps, input.community);
      const bytes = Buffer.from(input.data, 'base64');
      const { type } = inspectImage(bytes, 'data', 'photo');
      return { photo: await deps.media.put(input.community, bytes, type) };
    },
  }),
  defineAction({
    id: 'suggestion.mine',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => {
      const records = await ctx.deps.store.suggestions.ofUser(userOf(ctx).id);
      return Promise.all(records.map((s) => suggestionView(ctx.deps, s, ctx.now)));
    },
  }),
  defineAction({
    id: 'suggestion.board',
    role: 'public',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps }, input) => {
      const community = await communityOrThrow(deps, input.community);
      const answered = (await deps.store.suggestions.list(community.id)).filter((s) =>
        ANSWERED.includes(s.status),
      );
      const categories = categoriesOf(community);
      return {
        community: { id: community.id, name: community.name },
        // No author, no phone, no photo: the board is public.
        answered: answered.map((s) => ({
          receipt: s.receipt,
          categoryName: categories.find((c) => c.id === s.category)?.name ?? s.category,
          text: s.text,
          status: s.status,
          reply: s.reply,
          reason: s.reason,
          answeredAt: s.answeredAt ? isoLocal(new Date(s.answeredAt)) : null,
        })),
        changes: await Promise.all(
          (await deps.store.suggestions.changes(community.id)).map((c) => changeView(deps, c)),
        ),
        categories,
      };
    },
  }),
  defineAction({
    id: 'suggestion.reopen',
    role: 'resident',
    input: z.object({ id: ids.record }).strict(),
    example: { id: 'suggestion-1' },
    handler: async (ctx, input) => {
      const s = await ownSuggestion(ctx.deps, userOf(ctx).id, input.id);
      const view = await suggestionView(ctx.deps, s, ctx.now);
      if (!view.reopenable) {
        throw new AppError('CONFLICT', '只能在答复后 30 天内重新打开建议');
      }
      const updated = await ctx.deps.store.suggestions.update(s.id, ANSWERED, {
        status: 'reviewing',
        updatedAt: ctx.now.toISOString(),
      });
      if (!updated) throw new AppError('CONFLICT', '这条建议刚刚有了变化，请刷新后再看');
      return suggestionView(ctx.deps, updated, ctx.now);
    },
  }),
  defineAction({
    id: 'suggestion.answerSolved',
    role: 'resident',
    input: z.object({ id: ids.record, solved: z.enum(['yes', 'partly', 'no']) }).strict(),
    example: { id: 'suggestion-1', solved: 'yes' },
    handler: async (ctx, input) => {
      const s = await ownSuggestion(ctx.deps, userOf(ctx).id, input.id);
      if (!ANSWERED.includes(s.status)) {
        throw new AppError('CONFLICT', '社区答复以后，才能告诉我们是否解决');
      }
      const updated = await ctx.deps.store.suggestions.update(s.id, ANSWERED, {
        solved: input.solved,
        updatedAt: ctx.now.toISOString(),
      });
      if (!updated) throw new AppError('CONFLICT', '这条建议刚刚有了变化，请刷新后再看');
      return suggestionView(ctx.deps, updated, ctx.now);
    },
  }),
  defineAction({
    id: 'suggestion.list',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    community: (input) => input.community,
    handler: async ({ deps, now }, input) => {
      await communityOrThrow(deps, input.community);
      const records = await deps.store.suggestions.list(input.community);
      return Promise.all(records.map((s) => staffSuggestionView(deps, s, now)));
    },
  }),
  defineAction({
    id: 'suggestion.reply',
    role: 'staff',
    input: z
      .object({
        id: ids.record,
        status: z.enum(['reviewing', 'adopted', 'answered', 'not-adopted']),
        reply: text(500),
        reason: text(300).optional(),
      })
      .strict(),
    example: {
      id: 'suggestion-1',
      status: 'answered',
      reply: '周五晚暂不开放，我们会在问卷里再征求意见',
    },
    community: suggestionCommunity,
    handler: async ({ deps, now }, input) => {
      const s = await suggestionOrThrow(deps, input.id);
      if (input.status === 'not-adopted' && !input.reason) {
        throw new AppError('BAD_INPUT', '暂不采纳时请写明原因', 'reason');
      }
      const at = now.toISOString();
      const updated = await deps.store.suggestions.update(
        s.id,
        ['received', 'reviewing', 'adopted', 'answered', 'not-adopted'],
        {
          status: input.status,
          reply: input.reply,
          reason: input.reason ?? null,
          updatedAt: at,
          answeredAt: input.status === 'reviewing' ? s.answeredAt : at,
        },
      );
      if (!updated) throw new AppError('CONFLICT', '这条建议已合并，请在合并后的建议上答复');
      await tellAuthor(deps, updated, now);
      return staffSuggestionView(deps, updated, now);
    },
  }),
  defineAction({
    id: 'suggestion.merge',
    role: 'staff',
    input: z.object({ id: ids.record, into: ids.record }).strict(),
    example: { id: 'suggestion-2', into: 'suggestion-1' },
    community: suggestionCommunity,
    handler: async ({ deps, now }, input) => {
      const s = await suggestionOrThrow(deps, input.id);
      const target = await deps.store.suggestions.get(input.into);
      if (!target || target.community !== s.community || target.id === s.id) {
        throw new AppError('BAD_INPUT', '只能合并到本社区的另一条建议', 'into');
      }
      if (target.status === 'merged') {
        throw new AppError('BAD_INPUT', '不能合并到已合并的建议', 'into');
      }
      const at = now.toISOString();
      const updated = await deps.store.suggestions.update(
        s.id,
        ['received', 'reviewing', 'adopted', 'answered', 'not-adopted'],
        {
          status: 'merged',
          mergedInto: target.id,
          reply: `与建议 ${target.receipt} 内容相同，合并处理，结果请看 ${target.receipt}`,
          updatedAt: at,
          answeredAt: at,
        },
      );
      if (!updated) throw new AppError('CONFLICT', '这条建议已经合并过了');
      await tellAuthor(deps, updated, now);
      return staffSuggestionView(deps, updated, now);
    },
  }),
  defineAction({
    id: 'suggestion.logChange',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        title: text(60),
        detail: text(500),
        since: z.string().refine(isCalendarDate),
        suggestionIds: z.array(ids.record).max(50),
      })
      .strict(),
    example: {
      community: 'jinse',
      title: '周三晚增加康复理疗',
      detail: '根据居民建议，从 12 月起每周三晚增加康复理疗服务。',
      since: '2026-12-02',
      suggestionIds: [],
    },
    community: (input) => input.community,
    handler: async (ctx, input) => {
      const { deps, now } = ctx;
      const linked = [];
      for (const id of new Set(input.suggestionIds)) {
        const s = await deps.store.suggestions.get(id);
        if (!s || s.community !== input.community) {
          throw new AppError('BAD_INPUT', '只能关联本社区的建议', 'suggestionIds');
        }
        linked.push(s);
      }
      const change = {
        id: newId(),
        community: input.community,
        title: input.title,
        detail: input.detail,
        since: input.since,
        suggestionIds: linked.map((s) => s.id),
        createdBy: userOf(ctx).id,
        createdAt: now.toISOString(),
      };
      await deps.store.suggestions.addChange(change, now.toISOString());
      for (const s of linked) {
        const updated = await deps.store.suggestions.get(s.id);
        if (updated) await tellAuthor(deps, updated, now);
      }
      return changeView(deps, change);
    },
  }),
];
