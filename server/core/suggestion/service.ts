import type { Solved } from '../../../contract/followup';
import type {
  ChangeEntry,
  StaffSuggestion,
  Suggestion,
  SuggestionStatus,
} from '../../../contract/suggestion';
import { communityOrThrow } from '../kernel/community';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { ChangeRecord, CommunityRecord, RoundRecord, SuggestionRecord } from '../ports';
import { roundStatusOf, threadOf } from './thread';
import { isoLocal, local } from '../kernel/time';
import { assertAttachable, markAttached, storeUpload, type UploadInput } from '../upload/service';
import { newId } from '../kernel/ids';
import {
  ANSWERED,
  mergeChange,
  reopenable,
  reopenChange,
  replyChange,
  solvedChange,
  type ReplyInput,
  type StatusChange,
  type Submission,
} from './rules';

/** Beyond the community's own services, suggestions can be about these. */
const EXTRA_CATEGORIES: Array<{ id: string; name: string }> = [
  { id: 'hours', name: '开放时间' },
  { id: 'environment', name: '环境设施' },
  { id: 'other', name: '其他' },
];

export const categoriesOf = (community: CommunityRecord) => [
  ...[...community.services]
    .sort((a, b) => a.sort - b.sort)
    .map((s) => ({ id: s.id, name: s.name })),
  ...EXTRA_CATEGORIES,
];

/** A resident may leave this many suggestions a day; more is refused with a clear message. */
export const DAILY_LIMIT = 5;
export { ANSWERED, REOPEN_DAYS } from './rules';

export const STATUS_WORDS: Record<SuggestionStatus, string> = {
  received: '已收到',
  reviewing: '处理中',
  adopted: '已采纳',
  answered: '已答复',
  'not-adopted': '暂不采纳',
  merged: '已合并',
};

/** "JS-1202": the community's first two letters and the day; the store adds the number. */
export const receiptPrefix = (community: string, now: Date) =>
  `${community.slice(0, 2).toUpperCase()}-${local(now).format('MMDD')}`;

/** Midnight of today in Asia/Shanghai, as an ISO instant: the daily limit counts from here. */
export const startOfToday = (now: Date) =>
  new Date(`${local(now).format('YYYY-MM-DD')}T00:00:00+08:00`).toISOString();

export async function suggestionOrThrow(deps: CoreDeps, id: string) {
  const s = await deps.store.suggestions.get(id);
  if (!s) throw notFound('没有找到这条建议');
  return s;
}

export async function changeView(deps: CoreDeps, c: ChangeRecord): Promise<ChangeEntry> {
  const receipts: string[] = [];
  for (const id of c.suggestionIds) {
    const s = await deps.store.suggestions.get(id);
    if (s) receipts.push(s.receipt);
  }
  return {
    id: c.id,
    title: c.title,
    detail: c.detail,
    since: c.since,
    receipts,
    createdAt: isoLocal(new Date(c.createdAt)),
  };
}

/** A community's rounds, read once for all its suggestions in one answer. */
export type RoundsOf = (community: string) => Promise<RoundRecord[]>;

export const roundsReader = (deps: CoreDeps): RoundsOf => {
  const read = new Map<string, Promise<RoundRecord[]>>();
  return (community) => {
    if (!read.has(community)) read.set(community, deps.store.surveys.rounds(community));
    return read.get(community)!;
  };
};

export async function suggestionView(
  deps: CoreDeps,
  s: SuggestionRecord,
  now: Date,
  roundsOf: RoundsOf = roundsReader(deps),
): Promise<Suggestion> {
  const community = await deps.store.communities.get(s.community);
  const category = community ? categoriesOf(community).find((c) => c.id === s.category) : null;
  const change = s.changeId ? await deps.store.suggestions.getChange(s.changeId) : null;
  const photo = s.photo && deps.media ? await deps.media.url(s.photo) : null;
  const rounds = await roundsOf(s.community);
  const task = s.followUpId ? await deps.store.followUps.get(s.followUpId) : null;
  return {
    id: s.id,
    receipt: s.receipt,
    community: s.community,
    category: s.category,
    categoryName: category?.name ?? s.category,
    text: s.text,
    photo,
    status: s.status,
    reply: s.reply,
    reason: s.reason,
    change: change ? await changeView(deps, change) : null,
    mergedInto: s.mergedInto,
    solved: s.solved,
    reopenable: reopenable(s, now),
    createdAt: isoLocal(new Date(s.createdAt)),
    answeredAt: s.answeredAt ? isoLocal(new Date(s.answeredAt)) : null,
    round: roundStatusOf(s, rounds),
    thread: threadOf(s, { task, rounds, change, statusWords: STATUS_WORDS }),
  };
}

