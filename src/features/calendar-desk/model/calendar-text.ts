import type { CalendarEvening } from '@/types/contract';
import { formatDate } from '@/lib/shanghai-time';

/** "12月9日 周三 17:00–20:00（加开）". */
export const eveningTitle = (e: CalendarEvening) =>
  `${formatDate(e.date)} ${e.opensAt}–${e.closesAt}${e.source === 'extra' ? '（加开）' : ''}`;

/** What a cancellation did, for the line at the top (sign-ups named only when there were some). */
export const cancelledText = (date: string, bookings: number, told: number, signUps = 0) =>
  `已暂停 ${formatDate(date)}：取消了 ${bookings} 个预约${signUps > 0 ? `和 ${signUps} 个活动报名` : ''}，已通知 ${told} 位居民`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface ExtraDraft {
  date: string;
  opensAt: string;
  closesAt: string;
}

/** The 加开一晚 form's problems by field, in Chinese; empty when it can be sent. */
export function extraErrors(d: ExtraDraft): Partial<Record<keyof ExtraDraft, string>> {
  const errors: Partial<Record<keyof ExtraDraft, string>> = {};
  if (!DATE.test(d.date)) errors.date = '请按 2026-12-10 的格式填写日期';
  if (!TIME.test(d.opensAt)) errors.opensAt = '请按 18:00 的格式填写时间';
  if (!TIME.test(d.closesAt)) errors.closesAt = '请按 20:00 的格式填写时间';
  return errors;
}
