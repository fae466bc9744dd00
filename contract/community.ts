/** Contract of the `community` function. */
import type { Booking } from './booking';
import type { ResidentFollowUp } from './followup';
import type { NoticeSummary } from './notice';
import type { Ticket } from './queue';
import type { ServedBy } from './volunteer';

export type ServiceKind = 'queue' | 'booking' | 'drop-in';

export interface CommunitySummary {
  id: string;
  name: string;
}

export interface ServiceInfo {
  id: string;
  name: string;
  kind: ServiceKind;
  /** One line for residents, e.g. "血压、血糖快速检测". */
  description: string;
}

/** One service evening of the week: weekday 0 (Sunday) … 6, times as "HH:mm" in Asia/Shanghai. */
export interface ServiceEvening {
  weekday: number;
  opensAt: string;
  closesAt: string;
}

/** A cancelled service evening as residents see it. */
export interface CancelledEvening {
  date: string;
  reason: string;
}

export interface TonightInput {
  community: string;
}

export interface Tonight {
  community: CommunitySummary;
  /** The date in Asia/Shanghai, "YYYY-MM-DD". */
  date: string;
  /** Weekday of `date`, 0 (Sunday) … 6. */
  weekday: number;
  /** Is `date` one of the community's service evenings? */
  serviceEvening: boolean;
  /** Is the service center open right now? */
  open: boolean;
  /** Tonight's hours, or the next evening's hours when tonight is not a service evening. */
  opensAt: string;
  closesAt: string;
  /** ISO instant (+08:00) of the next opening; null while open. */
  nextOpening: string | null;
  /**
   * Evenings staff cancelled on the community's calendar from today up to the next opening,
   * with the reason residents see (e.g. "国庆假期"); today's first when tonight is cancelled. An
   * extra evening staff added is an ordinary service evening here. Absent from older servers.
   */
  cancelled?: CancelledEvening[];
  /** All service evenings of the week, for "每周三 17:00–20:00". */
  evenings: ServiceEvening[];
  services: ServiceInfo[];
  /** Server time (ISO, +08:00) so the client can show the same clock. */
  now: string;
  /** True when the host runs the demo clock ("演示时钟"). */
  demoClock: boolean;
  /** The phone residents call about bookings (联系社工), set by staff; null until set. */
  contactPhone: string | null;
  /** Where the service center is, set by the admin (community.update); null until set. */
  address: string | null;
  /** What one resident may hold at once here, shown before they reach it. */
  limits: ResidentLimits;
  /** This week's published notices, pinned first: the page shows them without another call. */
  notices: NoticeSummary[];
  /**
   * What the caller has in this community, in the same answer (null without an identity): the
   * page makes one call, not four.
   */
  mine: TonightMine | null;
  /** Services volunteers serve tonight and who they are with (#16); empty when none. */
  servedBy: ServedBy[];
}

/** A booking as the tonight page lists it: enough for "我的预约（2 个）" and the next one. */
export type BookingBrief = Pick<
  Booking,
  'id' | 'code' | 'community' | 'service' | 'serviceName' | 'date' | 'startsAt' | 'status'
> & {
  /** Not computed here (it costs a read per booking): the 我的预约 page shows the position. */
  waitlistPosition: null;
};

export interface TonightMine {
  /** My tickets tonight, every line of this community. */
  tickets: Ticket[];
  /** My live bookings in this community from today on, soonest first. */
  bookings: BookingBrief[];
  /** Follow-ups waiting for my answer, and recent invitations to say more. */
  followUps: ResidentFollowUp[];
}

export interface ContactPhoneInput {
  community: string;
  /** The number residents call about bookings; '' clears it. */
  phone: string;
}

export interface ContactPhone {
  community: string;
  contactPhone: string | null;
}

/**
 * Fair limits per resident, set per community by its staff (community.setLimits). Staff booking
 * for someone (代客预约), adding a walk-in (现场号) or checking someone in at an activity
 * (现场登记) are never counted or stopped.
 */
export interface ResidentLimits {
  /** Bookings (not cancelled, waitlist included) one resident may have on one service evening. */
  bookingsPerEvening: number;
  /** Bookings not cancelled and not yet started one resident may hold at a time. */
  openBookings: number;
  /** Queue numbers one resident may take on one evening, every line together (any status). */
  numbersPerEvening: number;
  /**
   * Activity sign-ups (活动报名) one resident may hold at a time: not cancelled (a waitlist place
   * counts) and for activities not yet started. Limits stored before it read with its default.
   */
  openSignUps: number;
}

export interface LimitsInput extends Omit<ResidentLimits, 'openSignUps'> {
  community: string;
  /**
   * Left out by staff clients from before the sign-up limit: the community's current value
   * stays. Today's client always sends it.
   */
  openSignUps?: number;
}

export interface CommunityLimits {
  community: string;
  limits: ResidentLimits;
}

/** A community as the admin manages it (community.manage): every field, archived ones too. */
export interface ManagedCommunity {
  id: string;
  name: string;
  /** '' until set. */
  address: string;
  contactPhone: string | null;
  evenings: ServiceEvening[];
  /** Its services' names, in display order (new communities start with the pilot's eight). */
  services: string[];
  /** ISO instant the admin archived it (停用); null while residents can use it. */
  archivedAt: string | null;
}

/** What the admin types for a community; the id is set once, at creation. */
export interface CommunityFields {
  name: string;
  /** '' leaves it unset. */
  address: string;
  /** '' leaves it unset. */
  contactPhone: string;
  /** One or more weekly evenings, at most one a weekday. */
  evenings: ServiceEvening[];
}

export interface CreateCommunityInput extends CommunityFields {
  /** The short id in QR codes and links: 2–16 lowercase letters or digits, starting with a letter. */
  id: string;
}

export interface UpdateCommunityInput extends CommunityFields {
  community: string;
}

export interface ArchiveCommunityInput {
  community: string;
  /** True archives (停用), false restores (恢复). */
  archived: boolean;
}
