import type { Choice } from '@/components/choice-group/choice-group';
import { monthDay } from '@/lib/shanghai-time';
import type { ChangeEntry, Solved, Suggestion, SuggestionStatus } from '@/types/contract';

/** What the server accepts for a suggestion's text. */
export const TEXT_MAX = 500;

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

/** Did the answer (or the service a follow-up asks about) solve the problem? */
export const SOLVED_CHOICES: Choice<Solved>[] = [
  { id: 'yes', text: '已解决' },
  { id: 'partly', text: '部分解决' },
  { id: 'no', text: '未解决' },
];

/** "已改进：周三晚增加康复理疗（12月9日 起）". */
export function changeLine(change: Pick<ChangeEntry, 'title' | 'since'>): string {
  return `已改进：${change.title}（${monthDay(change.since)} 起）`;
}

/** "来自建议 JS-1202-003、JS-1202-005", or null when none is linked. */
export function receiptsLine(receipts: string[]): string | null {
  return receipts.length > 0 ? `来自建议 ${receipts.join('、')}` : null;
}

/**
 * How far a suggestion got beyond the answer: 已开通 once a change made it a service, 已列入点单
 * once residents voted it onto a published menu, 居民投票中 while a round has it; else null.
 */
export function milestoneOf(s: Pick<Suggestion, 'change' | 'round'>): string | null {
  if (s.change) return '已开通';
  if (s.round?.status === 'voted-in') return '已列入点单';
  if (s.round?.status === 'voting') return '居民投票中';
  return null;
}
