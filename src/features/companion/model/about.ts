import type { Booking, Ticket } from '@/types/contract';

/** What the server accepts: the "about" line and the note. */
export const ABOUT_MAX = 40;
export const NOTE_MAX = 100;

export interface CompanionSubject {
  community: string;
  /** What the resident is there for, as staff read it on the roster. */
  about: string;
  /** The evening, for a booking (the server files it on that evening's roster). */
  date?: string;
}

/** A ticket still in line or being called: "取号 A012". Null when it is over. */
export function ticketCompanion(ticket: Ticket): CompanionSubject | null {
  if (ticket.status !== 'waiting' && ticket.status !== 'called') return null;
  return { community: ticket.community, about: `取号 ${ticket.label}` };
}

/**
 * A confirmed booking: "预约 政务服务 19:00"; with the day ("预约 政务服务 12月9日 19:00") when it
 * is not for `today` (the phone's Shanghai date), so staff see it is not for tonight. Null for a
 * waitlist place (no seat yet).
 */
export function bookingCompanion(booking: Booking, today: string): CompanionSubject | null {
  if (booking.status !== 'confirmed') return null;
  const [, month, day] = booking.date.split('-').map(Number);
  const when = booking.date === today ? booking.startsAt : `${month}月${day}日 ${booking.startsAt}`;
  const about = `预约 ${booking.serviceName} ${when}`.slice(0, ABOUT_MAX);
  return { community: booking.community, about, date: booking.date };
}
