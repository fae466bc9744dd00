import type { BookingFigures, BookingStatus, DeskMove, StaffBooking } from '@/types/contract';

/** The evening's figures, in the order the desk shows them. */
export const FIGURES: ReadonlyArray<[keyof BookingFigures, string]> = [
  ['booked', '已预约'],
  ['checkedIn', '已签到'],
  ['completed', '已完成'],
  ['noShows', '未到'],
  ['cancelled', '已取消'],
  ['waitlisted', '候补'],
  ['promotions', '候补转正'],
];

/** Whom the booking is for: the 称呼 the resident gave or staff wrote down. */
export function whoText(booking: StaffBooking): string {
  if (booking.name) return booking.name;
  return booking.byStaff ? '代客预约' : '未留称呼';
}

/** How it was made: by the resident, or by staff for them. */
export const sourceText = (booking: StaffBooking) => (booking.byStaff ? '代客' : '自约');

/** The desk's buttons, in row order; each shown only when the server says it would succeed. */
export const DESK_MOVES: ReadonlyArray<{ move: DeskMove; name: string }> = [
  { move: 'checkIn', name: '签到' },
  { move: 'complete', name: '完成' },
  { move: 'noShow', name: '未到' },
  { move: 'undoNoShow', name: '撤销未到' },
];

/** Why a booking has no button, said on the row instead of leaving it blank. */
export function noMoveText(booking: StaffBooking): string {
  if (booking.status === 'waitlisted') return '候补中，有空位时自动转为预约';
  if (booking.status === 'confirmed') return '当晚可签到；开始后可标记未到';
  return '—';
}

/**
 * Does the row answer what the desk typed: a code ("k7mp" too), part of a 称呼, or the last
 * digits of the phone? Empty: every row.
 */
export function matchesQuery(booking: StaffBooking, query: string): boolean {
  const q = query.trim();
  if (!q) return true;
  if (booking.code.toUpperCase().includes(q.toUpperCase())) return true;
  if (booking.name.includes(q)) return true;
  return /^\d{3,4}$/.test(q) && (booking.phone ?? '').endsWith(q);
}

// Within a slot: those with a seat, then the waitlist in its order, then the cancelled.
const RANK: Record<BookingStatus, number> = {
  confirmed: 0,
  'checked-in': 0,
  completed: 0,
  'no-show': 0,
  waitlisted: 1,
  cancelled: 2,
};

/** The evening's list by time. */
export function byTime(a: StaffBooking, b: StaffBooking): number {
  return (
    a.startsAt.localeCompare(b.startsAt) ||
    RANK[a.status] - RANK[b.status] ||
    (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0) ||
    a.createdAt.localeCompare(b.createdAt)
  );
}
