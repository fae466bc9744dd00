import { shanghaiDate } from '@/lib/shanghai-time';
import type {
  ChangeEntry,
  ResidentFollowUp,
  Satisfaction,
  Solved,
  SuggestionStatus,
} from '@/types/contract';

/** What the server accepts: a suggestion's text, and the note with a follow-up answer. */
export const TEXT_MAX = 500;
export const NOTE_MAX = 500;

/** The status in words (the server's own), never a colour alone. */
export const STATUS_WORDS: Record<SuggestionStatus, string> = {
  received: '已收到',
  reviewing: '处理中',
  adopted: '已采纳',
  answered: '已答复',
  'not-adopted': '暂不采纳',
  merged: '已合并',
};

/** Statuses with the community's answer: the author can say whether it solved the problem. */
export const ANSWERED_STATUSES: readonly SuggestionStatus[] = [
  'adopted',
  'answered',
  'not-adopted',
];

export const isAnswered = (status: SuggestionStatus) => ANSWERED_STATUSES.includes(status);

export interface Choice<T extends string> {
  id: T;
  text: string;
}

export const SATISFACTION_CHOICES: Choice<Satisfaction>[] = [
  { id: 'satisfied', text: '满意' },
  { id: 'mostly', text: '基本满意' },
  { id: 'unsatisfied', text: '不满意' },
];

export const SOLVED_CHOICES: Choice<Solved>[] = [
  { id: 'yes', text: '已解决' },
  { id: 'partly', text: '部分解决' },
  { id: 'no', text: '未解决' },
];

/** "2026-12-02" → "12月2日" (a Shanghai date as it is). */
export function monthDay(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
}

/** An ISO instant → "12月2日" in Shanghai. */
export function dayOf(instant: string): string {
  return monthDay(shanghaiDate(instant));
}

/** "关于 12月2日 的服务": what a suggestion made from a follow-up is about. */
export function followUpTopic(followUp: Pick<ResidentFollowUp, 'date'>): string {
  return `关于 ${monthDay(followUp.date)} 的服务`;
}

/** "政务服务 19:00、书法体验课", or null when the evening's services are not known. */
export function servicesText(followUp: Pick<ResidentFollowUp, 'services'>): string | null {
  return followUp.services.length > 0 ? followUp.services.join('、') : null;
}

/** "已改进：周三晚增加康复理疗（12月9日 起）". */
export function changeLine(change: Pick<ChangeEntry, 'title' | 'since'>): string {
  return `已改进：${change.title}（${monthDay(change.since)} 起）`;
}

/** "来自建议 JS-1202-003、JS-1202-005", or null when none is linked. */
export function receiptsLine(receipts: string[]): string | null {
  return receipts.length > 0 ? `来自建议 ${receipts.join('、')}` : null;
}

/** Follow-ups that wait for the resident's answer in the app (invitations do not). */
export const asksOf = (pending: ResidentFollowUp[]) => pending.filter((f) => f.kind === 'ask');

/**
 * The tonight card's line about follow-ups: the questions waiting for an answer, else an
 * invitation after a call; null when there is nothing.
 */
export function pendingPrompt(pending: ResidentFollowUp[] | null): string | null {
  if (!pending || pending.length === 0) return null;
  const asks = asksOf(pending).length;
  return asks > 0 ? `您有 ${asks} 条回访待回复` : '社工回访过您，还有想法欢迎提建议';
}
