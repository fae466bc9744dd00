import type { BookingFigures, BookingStatus, StaffBooking } from '@/types/contract';

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

/** Who the booking is for: the name staff wrote down, or "居民自约" for a resident's own. */
export function whoText(booking: StaffBooking): string {
  if (!booking.byStaff) return '居民自约';
  return booking.name || '代客预约';
}

const isConfirmed = (b: StaffBooking) => b.status === 'confirmed';

/** Which desk moves a booking allows now (the server checks the same and says why not). */
export const MOVES_ALLOWED = {
  checkIn: isConfirmed,
  complete: (b: StaffBooking) => b.status === 'confirmed' || b.status === 'checked-in',
  noShow: isConfirmed,
} as const;

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
