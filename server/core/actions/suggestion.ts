import * as z from 'zod';
import { defineAction, userOf, inCommunity } from '../action';
import type { CoreDeps } from '../deps';
import {
  answerSolved,
  echoWall,
  logChange,
  mergeSuggestion,
  mySuggestions,
  reopenSuggestion,
  replySuggestion,
  staffSuggestions,
  submitSuggestion,
  uploadPhoto,
} from '../suggestion/service';
import { BASE64_MAX, uploadInput } from '../upload/input';
import { ids, text } from '../validation';

/** Plain text with line breaks, never empty; stored and shown as text (validation.ts). */
const paragraphs = (max: number) => text(max, { lines: true, min: 1 });
const photoRef = z
  .string()
  .max(300)
  .regex(/^(\/media\/[A-Za-z0-9_-]{1,80}\.(jpg|png|webp)|cloud:\/\/[A-Za-z0-9._\-/]{1,280})$/);

const suggestionCommunity = async (input: { id: string }, deps: CoreDeps) =>
  (await deps.store.suggestions.get(input.id))?.community ?? null;

export const suggestionActions = [
  defineAction({
    id: 'suggestion.submit',
    role: 'resident',
    input: z
      .object({
        community: ids.community,
        category: ids.service,
        text: paragraphs(500),
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
    handler: async (ctx, input) => submitSuggestion(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'suggestion.uploadPhoto',
    role: 'resident',
    maxBodyBytes: BASE64_MAX + 1024,
    input: uploadInput,
    example: {
      community: 'jinse',
      data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    },
    handler: async (ctx, input) => uploadPhoto(ctx.deps, userOf(ctx).id, input, ctx.now),
  }),
  defineAction({
    id: 'suggestion.mine',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => mySuggestions(ctx.deps, userOf(ctx).id, ctx.now),
  }),
  defineAction({
    id: 'suggestion.echoWall',
    role: 'public',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps }, input) => echoWall(deps, input.community),
  }),
  defineAction({
    id: 'suggestion.reopen',
    role: 'resident',
    input: z.object({ id: ids.record }).strict(),
    example: { id: 'suggestion-1' },
    handler: async (ctx, input) => reopenSuggestion(ctx.deps, userOf(ctx).id, input.id, ctx.now),
  }),
  defineAction({
    id: 'suggestion.answerSolved',
    role: 'resident',
    input: z.object({ id: ids.record, solved: z.enum(['yes', 'partly', 'no']) }).strict(),
    example: { id: 'suggestion-1', solved: 'yes' },
    handler: async (ctx, input) =>
      answerSolved(ctx.deps, userOf(ctx).id, input.id, input.solved, ctx.now),
  }),
  inCommunity({
    id: 'suggestion.list',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, now }, input) => staffSuggestions(deps, input.community, now),
  }),
  defineAction({
    id: 'suggestion.reply',
    role: 'staff',
    input: z
      .object({
        id: ids.record,
        status: z.enum(['reviewing', 'adopted', 'answered', 'not-adopted']),
        reply: paragraphs(500),
        reason: paragraphs(300).optional(),
      })
      .strict(),
    example: {
      id: 'suggestion-1',
      status: 'answered',
      reply: '周五晚暂不开放，我们会在问卷里再征求意见',
    },
    community: suggestionCommunity,
    handler: async ({ deps, now }, input) => replySuggestion(deps, input, now),
  }),
  defineAction({
    id: 'suggestion.merge',
    role: 'staff',
    input: z.object({ id: ids.record, into: ids.record }).strict(),
    example: { id: 'suggestion-2', into: 'suggestion-1' },
    community: suggestionCommunity,
    handler: async ({ deps, now }, input) => mergeSuggestion(deps, input.id, input.into, now),
  }),
  inCommunity({
    id: 'suggestion.logChange',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        title: paragraphs(60),
        detail: paragraphs(500),
        since: ids.date,
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
    handler: async (ctx, input) => logChange(ctx.deps, input, userOf(ctx).id, ctx.now),
  }),
];
