/** Contract of the `booking` function: slot services (paperwork, repair, mending, physiotherapy). */

import type { ResidentLimits } from './community';
import type { TicketCompanion } from './roster';

export type BookingStatus =
  'confirmed' | 'waitlisted' | 'checked-in' | 'completed' | 'no-show' | 'cancelled';

/** Where a slot is in time: not started yet, running, or over. */
export type SlotPhase = 'ahead' | 'running' | 'over';

/** What the desk can do with one booking now. */
export type DeskMove = 'checkIn' | 'complete' | 'noShow' | 'undoNoShow';

/** How staff set up a bookable service; residents see it too. */
export interface BookingSettings {
  /** Length of one slot, e.g. 15 or 30 minutes. */
  slotMinutes: number;
  /** Residents served at once in one slot. */
  seatsPerSlot: number;
  /** Residents can cancel or reschedule up to this many hours before the slot starts. */
  cutoffHours: number;
  /** What to bring, shown to residents, e.g. ["身份证", "户口本"]. */
  bring: string[];
  /** Service evenings (weekday 0–6) this service runs on; empty = every evening of the community. */
  weekdays: number[];
}

export interface BookableService extends BookingSettings {
  id: string;
  name: string;
  description: string;
  /** This service's bookable evenings among the community's next four ("YYYY-MM-DD"). */
  dates: string[];
}

export interface BookingServices {
  /** With the phone residents call about their bookings (联系社工); null until staff set it. */
  community: { id: string; name: string; contactPhone: string | null };
  /** The community's fair limits per resident, said before a resident reaches them. */
  limits: ResidentLimits;
  services: BookableService[];
  /** The next four service evenings (Asia/Shanghai dates, "YYYY-MM-DD"), tonight included while open. */
  dates: string[];
}

export interface Slot {
  /** "<community>_<service>_<YYYYMMDD>_<HHmm>", e.g. "jinse_paperwork_20261202_1730". */
  id: string;
  date: string;
  /** "HH:mm" in Asia/Shanghai. */
  startsAt: string;
  endsAt: string;
  seats: number;
  /** Seats left; 0 means a booking goes on the waitlist. */
  left: number;
  waitlisted: number;
  /** Can be booked now: false once it has started, and once past the cut-off when it is full. */
  open: boolean;
  /** 已开始 or 已结束 for a slot that is no longer open because of the time. */
  phase: SlotPhase;
  /**
   * Past the cut-off (cutoffHours before the start): a booking made now can no longer be
   * cancelled or moved by the resident, and a full slot takes no waitlist.
   */
  late: boolean;
}

export interface SlotsInput {
  community: string;
  service: string;
  date: string;
}

export interface Booking {
  id: string;
  /**
   * Short code, unique among the community's bookings of that evening, e.g. "K7MP": the resident
   * says it at the desk. 4 characters with no look-alikes (0/O, 1/I/L); older bookings have 5.
   */
  code: string;
  community: string;
  service: string;
  serviceName: string;
  slotId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  status: BookingStatus;
  /** 1 = next to get a seat; null unless waitlisted. */
  waitlistPosition: number | null;
  /** Like "138****5678"; null without a consented phone. */
  phone: string | null;
  bring: string[];
  /**
   * ISO instant (+08:00) after which the resident can no longer cancel or reschedule: the cut-off
   * for a seat, the slot's start for a waitlist place.
   */
  changeableUntil: string;
  /** Whether the resident may still cancel or reschedule it, by the server's clock. */
  changeable: boolean;
  /** The community's phone for "联系社工"; null until staff set it. */
  contactPhone: string | null;
  createdAt: string;
  /** Why the evening was cancelled, on a booking cancelled with its date (the calendar, #16). */
  cancelledReason?: string;
}

/** A booking as staff see it: with the name, and the moves the desk can make now. */
export interface StaffBooking extends Booking {
  /** The 称呼 the resident gave ("王阿姨"), or the name staff wrote for a 代客 booking; may be ''. */
  name: string;
  byStaff: boolean;
  /** The desk moves that succeed now (the server's rule): the desk offers only these. */
  moves: DeskMove[];
  /** The resident's 需要社工陪同 request made with this booking, or null. */
  companion: TicketCompanion | null;
}

export interface BookInput {
  slotId: string;
  requestId: string;
  /** Optional 称呼 for the desk, e.g. "王阿姨"; erased with the resident's personal data. */
  name?: string;
  /** Only with consent: for the social worker to call about the booking. */
  phone?: string;
  consent?: boolean;
}

export interface RescheduleInput {
  bookingId: string;
  slotId: string;
  requestId: string;
}

export interface BookingRef {
  bookingId: string;
}

export interface ConfigureBookingInput extends Partial<BookingSettings> {
  community: string;
  service: string;
}

export interface BookingListInput {
  community: string;
  date: string;
  service?: string;
}

export interface BookingFigures {
  booked: number;
  checkedIn: number;
  completed: number;
  noShows: number;
  cancelled: number;
  waitlisted: number;
  promotions: number;
}

export interface BookingList {
  date: string;
  bookings: StaffBooking[];
  figures: BookingFigures;
}

export interface BookForInput {
  slotId: string;
  /** The resident's name or a description, e.g. "王阿姨（电话预约）". */
  name: string;
  phone?: string;
  consent?: boolean;
  requestId: string;
}
