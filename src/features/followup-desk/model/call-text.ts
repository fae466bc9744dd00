import { formatDate, formatDayTime } from '@/lib/shanghai-time';
import type {
  CallOutcome,
  FollowUpTask,
  RecordCallInput,
  Satisfaction,
  Solved,
} from '@/types/contract';
import { daysBetween, monthDay } from './dates';

/** The outcome buttons of a call, in the order shown. */
export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  reached: '接通',
  'no-answer': '无人接听',
  'wrong-number': '号码错误',
  declined: '不愿回访',
};

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  mostly: '基本满意',
  unsatisfied: '不满意',
};

export const SOLVED_LABELS: Record<Solved, string> = {
  yes: '已解决',
  partly: '部分解决',
  no: '未解决',
};

/** After this many unanswered calls the server closes the task (server/core/followup). */
export const MAX_ATTEMPTS = 3;

/** "138****5678": enough to recognise a number; the full one is only dialled. */
export { maskPhone } from '@/lib/mask-phone';

/** The number as a dialler takes it: digits and a leading +, nothing else. */
export function dialNumber(phone: string): string {
  return phone.replace(/[^\d+]/g, '');
}

/** "12月2日 周三 晚": the service evening a call follows. */
export function eveningText(date: string): string {
  return `${formatDate(date)} 晚`;
}

/** "第 1 次拨打", or "第 2 次拨打 · 前 1 次无人接听（最多 3 次）" once tried. */
export function attemptText(task: Pick<FollowUpTask, 'attempts'>): string {
  const tried = task.attempts.length;
  if (tried === 0) return '第 1 次拨打';
  return `第 ${tried + 1} 次拨打 · 前 ${tried} 次无人接听（最多 ${MAX_ATTEMPTS} 次）`;
}

/** "应在 11月26日 回访，已逾期 7 天". */
export function overdueText(task: Pick<FollowUpTask, 'due'>, today: string): string {
  return `应在 ${monthDay(task.due)} 回访，已逾期 ${daysBetween(task.due, today)} 天`;
}

/** How a finished call ended: "基本满意 · 已解决（希望多开一晚）" or why it closed. */
export function resultText(task: Pick<FollowUpTask, 'result' | 'closedReason'>): string {
  const { result } = task;
  if (!result) return task.closedReason ? `已结束：${task.closedReason}` : '已结束';
  const words = `${SATISFACTION_LABELS[result.satisfaction]} · ${SOLVED_LABELS[result.solved]}`;
  return result.note ? `${words}（${result.note}）` : words;
}

/** When the last attempt was made: "12月3日 周四 10:05", or null before the first. */
export function lastAttemptAt(task: Pick<FollowUpTask, 'attempts'>): string | null {
  const last = task.attempts[task.attempts.length - 1];
  return last ? formatDayTime(last.at) : null;
}

/** Does this result call for a senior worker's 复访? (不满意 or 未解决 on a first call.) */
export function needsSeniorCall(task: Pick<FollowUpTask, 'kind' | 'result'>): boolean {
  const { result } = task;
  return (
    task.kind === 'first' &&
    result !== null &&
    (result.satisfaction === 'unsatisfied' || result.solved === 'no')
  );
}

/** What staff are told once the server has the call: the task as it came back. */
export function recordedText(task: FollowUpTask, input: RecordCallInput): string {
  if (task.status === 'open') {
    const left = MAX_ATTEMPTS - task.attempts.length;
    return `已记录 ${task.name} 无人接听（第 ${task.attempts.length} 次），还可以再打 ${left} 次`;
  }
  if (task.status === 'closed')
    return `${task.name} 的回访已结束：${task.closedReason ?? '未接通'}`;
  const parts = [`已记录 ${task.name} 的回访：${resultText(task)}`];
  if (input.suggestion) parts.push('建议已代居民提交');
  if (needsSeniorCall(task)) parts.push('已生成复访任务，请资深社工 48 小时内再回访');
  return parts.join('；');
}
