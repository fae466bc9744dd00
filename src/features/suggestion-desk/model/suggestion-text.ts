import type { StaffSuggestion, SuggestionStatus } from '@/types/contract';

export const STATUS_LABELS: Record<SuggestionStatus, string> = {
  received: '已收到',
  reviewing: '处理中',
  adopted: '已采纳',
  answered: '已答复',
  'not-adopted': '暂不采纳',
  merged: '已合并',
};

export const SOURCE_LABELS: Record<StaffSuggestion['source'], string> = {
  resident: '居民提交',
  call: '回访代提',
};

export type StatusFilter = 'all' | SuggestionStatus;

/** The filter chips, in the order a suggestion moves through them. */
export const STATUS_FILTERS: readonly StatusFilter[] = [
  'all',
  'received',
  'reviewing',
  'adopted',
  'answered',
  'not-adopted',
  'merged',
];

export const filterLabel = (filter: StatusFilter) =>
  filter === 'all' ? '全部' : STATUS_LABELS[filter];

export function filterSuggestions(list: StaffSuggestion[], filter: StatusFilter) {
  return filter === 'all' ? list : list.filter((s) => s.status === filter);
}

/** How many suggestions each chip would show. */
export function countOf(list: StaffSuggestion[], filter: StatusFilter): number {
  return filterSuggestions(list, filter).length;
}

/** Where a suggestion may be merged: another one of the list that is not merged itself. */
export function mergeTargets(list: StaffSuggestion[], s: StaffSuggestion): StaffSuggestion[] {
  return list.filter((t) => t.id !== s.id && t.status !== 'merged');
}

/** "JS-1202-001 周五晚上也开放吗…": a suggestion named in a short line. */
export function shortName(s: Pick<StaffSuggestion, 'receipt' | 'text'>, length = 14): string {
  const text = s.text.replace(/\s+/g, ' ');
  return `${s.receipt} ${text.length > length ? `${text.slice(0, length)}…` : text}`;
}

/** Adopted and not yet answered by a "你说我做" entry: may be linked to a new one. */
export const canLinkToChange = (s: StaffSuggestion) => s.status === 'adopted' && s.change === null;

/** The suggestion's state in words, beyond its tag: what residents were told. */
export function answerLines(s: StaffSuggestion, list: StaffSuggestion[]): string[] {
  const lines: string[] = [];
  if (s.mergedInto) {
    const into = list.find((t) => t.id === s.mergedInto);
    lines.push(`已合并到 ${into?.receipt ?? '另一条建议'}`);
  } else if (s.reply) {
    lines.push(`答复：${s.reply}`);
  }
  if (s.reason) lines.push(`原因：${s.reason}`);
  if (s.change) lines.push(`改进：${s.change.title}（${s.change.since} 起）`);
  return lines;
}
