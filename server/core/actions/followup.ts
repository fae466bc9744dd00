import * as z from 'zod';
import type { RecordCallInput } from '../../../contract/followup';
import { defineAction, userOf, type ActionContext } from '../action';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import {
  createFollowUps,
  FOLLOW_UP_BY_HAND,
  escalate,
  MAX_ATTEMPTS,
  pendingOf,
  rulesOf,
  taskOrThrow,
  taskView,
  timelineOf,
} from '../followup/service';
import { newId } from '../notice/service';
import { todayOf } from '../notice/week';
import type { FollowUpPatch, FollowUpRecord } from '../ports';
import { communityOrThrow } from '../community';
import { categoriesOf, fileSuggestion } from '../suggestion/service';
import { ids } from '../validation';

const satisfaction = z.enum(['satisfied', 'mostly', 'unsatisfied']);
const solved = z.enum(['yes', 'partly', 'no']);
/** Free text from a call or a resident: one paragraph, no control characters except line breaks. */
const note = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().regex(/^[^\p{Cc}]*(?:\n[^\p{Cc}]*)*$/u));

const taskCommunity = async (input: { id: string }, deps: CoreDeps) =>
  (await deps.store.followUps.get(input.id))?.community ?? null;

const CLOSED_BY: Record<string, string> = {
  'wrong-number': '号码错误',
  declined: '居民不愿回访',
};

/** What one attempt does to the task: done with a result, closed, or still open for tomorrow. */
function patchFor(
  task: FollowUpRecord,
  input: RecordCallInput,
  by: string,
  now: Date,
): FollowUpPatch {
  const attempts = [...task.attempts, { outcome: input.outcome, at: now.toISOString(), by }];
  const at = now.toISOString();
  if (input.outcome === 'reached') {
    if (!input.satisfaction) throw new AppError('BAD_INPUT', '请选择满意度', 'satisfaction');
    if (!input.solved) throw new AppError('BAD_INPUT', '请选择问题是否解决', 'solved');
    const result = {
      satisfaction: input.satisfaction,
      solved: input.solved,
      note: input.note ?? '',
    };
    return { attempts, status: 'done', result, closedAt: at };
  }
  if (input.outcome === 'no-answer' && attempts.length < MAX_ATTEMPTS) return { attempts };
  const reason = CLOSED_BY[input.outcome] ?? `${MAX_ATTEMPTS} 次未接通`;
  return { attempts, status: 'closed', closedReason: reason, closedAt: at };
}

async function afterReached(ctx: ActionContext, task: FollowUpRecord, input: RecordCallInput) {
  const { deps, now } = ctx;
  if (input.suggestion) {
    const community = await communityOrThrow(deps, task.community);
    const category = input.category ?? 'other';
    if (!categoriesOf(community).some((c) => c.id === category)) {
      throw new AppError('BAD_INPUT', '没有这个建议类别', 'category');
    }
    await fileSuggestion(
      deps,
      {
        id: newId(),
        community: task.community,
        userId: task.userId,
        name: task.name,
        category,
        text: input.suggestion,
        photo: null,
        followUpId: task.id,
        source: 'call',
        status: 'received',
        reply: null,
        reason: null,
        mergedInto: null,
        changeId: null,
        solved: null,
        requestId: `call:${task.id}`,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        answeredAt: null,
      },
      now,
      false,
    );
  }
  if (input.satisfaction === 'unsatisfied' || input.solved === 'no')
    await escalate(deps, task, now);
  if (task.userId) {
    await deps.notifier?.notifyResident({
      userId: task.userId,
      at: now.toISOString(),
      kind: 'follow-up-invite',
      community: task.community,
      text: '谢谢您接听回访，还有想法欢迎随时提建议',
      page: 'package-voice/pages/mine/index',
    });
  }
}