export async function staffSuggestionView(
  deps: CoreDeps,
  s: SuggestionRecord,
  now: Date,
  roundsOf?: RoundsOf,
): Promise<StaffSuggestion> {
  return {
    ...(await suggestionView(deps, s, now, roundsOf)),
    author: s.name || (s.userId ? `居民（尾号 ${s.userId.slice(-4)}）` : '匿名'),
    resident: s.userId,
    source: s.source,
    followupId: s.followUpId,
  };
}

/** Tells the author about a new status; anonymous (erased) suggestions have nobody to tell. */
export async function tellAuthor(deps: CoreDeps, s: SuggestionRecord, now: Date) {
  if (!s.userId) return;
  await deps.notifier?.notifyResident({
    userId: s.userId,
    at: now.toISOString(),
    kind: 'suggestion-status',
    community: s.community,
    text: `您的建议 ${s.receipt} ${STATUS_WORDS[s.status]}`,
    page: 'package-suggestion/pages/mine/index',
  });
}

/** Files a suggestion after the checks every source shares. */
export async function fileSuggestion(
  deps: CoreDeps,
  record: Omit<SuggestionRecord, 'receipt'>,
  now: Date,
  limited: boolean,
) {
  if (record.userId && deps.contentCheck) {
    const verdict = await deps.contentCheck.check(record.text, record.userId);
    if (verdict === 'block') {
      throw new AppError('BAD_INPUT', '内容未通过安全检查，请修改后再提交', 'text');
    }
  }
  const outcome = await deps.store.suggestions.submit(
    record,
    receiptPrefix(record.community, now),
    limited && record.userId ? { since: startOfToday(now), max: DAILY_LIMIT } : null,
  );
  if (outcome.kind === 'limited') {
    throw new AppError('RATE_LIMITED', `每人每天最多提 ${DAILY_LIMIT} 条建议，明天再来吧`);
  }
  if (outcome.kind === 'created' && record.followUpId) {
    await deps.store.followUps.linkSuggestion(record.followUpId, outcome.record.id);
  }
  return outcome.record;
}

/** Asks the store for a compare-and-set on status; `conflict` says why it no longer applies. */
async function changeStatus(deps: CoreDeps, id: string, change: StatusChange, conflict: string) {
  const updated = await deps.store.suggestions.update(id, change.from, change.patch);
  if (!updated) throw new AppError('CONFLICT', conflict);
  return updated;
}

async function ownSuggestion(deps: CoreDeps, userId: string, id: string) {
  const s = await deps.store.suggestions.get(id);
  if (!s || s.userId !== userId) throw notFound('没有找到这条建议');
  return s;
}

export interface SubmitInput {
  community: string;
  category: string;
  text: string;
  photo?: string;
  followupId?: string;
  requestId: string;
}

/** A resident's suggestion: a known category, their own follow-up, a stored photo, the daily limit. */
export async function submitSuggestion(
  deps: CoreDeps,
  userId: string,
  input: SubmitInput,
  now: Date,
) {
  const community = await communityOrThrow(deps, input.community);
  if (!categoriesOf(community).some((c) => c.id === input.category)) {
    throw new AppError('BAD_INPUT', '没有这个建议类别', 'category');
  }
  if (input.followupId) {
    const task = await deps.store.followUps.get(input.followupId);
    if (!task || task.userId !== userId) throw notFound('没有找到这条回访');
  }
  // Checked when it was uploaded (storeUpload); here it must be a live upload of this community.
  if (input.photo) await assertAttachable(deps, input.photo, community.id, 'photo', now);
  const record = await fileSuggestion(
    deps,
    newSuggestion({
      id: newId(),
      community: community.id,
      userId,
      name: '',
      category: input.category,
      text: input.text,
      photo: input.photo ?? null,
      followUpId: input.followupId ?? null,
      source: 'resident',
      requestId: input.requestId,
      now,
    }),
    now,
    true,
  );
  if (record.photo) await markAttached(deps, record.photo, now);
  return suggestionView(deps, record, now);
}

/** A new suggestion as filed: received, unanswered. */
export function newSuggestion(
  s: Pick<
    SuggestionRecord,
    | 'id'
    | 'community'
    | 'userId'
    | 'name'
    | 'category'
    | 'text'
    | 'photo'
    | 'followUpId'
    | 'source'
    | 'requestId'
  > & { now: Date },
): Submission {
  const { now, ...fields } = s;
  const at = now.toISOString();
  return {
    ...fields,
    status: 'received',
    reply: null,
    reason: null,
    mergedInto: null,
    changeId: null,
    solved: null,
    createdAt: at,
    updatedAt: at,
    answeredAt: null,
  };
}

