/**
 * The suggestion rules as pure decisions on loaded records: both stores load the few records a
 * rule needs, call it, and write what it returns inside their own transaction, so no rule is
 * written twice. The actions reach them through service.ts.
 */
import type { Solved } from '../../../contract/followup';
import type { SuggestionStatus } from '../../../contract/suggestion';
import { AppError } from '../errors';
import type { ChangeRecord, SuggestionPatch, SuggestionRecord, SubmitOutcome } from '../ports';

/** After an answer, its author can reopen it for this long. */
export const REOPEN_DAYS = 30;
export const ANSWERED: SuggestionStatus[] = ['adopted', 'answered', 'not-adopted'];
/** Every status but 'merged': a merged suggestion is answered on the one it was merged into. */
export const OPEN_TO_STAFF: SuggestionStatus[] = [
  'received',
  'reviewing',
  'adopted',
  'answered',
  'not-adopted',
];

export type Submission = Omit<SuggestionRecord, 'receipt'>;
export type DailyLimit = { since: string; max: number } | null;

/** "JS-1202-003": the prefix and the number within it, three digits at least. */
export const receiptOf = (prefix: string, seq: number) =>
  `${prefix}-${String(seq).padStart(3, '0')}`;

/** Only a resident's own suggestions count towards their daily limit; one filed on a call does not. */
export const countsTowardLimit = (s: Pick<SuggestionRecord, 'userId' | 'source'>) =>
  s.userId !== null && s.source === 'resident';

/**
 * Before a number is taken: a known request comes back as it was filed ('existing'), a resident
 * who already filed `limit.max` of their own since `limit.since` is 'limited', else 'file'.
 * `filedAt` holds when the author filed their own suggestions (any may predate `since`).
 */
export function decideSubmit(
  known: SuggestionRecord | null,
  filedAt: readonly string[],
  record: Submission,
  limit: DailyLimit,
): Exclude<SubmitOutcome, { kind: 'created' }> | { kind: 'file' } {
  if (known) return { kind: 'existing', record: known };
  if (limit && record.userId !== null) {
    if (filedAt.filter((at) => at >= limit.since).length >= limit.max) return { kind: 'limited' };
  }
  return { kind: 'file' };
}

/** When the author filed their own suggestions, `at` added: newest first, the latest `kept`. */
export const withFiling = (filedAt: readonly string[], at: string, kept: number) =>
  [at, ...filedAt].sort().reverse().slice(0, kept);

/** The filed suggestion: numbered after the last number given under its prefix. */
export const numbered = (record: Submission, prefix: string, last: number): SuggestionRecord => ({
  ...record,
  receipt: receiptOf(prefix, last + 1),
});

/** Compare-and-set on status: the patched suggestion, or null when its status moved on. */
export function patchIfStatus(
  current: SuggestionRecord | null,
  from: readonly SuggestionStatus[],
  patch: SuggestionPatch,
): SuggestionRecord | null {
  if (!current || !from.includes(current.status)) return null;
  const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return { ...current, ...fields };
}

/**
 * A logged change adopts each linked suggestion of its community (one merged into another stays
 * merged) and answers it now unless it was answered before. Null for another community's.
 */
export function adoptedBy(
  s: SuggestionRecord | null,
  change: ChangeRecord,
  now: string,
): SuggestionRecord | null {
  if (!s || s.community !== change.community) return null;
  return {
    ...s,
    changeId: change.id,
    updatedAt: now,
    status: s.status === 'merged' ? s.status : 'adopted',
    answeredAt: s.answeredAt ?? now,
  };
}

/** What erasing leaves of a suggestion: no author, no name, no photo; the text stays for counts. */
export const erasedSuggestion = (s: SuggestionRecord): SuggestionRecord => ({
  ...s,
  userId: null,
  name: '',
  photo: null,
});

/** A compare-and-set the core asks a store for: from which statuses, to what. */
export interface StatusChange {
  from: SuggestionStatus[];
  patch: SuggestionPatch;
}

export const reopenable = (s: SuggestionRecord, now: Date) =>
  ANSWERED.includes(s.status) &&
  s.answeredAt !== null &&
  now.getTime() - Date.parse(s.answeredAt) <= REOPEN_DAYS * 24 * 3600 * 1000;

/** The author reopens an answer within REOPEN_DAYS: back to 处理中. */
export function reopenChange(s: SuggestionRecord, now: Date): StatusChange {
  if (!reopenable(s, now)) throw new AppError('CONFLICT', '只能在答复后 30 天内重新打开建议');
  return { from: ANSWERED, patch: { status: 'reviewing', updatedAt: now.toISOString() } };
}

/** The author says whether an answer solved it; only once there is an answer. */
export function solvedChange(s: SuggestionRecord, solved: Solved, now: Date): StatusChange {
  if (!ANSWERED.includes(s.status)) {
    throw new AppError('CONFLICT', '社区答复以后，才能告诉我们是否解决');
  }
  return { from: ANSWERED, patch: { solved, updatedAt: now.toISOString() } };
}

export interface ReplyInput {
  status: 'reviewing' | 'adopted' | 'answered' | 'not-adopted';
  reply: string;
  reason?: string;
}

/** Staff answer: 暂不采纳 needs a reason; 处理中 is not an answer, so it keeps the answer time. */
export function replyChange(s: SuggestionRecord, input: ReplyInput, now: Date): StatusChange {
  if (input.status === 'not-adopted' && !input.reason) {
    throw new AppError('BAD_INPUT', '暂不采纳时请写明原因', 'reason');
  }
  const at = now.toISOString();
  return {
    from: OPEN_TO_STAFF,
    patch: {
      status: input.status,
      reply: input.reply,
      reason: input.reason ?? null,
      updatedAt: at,
      answeredAt: input.status === 'reviewing' ? s.answeredAt : at,
    },
  };
}

/** Merging into another suggestion of the community that is not itself merged. */
export function mergeChange(
  s: SuggestionRecord,
  target: SuggestionRecord | null,
  now: Date,
): StatusChange {
  if (!target || target.community !== s.community || target.id === s.id) {
    throw new AppError('BAD_INPUT', '只能合并到本社区的另一条建议', 'into');
  }
  if (target.status === 'merged') throw new AppError('BAD_INPUT', '不能合并到已合并的建议', 'into');
  const at = now.toISOString();
  return {
    from: OPEN_TO_STAFF,
    patch: {
      status: 'merged',
      mergedInto: target.id,
      reply: `与建议 ${target.receipt} 内容相同，合并处理，结果请看 ${target.receipt}`,
      updatedAt: at,
      answeredAt: at,
    },
  };
}
