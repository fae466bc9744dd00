/**
 * What the follow-up actions do, one function each: the call list, recording a call, a
 * resident's answer, the rules staff set, and erasing a resident. The rules are in rules.ts.
 */
import type { ContactPreference, RecordCallInput } from '../../../contract/followup';
import { isoLocal } from '../kernel/time';
import { communityOrThrow } from '../kernel/community';
import type { CoreDeps } from '../deps';
import { AppError } from '../errors';
import { newId } from '../kernel/ids';
import { todayOf } from '../kernel/week';
import type { FollowUpPatch, FollowUpRecord } from '../ports';
import { categoriesOf, fileSuggestion, newSuggestion } from '../suggestion/service';
import {
  answerPatch,
  attemptPatch,
  callList,
  contactRecord,
  needsSeniorCall,
  type AnswerInput,
} from './rules';
import { escalate, noCallsOf, pendingOf, rulesOf, taskOrThrow, taskView } from './service';

const INVITE_PAGE = 'package-suggestion/pages/mine/index';

/** The staff call list and what was finished in the last week. */
export async function callListOf(deps: CoreDeps, community: string, now: Date) {
  await communityOrThrow(deps, community);
  const today = todayOf(now);
  const open = await deps.store.followUps.open(community);
  const users = [...new Set(open.flatMap((t) => (t.userId ? [t.userId] : [])))];
  const quiet = new Set(await deps.store.followUps.noCalls(users));
  const list = callList(open, today, quiet);
  const view = (t: FollowUpRecord) => taskView(t, t.userId !== null && quiet.has(t.userId));
  const since = new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString();
  return {
    today,
    dueToday: list.dueToday.map(view),
    overdue: list.overdue.map(view),
    upcoming: list.upcoming,
    recent: (await deps.store.followUps.recent(community, since)).map((t) => taskView(t)),
  };
}

/** Applies a patch by compare-and-set on the attempts seen; `conflict` when another got there first. */
async function applyPatch(
  deps: CoreDeps,
  task: FollowUpRecord,
  patch: FollowUpPatch,
  conflict: string,
) {
  const updated = await deps.store.followUps.update(task.id, task.attempts.length, patch);
  if (!updated) throw new AppError('CONFLICT', conflict);
  return updated;
}

/** One call attempt; once reached: the suggestion made on the call, a senior call, an invitation. */
export async function recordCall(deps: CoreDeps, input: RecordCallInput, by: string, now: Date) {
  const task = await taskOrThrow(deps, input.id);
  const noCalls = task.userId ? await noCallsOf(deps, task.userId) : false;
  const patch = attemptPatch(task, input, by, now, noCalls);
  const updated = await applyPatch(deps, task, patch, '刚刚有同事记录了这条回访，请刷新后再看');
  if (input.outcome === 'reached') await afterReached(deps, updated, input, now);
  return taskView((await deps.store.followUps.get(task.id))!);
}

async function afterReached(
  deps: CoreDeps,
  task: FollowUpRecord,
  input: RecordCallInput,
  now: Date,
) {
  if (input.suggestion) {
    const community = await communityOrThrow(deps, task.community);
    const category = input.category ?? 'other';
    if (!categoriesOf(community).some((c) => c.id === category)) {
      throw new AppError('BAD_INPUT', '没有这个建议类别', 'category');
    }
    const record = newSuggestion({
      id: newId(),
      community: task.community,
      userId: task.userId,
      name: task.name,
      category,
      text: input.suggestion,
      photo: null,
      followUpId: task.id,
      source: 'call',
      requestId: `call:${task.id}`,
      now,
    });
    await fileSuggestion(deps, record, now, false);
  }
  if (needsSeniorCall(input)) await escalate(deps, task, now);
  if (task.userId) {
    await deps.notifier?.notifyResident({
      userId: task.userId,
      at: now.toISOString(),
      kind: 'follow-up-invite',
      community: task.community,
      text: '谢谢您接听回访，还有想法欢迎随时提建议',
      page: INVITE_PAGE,
    });
  }
}

/** A resident answers a message-channel task in the app. */
export async function answerFollowUp(
  deps: CoreDeps,
  userId: string,
  input: AnswerInput & { id: string },
  now: Date,
) {
  const task = await deps.store.followUps.get(input.id);
  const patch = answerPatch(task, userId, input, now, await noCallsOf(deps, userId));
  const updated = await applyPatch(deps, task!, patch, '这条回访已经结束了，谢谢您');
  if (needsSeniorCall(input)) await escalate(deps, updated, now);
  return pendingOf(deps, userId, now);
}

/** The follow-up rule of each service that is followed up, as staff set them. */
export async function rulesFor(deps: CoreDeps, community: string) {
  return rulesOf(
    await communityOrThrow(deps, community),
    await deps.store.followUps.getRules(community),
  );
}

/** Sets one service's rule; only services that are followed up have one. */
export async function configureRule(
  deps: CoreDeps,
  input: { community: string; service: string; followUp: boolean; delayDays: number },
) {
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
}

/** The resident's 不要电话回访 as they see it on their follow-up page. */
export async function contactPreferenceOf(
  deps: CoreDeps,
  userId: string,
): Promise<ContactPreference> {
  const saved = await deps.store.followUps.contactOf(userId);
  return {
    noCalls: saved?.noCalls ?? false,
    updatedAt: saved ? isoLocal(new Date(saved.updatedAt)) : null,
  };
}

/** The resident turns calls off (questions in the app only) or back on; only their own. */
export async function setContactPreference(
  deps: CoreDeps,
  userId: string,
  noCalls: boolean,
  now: Date,
) {
  await deps.store.followUps.setContact(contactRecord(userId, noCalls, now));
  return contactPreferenceOf(deps, userId);
}
