/**
 * The follow-up rules as pure decisions on loaded tasks: both stores load a task, call one of
 * these and write what it returns inside their own transaction; calls.ts uses them for the
 * actions.
 */
import type {
  FollowUpChannel,
  RecordCallInput,
  Satisfaction,
  Solved,
} from '../../../contract/followup';
import { AppError, notFound } from '../errors';
import type { FollowUpPatch, FollowUpRecord } from '../ports';

/** After this many unanswered calls a task is closed. */
export const MAX_ATTEMPTS = 3;

/** One task per resident per evening and kind: what a store keeps unique. */
export const taskKey = (r: Pick<FollowUpRecord, 'community' | 'date' | 'residentKey' | 'kind'>) =>
  [r.community, r.date, r.residentKey, r.kind] as const;

/** What a resident's choice becomes: checked by the action's schema, stamped now. */
export const contactRecord = (userId: string, noCalls: boolean, now: Date) => ({
  userId,
  noCalls,
  updatedAt: now.toISOString(),
});

/** Creating a task whose key is taken gives back the task made first (the job may run twice). */
export const firstTask = (existing: FollowUpRecord | null, record: FollowUpRecord) =>
  existing ? { created: false, record: existing } : { created: true, record };

/**
 * Compare-and-set: the patched task only while it is open with exactly `attempts` attempts
 * recorded, so two workers recording at once cannot both count; else null.
 */
export function patchIfUnchanged(
  current: FollowUpRecord | null,
  attempts: number,
  patch: FollowUpPatch,
): FollowUpRecord | null {
  if (!current || current.status !== 'open' || current.attempts.length !== attempts) return null;
  const fields = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return { ...current, ...fields };
}

/**
 * What erasing leaves of a task: no owner, no phone, no name, no note; the resident key becomes
 * the task's own (it was the user id). The rest of the result (satisfaction, solved) stays as an
 * anonymous figure.
 */
export const erasedTask = (r: FollowUpRecord): FollowUpRecord => ({
  ...r,
  residentKey: `erased:${r.id}`,
  userId: null,
  phone: null,
  name: '',
  result: r.result ? { ...r.result, note: '' } : null,
});

const CLOSED_BY: Record<string, string> = {
  'wrong-number': '号码错误',
  declined: '居民不愿回访',
};

/**
 * What one call attempt does to an open call task: 接通 is done with a result; 号码错误 and
 * 不愿回访 close it; 无人接听 leaves it open for another day until the MAX_ATTEMPTS-th closes it.
 */
export function attemptPatch(
  task: FollowUpRecord,
  input: RecordCallInput,
  by: string,
  now: Date,
  noCalls = false,
): FollowUpPatch {
  if (task.status !== 'open') throw new AppError('CONFLICT', '这条回访已经结束了');
  if (noCalls) throw new AppError('CONFLICT', '这位居民不要电话回访，已改为在小程序里询问');
  if (task.channel !== 'call') {
    // Residents answer message-channel tasks themselves in the app.
    throw new AppError('CONFLICT', '这位居民没有可拨打的电话，已改为在小程序里询问');
  }
  const at = now.toISOString();
  const attempts = [...task.attempts, { outcome: input.outcome, at, by }];
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

export interface AnswerInput {
  satisfaction: Satisfaction;
  solved: Solved;
  note?: string;
}

/** A resident answering their own open message-channel task in the app: done with the result. */
export function answerPatch(
  task: FollowUpRecord | null,
  userId: string,
  input: AnswerInput,
  now: Date,
  noCalls = false,
): FollowUpPatch {
  if (!task || task.userId !== userId) throw notFound('没有找到这条回访');
  if (task.status !== 'open' || channelOf(task, noCalls) !== 'message') {
    throw new AppError('CONFLICT', '这条回访已经结束了，谢谢您');
  }
  const result = { satisfaction: input.satisfaction, solved: input.solved, note: input.note ?? '' };
  return { status: 'done', result, closedAt: now.toISOString() };
}

/** 不满意 or 未解决 calls for a second follow-up by a senior worker. */
export const needsSeniorCall = (r: { satisfaction?: Satisfaction; solved?: Solved }) =>
  r.satisfaction === 'unsatisfied' || r.solved === 'no';

/**
 * The senior follow-up of a first one: due today, to be made within 48 h, on the staff list even
 * without a phone (then in person at the desk). Null when there is nobody to reach or it is
 * already a senior one.
 */
export function seniorTask(
  task: FollowUpRecord,
  id: string,
  today: string,
  now: Date,
): FollowUpRecord | null {
  if (task.kind !== 'first' || (!task.phone && !task.userId)) return null;
  return {
    ...task,
    id,
    kind: 'senior',
    parentId: task.id,
    channel: 'call',
    due: today,
    status: 'open',
    attempts: [],
    result: null,
    closedReason: null,
    suggestionId: null,
    createdAt: now.toISOString(),
    closedAt: null,
  };
}

/**
 * How the job reaches a resident: 不要电话回访 (noCalls) means a question in the app and no
 * phone kept on the task (we need none); else a call when there is a number, else a question in
 * the app to a known user; null when there is no way.
 */
export function contactFor(
  phone: string | null,
  userId: string | null,
  noCalls: boolean,
): { channel: FollowUpChannel; phone: string | null } | null {
  if (userId && noCalls) return { channel: 'message', phone: null };
  if (phone) return { channel: 'call', phone };
  return userId ? { channel: 'message', phone: null } : null;
}

/**
 * The channel a task is followed on now: a resident who turned calls off after it was made is
 * asked in the app instead, and called again if they turn calls back on before answering.
 */
export const channelOf = (task: Pick<FollowUpRecord, 'channel' | 'userId'>, noCalls: boolean) =>
  noCalls && task.userId ? 'message' : task.channel;

/**
 * The staff call list: open call tasks due today, overdue, and how many are coming. Tasks of
 * residents in `noCalls` stay listed (staff see 不要电话 and do not call), whatever their channel.
 */
export function callList(
  open: FollowUpRecord[],
  today: string,
  noCalls: ReadonlySet<string> = new Set(),
) {
  // Other message-channel tasks are answered by residents in the app: the call list shows calls.
  const calls = open.filter(
    (t) => t.channel === 'call' || (t.userId !== null && noCalls.has(t.userId)),
  );
  return {
    dueToday: calls.filter((t) => t.due === today),
    overdue: calls.filter((t) => t.due < today),
    upcoming: calls.filter((t) => t.due > today).length,
  };
}
