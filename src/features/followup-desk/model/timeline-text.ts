import { formatDate, formatDayTime } from '@/lib/shanghai-time';
import type { TimelineEntry } from '@/types/contract';

/** Each kind of entry has an icon (decoration only) and a word (what is read out). */
export const KIND_LOOK: Record<TimelineEntry['kind'], { icon: string; word: string }> = {
  visit: { icon: '🏠', word: '到访' },
  'follow-up': { icon: '☎', word: '回访' },
  suggestion: { icon: '💡', word: '建议' },
  reply: { icon: '💬', word: '答复' },
  round: { icon: '🗳', word: '居民点单' },
  menu: { icon: '📋', word: '点单结果' },
  change: { icon: '✅', word: '改进' },
};

/** Oldest first; entries at the same moment keep the server's order (visit → call → …). */
export function inOrder(entries: TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.localeCompare(b.entry.at) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** A visit is an evening ("12月2日 周三 晚"); everything else has its moment. */
export function entryWhen(entry: TimelineEntry): string {
  return entry.kind === 'visit'
    ? `${formatDate(entry.at.slice(0, 10))} 晚`
    : formatDayTime(entry.at);
}
