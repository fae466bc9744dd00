import { formatClock, formatDate, formatDayTime, shanghaiDate } from '@/lib/shanghai-time';
import type { ServiceKind, Tonight } from '@/types/contract';

export type StatusKind = 'open' | 'later' | 'ended' | 'not-tonight';

export interface TonightStatus {
  kind: StatusKind;
  /** "开放中 17:00–20:00", "今晚 17:00 开放", "今晚服务已结束", "今晚未开放". */
  title: string;
  /** "下次开放：12月2日 周三 17:00", or null while open. */
  next: string | null;
  /**
   * Evenings staff cancelled before the next opening, with the reason: "今晚暂停开放：台风停课",
   * "12月9日 周三暂停开放：国庆假期". Null when none.
   */
  cancelled?: string | null;
}

/** What the calendar cancelled from today up to the next opening, in one line. */
function cancelledLine(t: Tonight): string | null {
  const lines = (t.cancelled ?? []).map(
    (c) => `${c.date === t.date ? '今晚' : formatDate(c.date)}暂停开放：${c.reason}`,
  );
  return lines.length > 0 ? lines.join('；') : null;
}

/**
 * What the status card says, from the one `community.tonight` answer, at `now` (the server's
 * clock, epoch ms): a page left open sees the evening open and close by itself. Without `now`,
 * as the answer was made.
 */
/** Not a service evening: maybe one staff cancelled, which says so with the reason. */
function notTonight(t: Tonight, sameDay: boolean, next: string | null): TonightStatus {
  const off = sameDay && (t.cancelled ?? []).some((c) => c.date === t.date);
  const title = off ? '今晚暂停开放' : '今晚未开放';
  return { kind: 'not-tonight', title, next, cancelled: cancelledLine(t) };
}

export function tonightStatus(t: Tonight, now?: number): TonightStatus {
  const at = now ?? t.now;
  const sameDay = now === undefined || shanghaiDate(now) === t.date;
  // "HH:mm" strings compare correctly as text.
  const clock = formatClock(at);
  const open =
    now === undefined
      ? t.open
      : t.serviceEvening && sameDay && clock >= t.opensAt && clock < t.closesAt;
  if (open) return { kind: 'open', title: `开放中 ${t.opensAt}–${t.closesAt}`, next: null };
  const next = t.nextOpening ? `下次开放：${formatDayTime(t.nextOpening)}` : null;
  if (!t.serviceEvening) return notTonight(t, sameDay, next);
  if (sameDay && clock < t.opensAt) {
    return { kind: 'later', title: `今晚 ${t.opensAt} 开放`, next };
  }
  return { kind: 'ended', title: '今晚服务已结束', next };
}

export const KIND_LABELS: Record<ServiceKind, string> = {
  queue: '取号',
  booking: '预约',
  'drop-in': '直接来',
};