export const followupActions = [
  defineAction({
    id: 'followup.due',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    community: (input) => input.community,
    handler: async ({ deps, now }, input) => {
      await communityOrThrow(deps, input.community);
      const today = todayOf(now);
      // Message-channel tasks are answered by residents in the app: the call list shows calls.
      const open = (await deps.store.followUps.open(input.community)).filter(
        (t) => t.channel === 'call',
      );
      const since = new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString();
      return {
        today,
        dueToday: open.filter((t) => t.due === today).map(taskView),
        overdue: open.filter((t) => t.due < today).map(taskView),
        upcoming: open.filter((t) => t.due > today).length,
        recent: (await deps.store.followUps.recent(input.community, since)).map(taskView),
      };
    },
  }),
  defineAction({
    id: 'followup.record',
    role: 'staff',
    input: z
      .object({
        id: ids.record,
        outcome: z.enum(['reached', 'no-answer', 'wrong-number', 'declined']),
        satisfaction: satisfaction.optional(),
        solved: solved.optional(),
        note: note(500).optional(),
        suggestion: note(500).pipe(z.string().min(1)).optional(),
        category: ids.service.optional(),
      })
      .strict(),
    example: { id: 'followup-1', outcome: 'reached', satisfaction: 'satisfied', solved: 'yes' },
    community: taskCommunity,
    handler: async (ctx, input) => {
      const task = await taskOrThrow(ctx.deps, input.id);
      if (task.status !== 'open') throw new AppError('CONFLICT', '这条回访已经结束了');
      if (task.channel !== 'call') {
        // Residents answer message-channel tasks themselves in the app.
        throw new AppError('CONFLICT', '这位居民没有可拨打的电话，已改为在小程序里询问');
      }
      const patch = patchFor(task, input, userOf(ctx).id, ctx.now);
      const updated = await ctx.deps.store.followUps.update(task.id, task.attempts.length, patch);
      if (!updated) throw new AppError('CONFLICT', '刚刚有同事记录了这条回访，请刷新后再看');
      if (input.outcome === 'reached') await afterReached(ctx, updated, input);
      return taskView((await ctx.deps.store.followUps.get(task.id))!);
    },
  }),
  defineAction({
    id: 'followup.rules',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    community: (input) => input.community,
    handler: async ({ deps }, input) =>
      rulesOf(
        await communityOrThrow(deps, input.community),
        await deps.store.followUps.getRules(input.community),
      ),
  }),
  defineAction({
    id: 'followup.configure',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        service: ids.service,
        followUp: z.boolean(),
        delayDays: z.number().int().min(1).max(7),
      })
      .strict(),
    example: { community: 'jinse', service: 'paperwork', followUp: true, delayDays: 1 },
    community: (input) => input.community,
    handler: async ({ deps }, input) => {
      const community = await communityOrThrow(deps, input.community);
      const saved = (await deps.store.followUps.getRules(input.community)) ?? {};
      if (!rulesOf(community, saved).some((r) => r.service === input.service)) {
        throw new AppError('BAD_INPUT', '这项服务不需要回访设置', 'service');
      }
      const next = {
        ...saved,
        [input.service]: { followUp: input.followUp, delayDays: input.delayDays },
      };
      await deps.store.followUps.saveRules(input.community, next);
      return rulesOf(community, next);
    },
  }),
  defineAction({
    id: 'followup.timeline',
    role: 'staff',
    input: z
      .object({ community: ids.community, resident: z.string().regex(/^[A-Za-z0-9_:-]{1,80}$/) })
      .strict(),
    example: { community: 'jinse', resident: 'resident-1' },
    community: (input) => input.community,
    handler: async ({ deps }, input) => timelineOf(deps, input.community, input.resident),
  }),
  defineAction({
    id: 'followup.run',
    role: 'admin',
    input: z.object({}).strict(),
    example: {},
    // One bounded slice, like a timer run: a day already finished makes nothing new.
    handler: async ({ deps, now }) => ({
      created: (await createFollowUps(deps, now, FOLLOW_UP_BY_HAND)).done,
    }),
  }),
  defineAction({
    id: 'followup.pending',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => pendingOf(ctx.deps, userOf(ctx).id, ctx.now),
  }),
  defineAction({
    id: 'followup.answer',
    role: 'resident',
    input: z.object({ id: ids.record, satisfaction, solved, note: note(500).optional() }).strict(),
    example: { id: 'followup-1', satisfaction: 'satisfied', solved: 'yes' },
    handler: async (ctx, input) => {
      const userId = userOf(ctx).id;
      const task = await ctx.deps.store.followUps.get(input.id);
      if (!task || task.userId !== userId) throw notFound('没有找到这条回访');
      if (task.status !== 'open' || task.channel !== 'message') {
        throw new AppError('CONFLICT', '这条回访已经结束了，谢谢您');
      }
      const result = {
        satisfaction: input.satisfaction,
        solved: input.solved,
        note: input.note ?? '',
      };
      const updated = await ctx.deps.store.followUps.update(task.id, task.attempts.length, {
        status: 'done',
        result,
        closedAt: ctx.now.toISOString(),
      });
      if (!updated) throw new AppError('CONFLICT', '这条回访已经结束了，谢谢您');
      if (input.satisfaction === 'unsatisfied' || input.solved === 'no') {
        await escalate(ctx.deps, updated, ctx.now);
      }
      return pendingOf(ctx.deps, userId, ctx.now);
    },
  }),
  defineAction({
    id: 'followup.erase',
    role: 'resident',
    input: z.object({}).strict(),
    example: {},
    handler: async (ctx) => {
      const userId = userOf(ctx).id;
      // Phones live on bookings and follow-ups, names (称呼) on bookings too, notes on follow-ups
      // and companion requests (a hearing impairment…); suggestions lose their author.
      const erased =
        (await ctx.deps.store.followUps.erase(userId)) +
        (await ctx.deps.store.suggestions.erase(userId)) +
        (await ctx.deps.store.bookings.erasePersonal(userId)) +
        (await ctx.deps.store.rosters.eraseCompanionNotes(userId));
      return { erased };
    },
  }),
];