/** A resident's own suggestions, as their page shows them. */
export async function mySuggestions(deps: CoreDeps, userId: string, now: Date) {
  const records = await deps.store.suggestions.ofUser(userId);
  const roundsOf = roundsReader(deps);
  return Promise.all(records.map((s) => suggestionView(deps, s, now, roundsOf)));
}

/** A community's suggestions as the desk handles them, with their authors. */
export async function staffSuggestions(deps: CoreDeps, community: string, now: Date) {
  await communityOrThrow(deps, community);
  const records = await deps.store.suggestions.list(community);
  const roundsOf = roundsReader(deps);
  return Promise.all(records.map((s) => staffSuggestionView(deps, s, now, roundsOf)));
}

/**
 * Stores a resident's photo for a suggestion they are writing (storeUpload: checked, within the
 * daily quota, deleted unless a suggestion holds it within UPLOAD_WINDOW_MINUTES).
 */
export async function uploadPhoto(deps: CoreDeps, userId: string, input: UploadInput, now: Date) {
  await communityOrThrow(deps, input.community);
  return { photo: await storeUpload(deps, userId, 'photo', input, now) };
}

/** The public 回音墙: answered suggestions without author or photo, and the changes made. */
export async function echoWall(deps: CoreDeps, id: string) {
  const community = await communityOrThrow(deps, id);
  const answered = (await deps.store.suggestions.list(community.id)).filter((s) =>
    ANSWERED.includes(s.status),
  );
  const categories = categoriesOf(community);
  return {
    community: { id: community.id, name: community.name },
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
}

const MOVED_ON = '这条建议刚刚有了变化，请刷新后再看';

export async function reopenSuggestion(deps: CoreDeps, userId: string, id: string, now: Date) {
  const s = await ownSuggestion(deps, userId, id);
  const updated = await changeStatus(deps, s.id, reopenChange(s, now), MOVED_ON);
  return suggestionView(deps, updated, now);
}

export async function answerSolved(
  deps: CoreDeps,
  userId: string,
  id: string,
  solved: Solved,
  now: Date,
) {
  const s = await ownSuggestion(deps, userId, id);
  const updated = await changeStatus(deps, s.id, solvedChange(s, solved, now), MOVED_ON);
  return suggestionView(deps, updated, now);
}

export async function replySuggestion(
  deps: CoreDeps,
  input: ReplyInput & { id: string },
  now: Date,
) {
  const s = await suggestionOrThrow(deps, input.id);
  const change = replyChange(s, input, now);
  const updated = await changeStatus(deps, s.id, change, '这条建议已合并，请在合并后的建议上答复');
  await tellAuthor(deps, updated, now);
  return staffSuggestionView(deps, updated, now);
}

export async function mergeSuggestion(deps: CoreDeps, id: string, into: string, now: Date) {
  const s = await suggestionOrThrow(deps, id);
  const change = mergeChange(s, await deps.store.suggestions.get(into), now);
  const updated = await changeStatus(deps, s.id, change, '这条建议已经合并过了');
  await tellAuthor(deps, updated, now);
  return staffSuggestionView(deps, updated, now);
}

export interface ChangeInput {
  community: string;
  title: string;
  detail: string;
  since: string;
  suggestionIds: string[];
}

/** "你说我做": a change linked to suggestions of the community, which it adopts; authors are told. */
export async function logChange(deps: CoreDeps, input: ChangeInput, by: string, now: Date) {
  const linked: SuggestionRecord[] = [];
  for (const id of new Set(input.suggestionIds)) {
    const s = await deps.store.suggestions.get(id);
    if (!s || s.community !== input.community) {
      throw new AppError('BAD_INPUT', '只能关联本社区的建议', 'suggestionIds');
    }
    linked.push(s);
  }
  const change: ChangeRecord = {
    id: newId(),
    community: input.community,
    title: input.title,
    detail: input.detail,
    since: input.since,
    suggestionIds: linked.map((s) => s.id),
    createdBy: by,
    createdAt: now.toISOString(),
  };
  await deps.store.suggestions.addChange(change, now.toISOString());
  for (const s of linked) {
    const updated = await deps.store.suggestions.get(s.id);
    if (updated) await tellAuthor(deps, updated, now);
  }
  return changeView(deps, change);
}
