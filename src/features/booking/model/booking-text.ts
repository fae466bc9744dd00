import { formatDate } from '@/lib/shanghai-time';
import type { Booking, BookingStatus, Slot } from '@/types/contract';

/** The status in words: never a colour alone. */
export const STATUS_WORDS: Record<BookingStatus, string> = {
  confirmed: '已预约',
  waitlisted: '候补中',
  'checked-in': '已签到',
  completed: '已完成',
  'no-show': '未到',
  cancelled: '已取消',
};

/** "已预约", "候补第 2 位", "已签到"… */
export function statusText(booking: Pick<Booking, 'status' | 'waitlistPosition'>): string {
  if (booking.status === 'waitlisted' && booking.waitlistPosition !== null) {
    return `候补第 ${booking.waitlistPosition} 位`;
  }
  return STATUS_WORDS[booking.status];
}

/** "17:00–17:30". */
export function timeRange(slot: Pick<Slot, 'startsAt' | 'endsAt'>): string {
  return `${slot.startsAt}–${slot.endsAt}`;
}

/** "12月2日 周三 17:00–17:30". */
export function whenText(slot: Pick<Slot, 'date' | 'startsAt' | 'endsAt'>): string {
  return `${formatDate(slot.date)} ${timeRange(slot)}`;
}

/** "请带上：身份证、户口本", or null when nothing is needed. */
export function bringText(bring: string[]): string | null {
  return bring.length > 0 ? `请带上：${bring.join('、')}` : null;
}

/**
 * The cut-off said once: "可在开始 2 小时前取消或改约", or, with none, until the start.
 */
export function cutoffText(cutoffHours: number): string {
  return cutoffHours > 0 ? `可在开始 ${cutoffHours} 小时前取消或改约` : '开始前都可以取消或改约';
}

/** "预约码 K7MP": what the resident says at the desk. */
export const codeText = (code: string) => `预约码 ${code}`;

/** What the lists below need of a booking: a full one, or the brief the tonight page gets. */
type Dated = Pick<Booking, 'date' | 'startsAt' | 'status'>;

/** A seat or a waitlist place the resident may still cancel or move (the server keeps the time). */
export const isChangeable = (booking: Pick<Booking, 'status'>) =>
  booking.status === 'confirmed' || booking.status === 'waitlisted';

/** Still to come for the resident: a seat, a waitlist place, or checked in tonight. */
const isLive = (booking: Pick<Booking, 'status'>) =>
  isChangeable(booking) || booking.status === 'checked-in';

const byStart = (a: Dated, b: Dated) =>
  a.date.localeCompare(b.date) || a.startsAt.localeCompare(b.startsAt);

/**
 * Upcoming: still to come from `today` on (a seat, a waitlist place, or checked in), soonest
 * first. The rest, latest first: past evenings, and cancelled, completed or missed bookings,
 * which are nothing to come even when their date is ahead.
 */
export function splitByDate<B extends Dated>(
  bookings: B[],
  today: string,
): { upcoming: B[]; past: B[] } {
  const sorted = [...bookings].sort(byStart);
  const ahead = (b: B) => b.date >= today && isLive(b);
  return {
    upcoming: sorted.filter(ahead),
    past: sorted.filter((b) => !ahead(b)).reverse(),
  };
}

/** The bookings still to come from `today` on, soonest first: what the tonight page points to. */
export function liveBookings<B extends Dated>(bookings: B[], today: string): B[] {
  return splitByDate(bookings, today).upcoming;
}

export type SlotKind = 'free' | 'full' | 'started' | 'over' | 'current';

export interface SlotView {
  kind: SlotKind;
  /**
   * "17:00–17:30 · 剩 2 位", "… · 已满 · 可候补（前面 1 人）", "… · 已开始", "… · 已结束", and
   * past the cut-off "… · 剩 1 位 · 约后不能取消" or "… · 已满".
   */
  text: string;
  disabled: boolean;
}

/**
 * What a slot row says and whether it can be picked. Booking a full slot joins its waitlist,
 * except past the cut-off (the server's `open` says so); moving a booking needs a free seat (the
 * server refuses a full slot), so full slots are off then.
 */
export function slotView(slot: Slot, mode: 'book' | 'move', currentSlotId?: string): SlotView {
  const time = timeRange(slot);
  if (slot.id === currentSlotId)
    return { kind: 'current', text: `${time} · 当前预约`, disabled: true };
  if (slot.phase === 'over') return { kind: 'over', text: `${time} · 已结束`, disabled: true };
  if (slot.phase === 'running')
    return { kind: 'started', text: `${time} · 已开始`, disabled: true };
  const late = slot.late ? ' · 约后不能取消' : '';
  if (slot.left > 0) {
    return { kind: 'free', text: `${time} · 剩 ${slot.left} 位${late}`, disabled: !slot.open };
  }
  if (mode === 'move' || !slot.open)
    return { kind: 'full', text: `${time} · 已满`, disabled: true };
  const ahead = slot.waitlisted > 0 ? `（前面 ${slot.waitlisted} 人）` : '';
  return { kind: 'full', text: `${time} · 已满 · 可候补${ahead}`, disabled: false };
}
