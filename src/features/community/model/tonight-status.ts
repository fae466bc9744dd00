import { formatClock, formatDayTime, shanghaiDate } from '@/lib/shanghai-time';
import type { ServiceKind, Tonight } from '@/types/contract';

export type StatusKind = 'open' | 'later' | 'ended' | 'not-tonight';

export interface TonightStatus {
  kind: StatusKind;
  /** "开放中 17:00–20:00", "今晚 17:00 开放", "今晚服务已结束", "今晚未开放". */
  title: string;
  /** "下次开放：12月2日 周三 17:00", or null while open. */
  next: string | null;
}

/**
 * What the status card says, from the one `community.tonight` answer, at `now` (the server's
 * clock, epoch ms): a page left open sees the evening open and close by itself. Without `now`,
 * as the answer was made.
 */
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
  if (!t.serviceEvening) return { kind: 'not-tonight', title: '今晚未开放', next };
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
