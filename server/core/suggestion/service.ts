import type {
  ChangeEntry,
  StaffSuggestion,
  Suggestion,
  SuggestionStatus,
} from '../../../contract/followup';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { ChangeRecord, CommunityRecord, SuggestionRecord } from '../ports';
import { isoLocal, local } from '../time';

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
/** After an answer, its author can reopen it for this long. */
export const REOPEN_DAYS = 30;
export const ANSWERED: SuggestionStatus[] = ['adopted', 'answered', 'not-adopted'];

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

const reopenable = (s: SuggestionRecord, now: Date) =>
  ANSWERED.includes(s.status) &&
  s.answeredAt !== null &&
  now.getTime() - Date.parse(s.answeredAt) <= REOPEN_DAYS * 24 * 3600 * 1000;

export async function suggestionView(
  deps: CoreDeps,
  s: SuggestionRecord,
  now: Date,
): Promise<Suggestion> {
  const community = await deps.store.communities.get(s.community);
  const category = community ? categoriesOf(community).find((c) => c.id === s.category) : null;
  const change = s.changeId ? await deps.store.suggestions.getChange(s.changeId) : null;
  const photo = s.photo && deps.media ? await deps.media.url(s.photo) : null;
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
  };
}

export async function staffSuggestionView(
  deps: CoreDeps,
  s: SuggestionRecord,
  now: Date,
): Promise<StaffSuggestion> {
  return {
    ...(await suggestionView(deps, s, now)),
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
    page: 'package-voice/pages/mine/index',
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
