/** Contract of the `booking` function: slot services (paperwork, repair, mending, physiotherapy). */

export type BookingStatus =
  'confirmed' | 'waitlisted' | 'checked-in' | 'completed' | 'no-show' | 'cancelled';

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
  community: { id: string; name: string };
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
  /** False once the slot has started (or the evening is not bookable). */
  open: boolean;
}

export interface SlotsInput {
  community: string;
  service: string;
  date: string;
}

export interface Booking {
  id: string;
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
  /** ISO instant (+08:00) after which the resident can no longer cancel or reschedule. */
  changeableUntil: string;
  createdAt: string;
}

/** A booking as staff see it: with the name given on a resident's behalf. */
export interface StaffBooking extends Booking {
  /** For bookings made by staff ("王阿姨"); empty for residents' own. */
  name: string;
  byStaff: boolean;
}

export interface BookInput {
  slotId: string;
  requestId: string;
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
