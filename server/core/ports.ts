/**
 * Ports: the only ways the core reaches the outside world. Each store adapter (SQLite, CloudBase)
 * implements every method itself; the shared contract suite in server/stores/contract-tests keeps
 * them equivalent.
 */
import type { OrgKind } from '../../contract/volunteer';
import type { ResidentLimits, ServiceEvening, ServiceKind } from '../../contract/community';
import type { Booking, BookingSettings, BookingStatus } from '../../contract/booking';
import type {
  CallOutcome,
  FollowUpChannel,
  FollowUpResult,
  FollowUpStatus,
  Solved,
} from '../../contract/followup';
import type { SuggestionStatus } from '../../contract/suggestion';
import type { CalendarDate } from '../../contract/calendar';
import type { NoticeStatus, SignUpStatus } from '../../contract/notice';
import type { Candidate, RoundStatus } from '../../contract/survey';
import type { AlertKind, LineState, Ticket } from '../../contract/queue';
import type { BookingCaps, BookingLimit, SignUpCaps, SignUpLimit } from './community/limits';
import type { CancelSignUpDecision, SignUpDecision } from './volunteer/rules';

/** The clock port. Hosts decide whether it is real time, a fixed start (BDB_NOW) or the demo clock. */
export interface Clock {
  now(): Date;
  /** True for the demo clock, so the UI can show a "演示时钟" banner. */
  readonly demo: boolean;
}

export interface ServiceRecord {
  id: string;
  name: string;
  kind: ServiceKind;
  description: string;
  /** Display order, ascending. */
  sort: number;
}

export interface CommunityRecord {
  id: string;
  name: string;
  evenings: ServiceEvening[];
  services: ServiceRecord[];
  /** The number residents call about bookings (联系社工), set by staff; null until set. */
  contactPhone: string | null;
  /** Fair limits per resident set by staff; null until set (core/community/limits.ts: defaults). */
  limits: ResidentLimits | null;
  /** Where the service center is (shown on the tonight page); '' until the admin sets it. */
  address: string;
  /** ISO instant the admin archived it: hidden from residents, no new joins or bookings. */
  archivedAt: string | null;
}

/**
 * What save() writes: the community's setup (seeding, a new service from a round). Its contact
 * phone, limits and archive have their own setters; an absent address keeps the stored one.
 */
export type CommunitySetup = Omit<
  CommunityRecord,
  'contactPhone' | 'limits' | 'address' | 'archivedAt'
> & { address?: string };

/** A community the admin creates (core/community/setup.ts decides it). */
export type NewCommunity = CommunitySetup & { address: string; contactPhone: string | null };

/** What the admin edits of an existing community: everything but its id and services. */
export type CommunityChange = Pick<
  CommunityRecord,
  'name' | 'address' | 'contactPhone' | 'evenings'
>;

/** A community in the list: archived ones carry `archived: true` (the field is absent otherwise). */
export interface CommunityListing {
  id: string;
  name: string;
  archived?: true;
}

export interface CommunityRepo {
  /** All communities, archived ones too, ordered by id. */
  list(): Promise<CommunityListing[]>;
  /** One community with its evenings and services, or null. */
  get(id: string): Promise<CommunityRecord | null>;
  /**
   * Insert or replace a community with its evenings and services (seeding, admin edits); its
   * notice board, contact phone and limits are kept as they were.
   */
  save(community: CommunitySetup): Promise<void>;
  /**
   * Inserts a new community, atomically: false, writing nothing, when its id is taken (archived
   * ones included). Of two creates of one id, exactly one returns true.
   */
  create(community: NewCommunity): Promise<boolean>;
  /**
   * Replaces the admin's fields (name, address, contact phone, evenings) in one write; services,
   * board, limits and archive are kept. False when there is no such community.
   */
  update(id: string, change: CommunityChange): Promise<boolean>;
  /** Archives (an ISO instant) or restores (null) a community. False when there is none. */
  setArchived(id: string, archivedAt: string | null): Promise<boolean>;
  /**
   * Sets (or, with null, clears) the contact phone alone, so it never races a save of the
   * services. False when there is no such community.
   */
  setContactPhone(id: string, phone: string | null): Promise<boolean>;
  /** Sets the community's limits per resident alone. False when there is no such community. */
  setLimits(id: string, limits: ResidentLimits): Promise<boolean>;
  /**
   * The community and its notice board in one read: what the tonight page and the TV show
   * (CloudBase keeps both in one document, so the page costs one read, not two).
   */
  withBoard(id: string): Promise<{ community: CommunityRecord; board: BoardNotice[] } | null>;
  /** Replaces the notice board (the core rebuilds it after every notice change). */
  saveBoard(id: string, board: BoardNotice[]): Promise<void>;
}

/**
 * A published notice as the board keeps it: without its body and its activities' check-in
 * codes, which only staff and the notice page need.
 */
export type BoardNotice = Omit<NoticeRecord, 'body' | 'activities'> & {
  activities: Array<Omit<ActivityRecord, 'code'>>;
};

/**
 * A user as the core sees it (dispatch hands it to staff and admin actions): admin only while
 * the admin grant was made with the current ADMIN_TOKEN (see `userRecordOf` in identity.ts).
 */
export interface UserRecord {
  id: string;
  admin: boolean;
  /** Community ids this user is staff of, ordered. */
  staffOf: string[];
  /** Bumped by sign-out: a browser session minted at another version is over. */
  sessionVersion: number;
}

/** A user as a store keeps it: the admin grant is the digest of the token that made it. */
export interface StoredUser {
  id: string;
  /**
   * `adminDigestOf(ADMIN_TOKEN)` of the token that made this user admin, never the token; null
   * when never admin (and for admins granted before digests were kept: not admin until they
   * redeem the current token again).
   */
  adminDigest: string | null;
  /** Community ids this user is staff of, ordered. */
  staffOf: string[];
  /** 0 until the first sign-out, one more after each. */
  sessionVersion: number;
}

export interface InviteRecord {
  code: string;
  community: string;
  createdBy: string;
  /** ISO instant. */
  expiresAt: string;
}

/** An invite that can still be redeemed, as admins see it on the staff page. */
export interface OpenInviteRecord extends InviteRecord {
  /** ISO instant (UTC). */
  createdAt: string;
}

export type InviteRefusal = 'unknown' | 'used' | 'expired' | 'cancelled';

export type RedeemResult = { ok: true; community: string } | { ok: false; reason: InviteRefusal };

export interface IdentityRepo {
  /** Returns the user, creating a plain resident record on first sight. */
  ensureUser(id: string, now: Date): Promise<StoredUser>;
  getUser(id: string): Promise<StoredUser | null>;
  /** Makes the user admin by the token whose digest is `adminDigest` (replacing an older grant). */
  grantAdmin(id: string, adminDigest: string, now: Date): Promise<void>;
  createInvite(invite: InviteRecord, now: Date): Promise<void>;
  /**
   * Atomically uses a one-time invite: marks it used by `userId` and makes the user staff of its
   * community. Two identities racing for one code: exactly one wins. A cancelled one is refused.
   */
  redeemInvite(code: string, userId: string, now: Date): Promise<RedeemResult>;
  /**
   * Atomically cancels an invite the core's `decideCancelInvite` allows (unused, unexpired, not
   * cancelled): it can no longer be redeemed. A refusal changes nothing.
   */
  cancelInvite(code: string, now: Date): Promise<RedeemResult>;
  /** A community's invites that can still be redeemed at `now`, newest first. */
  openInvites(community: string, now: Date): Promise<OpenInviteRecord[]>;
  /** Ends the user's staff membership of the community; false when there was none. */
  removeMembership(id: string, community: string): Promise<boolean>;
  /** Bumps the user's session version (sign-out) and returns the new one; null: no such user. */
  bumpSessionVersion(id: string): Promise<number | null>;
  /** The name a worker goes by on rosters and companion requests; null clears it. */
  setDisplayName(id: string, name: string | null): Promise<void>;
  /**
   * Who can work a community's evenings: its staff and the admins whose grant has the digest
   * `adminDigest` (the current token's), by id, with the display name each set (null when none)
   * and since when (the membership, or the admin grant; null when the store does not know).
   */
  staffDirectory(community: string, adminDigest: string): Promise<StaffEntry[]>;
  /**
   * Deletes a resident's user record (its id is the link to them), as forgettableUser in
   * core/erase.ts decides: never an admin's or a staff member's. True when it was deleted.
   */
  forget(id: string): Promise<boolean>;
}

export interface StaffEntry {
  id: string;
  admin: boolean;
  name: string | null;
  /** ISO instant: when the admin grant or the membership was made; null when not recorded. */
  since: string | null;
}

/** Everything a store adapter provides. */
export interface Store {
  communities: CommunityRepo;
  identities: IdentityRepo;
  queues: QueueRepo;
  bookings: BookingRepo;
  notices: NoticeRepo;
  followUps: FollowUpRepo;
  suggestions: SuggestionRepo;
  surveys: SurveyRepo;
  reports: ReportRepo;
  rosters: RosterRepo;
  volunteers: VolunteerRepo;
  jobs: JobRepo;
  alerts: AlertLog;
  /**
   * After an erase: makes sure erased bytes do not linger where the store keeps old pages
   * (SQLite: a WAL checkpoint that truncates the -wal file). Stores without such a place omit it.
   */
  scrub?(): Promise<void>;
  uploads: UploadRepo;
  calendar: CalendarRepo;
  close(): Promise<void>;
}

// ── A community's calendar (#16) ─────────────────────────────────────────

/**
 * The exceptions to a community's weekly evenings, one per date, kept apart from the community
 * record (core/community/calendar.ts decides them; kernel/schedule.ts reads them).
 */
export interface CalendarRepo {
  /** The community's exceptions on dates from `from` to `to` (inclusive), by date. */
  list(community: string, from: string, to: string): Promise<CalendarDate[]>;
  /** Writes one date's exception (an extra evening, or a cancelled one back to extra). */
  save(community: string, entry: CalendarDate): Promise<void>;
  /** Removes one date's exception; false when there was none. */
  remove(community: string, date: string): Promise<boolean>;
  /**
   * Closes evenings (a cancelled date, or every coming one of an archived community): writes the
   * cancelled entry, if any, and cancels the live bookings of those dates and the live sign-ups
   * of the named activities as decideClose decides, promoting nobody, with the reason on each.
   * One transaction on SQLite; on CloudBase see its calendar.ts. Repeating it is safe: what is
   * already cancelled is left alone. Returns what it cancelled.
   */
  close(community: string, closing: Closing): Promise<Closed>;
}

/** What CalendarRepo.close closes (core/community/calendar.ts decides each record). */
export interface Closing {
  /** The cancelled date's exception, written with the rest; null when archiving. */
  entry: CalendarDate | null;
  /** The dates whose bookings close, inclusive; `to` null: every date from `from` on. */
  from: string;
  to: string | null;
  /** Bookings starting before this wall time ("YYYY-MM-DD HH:mm") stay; null: none stays. */
  after: string | null;
  /** The activities whose sign-ups close (the core picked them from the notices). */
  activities: string[];
  /** Kept on each cancelled booking and sign-up; residents read it. */
  reason: string;
  now: Date;
}

export interface Closed {
  bookings: BookingRecord[];
  signUps: SignUpRecord[];
}

// ── Timer jobs' progress ─────────────────────────────────────────────────

/** What a job keeps between runs: plain values only, so every store can hold it as it is. */
export type JobData = Record<string, string | number | boolean | null | string[]>;

/** One saved state of a timer job. The store keeps it; only the core reads meaning into it. */
export interface JobStateRecord {
  job: string;
  /** What the state is about: a day ("YYYY-MM-DD") for a run's cursor, a community id… */
  key: string;
  /** 1 after the first save, one more after each: what compare-and-set compares. */
  version: number;
  data: JobData;
  /** ISO instant (UTC) of the save. */
  updatedAt: string;
}

export interface JobRepo {
  /** The state saved for (job, key), or null before the first save. */
  get(job: string, key: string): Promise<JobStateRecord | null>;
  /**
   * Compare-and-set: replaces the data whole, as version `version + 1`, only while the stored
   * version is `version` (0: nothing saved yet). Null when another run saved first; two saves
   * from one version never both succeed.
   */
  save(
    job: string,
    key: string,
    version: number,
    data: JobData,
    now: Date,
  ): Promise<JobStateRecord | null>;
}

// ── Queue (取号) ─────────────────────────────────────────────────────────

export type TicketStatus = 'waiting' | 'called' | 'missed' | 'done' | 'cancelled';

export interface LineConfigRecord {
  capacity: number;
  /** "HH:mm" in Asia/Shanghai. */
  lastJoin: string;
  graceMinutes: number;
  defaultServiceMinutes: number;
}

/**
 * What the rules need to know about a line for one evening, fixed when the evening is opened
 * (and when staff change the configuration): the service's name and label prefix, the staff's
 * configuration and tonight's hours. Keeping it with the evening lets a join be decided from the
 * evening alone, without reading the community.
 */
export interface LineSetup extends LineConfigRecord {
  name: string;
  /** "A" for the community's first walk-in line… */
  prefix: string;
  /** Tonight's hours, "HH:mm" in Asia/Shanghai; empty on a day without a service evening. */
  opensAt: string;
  closesAt: string;
  /**
   * Numbers one resident may take tonight, every line of the community together: the
   * community's limit (ResidentLimits.numbersPerEvening), kept here so a join reads no community.
   */
  numbersPerResident: number;
}

export interface TicketRecord {
  /** `<evening key>-<number>`, made by the core. */
  id: string;
  community: string;
  queue: string;
  date: string;
  number: number;
  label: string;
  status: TicketStatus;
  /** Null for a walk-in added by staff. */
  userId: string | null;
  note: string;
  requestId: string | null;
  /** Order in the line: the number at first, moved by a requeue. */
  sortKey: number;
  /** ISO instants (UTC). */
  createdAt: string;
  calledAt: string | null;
  missedAt: string | null;
  closedAt: string | null;
  /** Seconds from call to completion, for estimates. */
  serviceSeconds: number | null;
  /** The "3 ahead" alert was sent, or is not needed (the ticket started near the desk). */
  alerted: boolean;
  /**
   * When the "3 ahead" alert was sent (ISO, UTC); null when none was. With calledAt (each call
   * and recall tells the resident) it is what the desk lists as tonight's alerts.
   */
  alertedAt: string | null;
}

/**
 * One line on one evening, whole: the unit every queue rule reads and decides on
 * (core/queue/evening.ts), and the unit a store reads and writes atomically.
 */
export interface EveningRecord {
  community: string;
  queue: string;
  /** Asia/Shanghai, "YYYY-MM-DD". */
  date: string;
  /** Random, [A-Za-z0-9]: the first part of every ticket id of the evening. */
  key: string;
  /** Null only for evenings stored before the setup was kept: readable history, refreshed on change. */
  setup: LineSetup | null;
  paused: boolean;
  /** The last number issued tonight (0 before the first). */
  lastNumber: number;
  /** Grows with every change; clients use it to drop stale updates. */
  version: number;
  /** Every ticket of the evening, in number order. */
  tickets: TicketRecord[];
}

/** What a decision on an evening returns to the store that asked it. */
export interface EveningChange<T> {
  /** The evening to write in place of the one read (or to create), or null to write nothing. */
  next: EveningRecord | null;
  /**
   * The line's public state after the change. A store that serves watchers itself (CloudBase's
   * queue_lines documents) writes it in the same transaction; others leave it to the host's
   * LinePublisher.
   */
  line: LineState | null;
  result: T;
}

export interface QueueRepo {
  getConfig(community: string, queue: string): Promise<LineConfigRecord | null>;
  saveConfig(community: string, queue: string, config: LineConfigRecord): Promise<void>;
  /** One line's evening, or null when nothing happened on it that evening. */
  getEvening(community: string, queue: string, date: string): Promise<EveningRecord | null>;
  /** The evening holding this ticket, or null. */
  eveningOfTicket(ticketId: string): Promise<EveningRecord | null>;
  /** Every line's evening of one community on one date. */
  eveningsOf(community: string, date: string): Promise<EveningRecord[]>;
  /** Every evening of one date, in any community, where this user holds a ticket. */
  eveningsOfUser(userId: string, date: string): Promise<EveningRecord[]>;
  /**
   * Atomically: reads the evening (null when there is none), asks `decide`, and writes what it
   * returns — nothing else. `decide` is pure and synchronous: a store may call it again after a
   * conflict, with the evening as it is then. Two callers at once never both decide on the same
   * evening.
   *
   * With a `resident`, the same transaction also reads the ids of every ticket that user took
   * on `date` in the community, every line (`taken`; null without a resident), and records the
   * tickets `next` adds for that user, so two joins by one resident on two lines at once never
   * both decide on a stale count.
   */
  change<T>(
    community: string,
    queue: string,
    date: string,
    decide: (current: EveningRecord | null, taken: string[] | null) => EveningChange<T>,
    resident?: string | null,
  ): Promise<T>;
  /**
   * Writes erasedEvening (core/queue/evening.ts) over every evening, of any date, where the user
   * holds a ticket, one evening at a time; returns how many tickets were erased.
   */
  erase(userId: string): Promise<number>;
  /**
   * Retention (core/retention): writes retainedEvening over at most `limit` evenings dated
   * before `cutoff` that are left to look at, each in a transaction of its own (with, where the
   * store keeps them, the per-resident numbers of the evening); returns how many evenings it
   * wrote. A rerun finds none of them again.
   */
  anonymiseBefore(cutoff: string, limit: number): Promise<number>;
}

/** Pushes a line's public state to whoever listens (SSE locally, a watched document in CloudBase). */
export interface LinePublisher {
  publish(state: LineState): Promise<void>;
}

export interface Alert {
  userId: string;
  /** When the core sent it (its clock, which may be the demo clock), ISO UTC. */
  at: string;
  kind: AlertKind;
  ticket: Ticket;
}

/** A booking notice: a waitlisted booking got its seat, or the reminder on the day. */
export interface BookingAlert {
  userId: string;
  at: string;
  kind: 'booking-promoted' | 'booking-reminder';
  booking: Booking;
}

/** A waitlisted activity sign-up got its place. */
export interface ActivityAlert {
  userId: string;
  at: string;
  kind: 'activity-promoted';
  activity: {
    id: string;
    community: string;
    name: string;
    date: string;
    startsAt: string;
    place: string;
  };
  notice: { id: string; title: string };
}

/** Follow-ups and suggestions: an invitation after a call, a question, or a suggestion's new status. */
export interface ResidentAlert {
  userId: string;
  at: string;
  kind: 'follow-up-ask' | 'follow-up-invite' | 'suggestion-status' | 'evening-cancelled';
  community: string;
  /** One line in Chinese, e.g. "您的建议 JS-1202-003 已采纳". */
  text: string;
  /** The page to open, e.g. "package-suggestion/pages/mine/index". */
  page: string;
}

/**
 * Tells a resident something (subscription message in weapp, the SSE stream locally). Never
 * throws. Sending only: what was sent is kept by the store's AlertLog.
 */
export interface Notifier {
  notify(alert: Alert): Promise<void>;
  notifyBooking(alert: BookingAlert): Promise<void>;
  notifyActivity(alert: ActivityAlert): Promise<void>;
  notifyResident(alert: ResidentAlert): Promise<void>;
}

export interface SentAlertRecord {
  kind: AlertKind;
  label: string;
  /** ISO instant (UTC). */
  at: string;
}

// ── Bookings (预约) ──────────────────────────────────────────────────────

export interface BookingRecord {
  id: string;
  community: string;
  service: string;
  /** Asia/Shanghai date and slot start, "YYYY-MM-DD" and "HH:mm". */
  date: string;
  startsAt: string;
  slotId: string;
  status: BookingStatus;
  /** Null for a booking staff made on a resident's behalf. */
  userId: string | null;
  /**
   * Short code unique among the community's bookings on `date` (see BookRequest.codes); bookings
   * stored before codes existed read with a 5-character one.
   */
  code: string;
  /** The name staff gave ("王阿姨"), or the 称呼 a resident chose to give; may be empty. */
  name: string;
  /** Stored only with consent; every view masks it. */
  phone: string | null;
  requestId: string;
  /** ISO instants (UTC). */
  createdAt: string;
  /** Order on the waitlist; null unless waitlisted. */
  waitlistedAt: string | null;
  /** When a waitlisted booking got its seat. */
  promotedAt: string | null;
  checkedInAt: string | null;
  closedAt: string | null;
  remindedAt: string | null;
  /**
   * Why staff cancelled it with its evening (a cancelled date's reason, or the community's
   * archive): kept on the booking, so restoring the date still tells the resident why. Null
   * otherwise. Staff text: names no resident.
   */
  cancelledReason: string | null;
}

export interface BookRequest {
  slotId: string;
  community: string;
  service: string;
  date: string;
  startsAt: string;
  userId: string | null;
  name: string;
  phone: string | null;
  /** Scoped by the caller, so two people's request ids never collide. */
  requestId: string;
  seats: number;
  /** With no seat left: join the waitlist (true), or make nothing and answer 'full'. */
  waitlist: boolean;
  /**
   * Candidate codes in the core's format, tried in order: the booking gets the first one no
   * other booking of the community has on that date, checked in the booking's own transaction.
   * None free (practically never: 8 random picks of 923,521) is an error.
   */
  codes: string[];
  /**
   * The resident's limits (core/community/limits.ts); null or absent for a booking staff make
   * (never capped). With caps and a user, the store loads the user's bookings in the community
   * from `caps.from` on inside the booking's transaction, for bookingLimit to count.
   */
  caps?: BookingCaps | null;
  now: Date;
}

/** 'existing': the same request again, or the user already holds this slot. */
export type Booked = { kind: 'created' | 'existing'; booking: BookingRecord };
/**
 * 'full': no seat left and the request took no waitlist; 'limited': one more booking would pass
 * a limit of the resident's (BookingLimit). Nothing was made for either.
 */
export type BookOutcome =
  | Booked
  | { kind: 'full' }
  | ({ kind: 'limited' } & BookingLimit)
  /** The date is cancelled on the community's calendar, as read in the booking's transaction. */
  | { kind: 'closed'; reason: string };

export interface BookingPatch {
  status?: BookingStatus;
  checkedInAt?: string | null;
  closedAt?: string | null;
  remindedAt?: string | null;
}

export interface SlotCount {
  slotId: string;
  /** Seats taken: confirmed, checked in, completed or no-show. */
  taken: number;
  waitlisted: number;
}

/**
 * Bookings. Each method that changes bookings loads the slot's few records in one transaction,
 * applies one decision of core/booking/decisions.ts (waitlist promotion: core/waitlist.ts) and
 * writes what it answers; the rules live there, not in the stores.
 */
export interface BookingRepo {
  getSettings(community: string, service: string): Promise<BookingSettings | null>;
  saveSettings(community: string, service: string, settings: BookingSettings): Promise<void>;
  /**
   * Applies decideBook (a known request or this user's live booking in the slot is 'existing';
   * else 'closed' when the calendar entry of the date, read in the same transaction, cancels it;
   * else confirmed while seats are left, else waitlisted or 'full') and pickCode, atomically:
   * never more confirmed than `seats`, whatever arrives at once.
   */
  book(request: BookRequest): Promise<BookOutcome>;
  getBooking(id: string): Promise<BookingRecord | null>;
  /** Seats taken and waitlist length per slot of one service on one date. */
  slotCounts(community: string, service: string, date: string): Promise<SlotCount[]>;
  /** 1-based place on its slot's waitlist. */
  waitlistPosition(booking: BookingRecord): Promise<number>;
  ofUser(userId: string): Promise<BookingRecord[]>;
  listForDate(community: string, date: string, service?: string): Promise<BookingRecord[]>;
  /**
   * Applies decideUpdate: compare-and-set on status, like QueueRepo.updateTicket. A move to
   * 'cancelled' here promotes nobody: cancel() is the path for cancellations.
   */
  update(id: string, from: BookingStatus[], patch: BookingPatch): Promise<BookingRecord | null>;
  /**
   * Applies decideCancel (if the status is one of `from`) and gives a freed seat to the slot's
   * waitlist with promoteNext, in one transaction. Null when the status had moved on.
   */
  cancel(
    id: string,
    from: BookingStatus[],
    now: Date,
  ): Promise<{ cancelled: BookingRecord; promoted: BookingRecord | null } | null>;
  /**
   * Applies decideReschedule in one transaction: on 'move', the new seat is taken (confirmed only,
   * never waitlisted, whatever `request.waitlist` says) with a code of its own (pickCode), and the
   * old booking is cancelled as decided, its seat given to that slot's waitlist (promoteNext).
   * 'full', 'stale', 'limited' and 'closed' (the target date cancelled, read in the same
   * transaction as in book()) leave everything as it was.
   */
  reschedule(
    id: string,
    request: BookRequest,
  ): Promise<
    | { kind: 'moved' | 'existing'; booking: BookingRecord; promoted: BookingRecord | null }
    | { kind: 'full' }
    | { kind: 'stale' }
    | ({ kind: 'limited' } & BookingLimit)
    | { kind: 'closed'; reason: string }
  >;
  /** Confirmed bookings on `date` not yet reminded: the first `limit` by (startsAt, id). */
  dueReminders(date: string, limit: number): Promise<BookingRecord[]>;
  /**
   * Applies decideRemind as a compare-and-set: records the reminder (`remindedAt` = `at`) only on
   * a confirmed booking not reminded yet. Null otherwise: of two runs at once, exactly one gets it.
   */
  markReminded(id: string, at: string): Promise<BookingRecord | null>;
  /**
   * Writes erasedBooking (core/booking/decisions.ts) over each of the user's bookings: no owner,
   * 称呼 or phone (and whatever lookup keyed by the user the store keeps); returns how many.
   */
  erasePersonal(userId: string): Promise<number>;
  /**
   * Retention (core/retention.ts): writes retainedBooking over at most `limit` bookings of
   * evenings before `cutoff` ("YYYY-MM-DD") that still name someone (PERSONAL_FIELDS), with
   * what erasePersonal also drops; returns how many. Run again, it finds none of them.
   */
  anonymiseBefore(cutoff: string, limit: number): Promise<number>;
}

// ── Notices and activity sign-up ─────────────────────────────────────────

export interface ActivityRecord {
  id: string;
  noticeId: string;
  community: string;
  name: string;
  /** Asia/Shanghai "YYYY-MM-DD" and "HH:mm". */
  date: string;
  startsAt: string;
  endsAt: string;
  place: string;
  /** Null = unlimited. */
  capacity: number | null;
  signUp: boolean;
  /** The self check-in code staff show at the activity. */
  code: string;
  /** Order within the notice. */
  sort: number;
}

export interface NoticeRecord {
  id: string;
  community: string;
  /** Monday of the week, "YYYY-MM-DD". */
  week: string;
  title: string;
  body: string;
  /** A media reference (local "/media/…" path or a cloud fileID), or null. */
  cover: string | null;
  status: NoticeStatus;
  pinned: boolean;
  createdBy: string;
  /** ISO instants (UTC). */
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** Set when a published notice is edited. */
  editedAt: string | null;
  activities: ActivityRecord[];
}

export interface SignUpRecord {
  id: string;
  activityId: string;
  community: string;
  /** Null for someone staff checked in at the door. */
  userId: string | null;
  name: string;
  status: SignUpStatus;
  /** Scoped by the caller (staff ids are prefixed), so request ids never collide. */
  requestId: string;
  /** ISO instants (UTC). */
  createdAt: string;
  waitlistedAt: string | null;
  promotedAt: string | null;
  attendedAt: string | null;
  checkIn: 'self' | 'staff' | null;
  /** How a self check-in got the code: scanned the QR code or typed it; null for staff or older. */
  checkInVia: CheckInVia | null;
  /** Why staff cancelled it with its evening (as BookingRecord.cancelledReason), or null. */
  cancelledReason: string | null;
}

export type CheckInVia = 'scan' | 'code';

export interface NoticeFilter {
  statuses: NoticeStatus[];
  /** Inclusive bounds on the week (Mondays). */
  fromWeek?: string;
  toWeek?: string;
  limit?: number;
}

export interface ActivityCount {
  activityId: string;
  /** Holding a place (status 'signed'). */
  signed: number;
  waitlisted: number;
  attended: number;
}

export interface SignUpRequest {
  activityId: string;
  community: string;
  userId: string | null;
  name: string;
  requestId: string;
  /**
   * The activity's date: signUp() reads the community's calendar entry for it in its
   * transaction and answers 'closed' (nothing made) when the date is cancelled. Absent for a
   * check-in, which the calendar does not refuse.
   */
  date?: string;
  /** Null = unlimited. */
  capacity: number | null;
  /**
   * The resident's sign-up limit (core/community/limits.ts, signUpLimit); null or absent when
   * nothing is capped (staff, check-in). With caps and a user, signUp() loads the user's sign-ups
   * in the community for activities from `caps.from` on inside its transaction, for the limit to
   * count; a retried request or a sign-up the user holds is answered before any is loaded.
   */
  caps?: SignUpCaps | null;
  now: Date;
}

/** signUp(): 'existing' is the same request again, or the user's live sign-up for the activity. */
export type SignedUp = { kind: 'created' | 'existing'; signUp: SignUpRecord };
/** 'limited': one more sign-up would pass the resident's limit (SignUpLimit); nothing was made. */
/** 'closed': the activity's date is cancelled on the calendar (read in the same transaction). */
export type SignUpOutcome =
  SignedUp | ({ kind: 'limited' } & SignUpLimit) | { kind: 'closed'; reason: string };

/** Self check-in: what the store did. */
export type CheckInOutcome =
  | { kind: 'checked-in' | 'already'; signUp: SignUpRecord }
  /** Not signed up (or only waitlisted) and no place left. */
  | { kind: 'full' };

/**
 * Notices and sign-ups. Each method that changes sign-ups loads the activity's few records in
 * one transaction, applies one decision of core/notice/decisions.ts (waitlist promotion:
 * core/waitlist.ts, as for bookings) and writes what it answers.
 */
export interface NoticeRepo {
  /**
   * Inserts or replaces a notice with its activities in one transaction. Activities keep their
   * ids (and so their sign-ups); activities no longer listed are deleted (the core refuses to drop
   * one that has sign-ups).
   */
  save(notice: NoticeRecord): Promise<void>;
  get(id: string): Promise<NoticeRecord | null>;
  /** A community's notices matching the filter: pinned first, then week and update time, newest first. */
  list(community: string, filter: NoticeFilter): Promise<NoticeRecord[]>;
  /** Pins `id` and unpins every other notice of the community (null unpins all), atomically. */
  pin(community: string, id: string | null): Promise<void>;
  getActivity(id: string): Promise<ActivityRecord | null>;
  counts(activityIds: string[]): Promise<ActivityCount[]>;
  /**
   * Applies decideSignUp atomically: a known request or the user's live sign-up is 'existing';
   * otherwise 'closed' when the request's date is cancelled (read in the same transaction);
   * otherwise, with caps, 'limited' when the user's open sign-ups are at the limit; otherwise
   * 'signed' while places are left, else 'waitlisted'. Never more signed than capacity, never
   * more open sign-ups than the limit, whatever arrives at once.
   */
  signUp(request: SignUpRequest): Promise<SignUpOutcome>;
  /** currentSignUp of the user's sign-ups for an activity: the live one, else the latest; or null. */
  signUpOf(activityId: string, userId: string): Promise<SignUpRecord | null>;
  getSignUp(id: string): Promise<SignUpRecord | null>;
  /** 1-based place on the activity's waitlist. */
  waitlistPosition(signUp: SignUpRecord): Promise<number>;
  /**
   * Applies decideCancelSignUp to the user's live sign-up and gives the places it freed to the
   * waitlist with promoteNext, in one transaction; `promoted` is the first of them. Null when there
   * was nothing to cancel.
   */
  cancelSignUp(
    activityId: string,
    userId: string,
    now: Date,
  ): Promise<{ cancelled: SignUpRecord; promoted: SignUpRecord | null } | null>;
  /** promoteNext for every place free under `capacity` (after capacity grew), in one transaction. */
  fillPlaces(activityId: string, capacity: number | null, now: Date): Promise<SignUpRecord[]>;
  /**
   * Applies decideCheckIn atomically: marks the user's sign-up attended; without one (or only
   * waitlisted) takes a place if one is free, else 'full'. The core passes no capacity (null) for
   * staff at the door.
   */
  checkIn(
    request: SignUpRequest & { by: 'self' | 'staff'; via?: CheckInVia | null },
  ): Promise<CheckInOutcome>;
  /** Applies decideSetAttended: sets or clears attendance. Null when the sign-up does not exist. */
  setAttended(id: string, attendedAt: string | null): Promise<SignUpRecord | null>;
  /** Every sign-up of an activity in arrival order. */
  signUpsOf(activityId: string): Promise<SignUpRecord[]>;
  /** A user's sign-ups (any status), newest first. */
  signUpsOfUser(userId: string): Promise<SignUpRecord[]>;
  /**
   * Writes erasedSignUp (core/notice/decisions.ts) over each of the user's sign-ups (and drops
   * whatever lookup keyed by the user the store keeps); returns how many.
   */
  eraseSignUps(userId: string): Promise<number>;
  /**
   * Retention (core/retention.ts): writes retainedSignUp over at most `limit` sign-ups made
   * before `cutoffAt` (ISO) that still name someone, as eraseSignUps does; returns how many.
   */
  anonymiseSignUpsBefore(cutoffAt: string, limit: number): Promise<number>;
}

/** Where cover images live: DATA_DIR files locally, cloud storage in production. */
export interface MediaStore {
  /** Stores checked image bytes and returns the reference `notice.save` accepts. */
  put(community: string, bytes: Uint8Array, ext: string): Promise<string>;
  /** The bytes behind a reference, or null when it is not one of ours / does not exist. */
  read(ref: string): Promise<Uint8Array | null>;
  /** A URL clients can show for a stored reference. */
  url(ref: string): Promise<string>;
  /** Deletes the stored file behind a reference (erase); a reference not ours or gone is a no-op. */
  remove(ref: string): Promise<void>;
  /**
   * Writes `bytes` as the file behind one of our references, creating or overwriting it, and
   * keeping the reference: a file the mini-program put in cloud storage itself is replaced by its
   * cleaned copy, in place or at its kept path out of the pending folder (keptRefOf).
   */
  replace(ref: string, bytes: Uint8Array): Promise<void>;
}

/**
 * Re-encodes a checked image from its pixels (core/upload): the EXIF orientation applied, and
 * every metadata block (EXIF with GPS position and camera, XMP, PNG text chunks) left behind.
 * Rejects when the pixels cannot be decoded.
 */
export interface ImageCleaner {
  clean(bytes: Uint8Array, type: 'jpg' | 'png' | 'webp'): Promise<Uint8Array>;
}

// ── Uploads (photos and covers until a suggestion or notice holds them) ──

export type UploadKind = 'photo' | 'cover';

/** One image stored through an upload action (core/upload). */
export interface UploadRecord {
  /** The MediaStore reference. */
  ref: string;
  community: string;
  kind: UploadKind;
  /** Who uploaded it. */
  userId: string;
  /** ISO instants (UTC). */
  uploadedAt: string;
  /** When a suggestion or notice first held it; null until then (swept after UPLOAD_WINDOW). */
  attachedAt: string | null;
}

/**
 * Uploads and the per-person daily counters behind the quota. The core decides (core/upload/
 * rules.ts): whether a count is over the quota, which uploads are expired.
 */
export interface UploadRepo {
  /**
   * Atomically takes one of the user's uploads of `kind` on `day` ("YYYY-MM-DD", Asia/Shanghai)
   * when withinQuota (core/upload/rules.ts) allows it for `max`; false when the day's are used up.
   * The count stays taken whatever happens to the upload after.
   */
  take(userId: string, kind: UploadKind, day: string, max: number): Promise<boolean>;
  /** Records a stored upload (unattached). */
  add(record: UploadRecord): Promise<void>;
  get(ref: string): Promise<UploadRecord | null>;
  /**
   * Marks the upload attached at `at` unless it already is (then it stays as it was); null when
   * there is no such upload (never recorded, or swept).
   */
  attach(ref: string, at: string): Promise<UploadRecord | null>;
  /** Unattached uploads made before `before` (ISO), oldest first, at most `limit`. */
  unattachedBefore(before: string, limit: number): Promise<UploadRecord[]>;
  /**
   * Deletes the record only while it is still unattached (a compare-and-set against attach);
   * true when this call deleted it.
   */
  forgetUnattached(ref: string): Promise<boolean>;
  /**
   * Erase: deletes every upload record of the user and their daily counters (at least those of
   * `days`: a store whose counters do not name the user finds them by user, kind and day);
   * returns the refs that were still unattached, whose files go too.
   */
  eraseUploader(userId: string, days: string[]): Promise<string[]>;
  /**
   * The morning job (core/retention.ts): deletes at most `limit` daily counters of days before
   * `day` ("YYYY-MM-DD"), needed on their day only; returns how many.
   */
  forgetCountsBefore(day: string, limit: number): Promise<number>;
  /**
   * Retention (core/retention): deletes at most `limit` records of residents' photos uploaded
   * before `before` (ISO), attached or not: who uploaded which photo is not kept past the
   * suggestion's own retention (a record is needed only until it is attached); returns how many.
   */
  forgetPhotosBefore(before: string, limit: number): Promise<number>;
}

// ── Follow-ups (回访) and suggestions ─────────────────────────────────────

export interface FollowUpAttemptRecord {
  outcome: CallOutcome;
  /** ISO instant (UTC). */
  at: string;
  by: string;
}

export interface FollowUpRecord {
  id: string;
  community: string;
  /** The evening it follows. */
  date: string;
  /** One task per resident per evening and kind: the user id, or "booking:<id>" for staff-made bookings. */
  residentKey: string;
  userId: string | null;
  name: string;
  /** Consented phone; null means a message instead of a call. */
  phone: string | null;
  channel: FollowUpChannel;
  services: string[];
  kind: 'first' | 'senior';
  parentId: string | null;
  /** "YYYY-MM-DD" (Asia/Shanghai). */
  due: string;
  status: FollowUpStatus;
  attempts: FollowUpAttemptRecord[];
  result: FollowUpResult | null;
  closedReason: string | null;
  suggestionId: string | null;
  /** ISO instants (UTC). */
  createdAt: string;
  closedAt: string | null;
}

export type FollowUpPatch = Partial<
  Pick<
    FollowUpRecord,
    'status' | 'attempts' | 'result' | 'closedReason' | 'suggestionId' | 'closedAt'
  >
>;

export interface FollowUpRuleRecord {
  followUp: boolean;
  delayDays: number;
}

/** A resident's standing choice of how to be followed up (不要电话回访). */
export interface ContactPreferenceRecord {
  userId: string;
  noCalls: boolean;
  /** ISO instant (UTC). */
  updatedAt: string;
}

export interface FollowUpRepo {
  /**
   * Atomically: the task under the record's key (taskKey), or, when none, this one, as firstTask
   * in core/followup/rules.ts decides; the job may run twice.
   */
  create(record: FollowUpRecord): Promise<{ created: boolean; record: FollowUpRecord }>;
  get(id: string): Promise<FollowUpRecord | null>;
  /** A community's open tasks, by due date. */
  open(community: string): Promise<FollowUpRecord[]>;
  /** Tasks closed or done since `since` (ISO), newest first. */
  recent(community: string, since: string): Promise<FollowUpRecord[]>;
  /**
   * Compare-and-set (patchIfUnchanged in core/followup/rules.ts): applies `patch` only while the
   * task is open with exactly `attempts` attempts recorded, so two workers recording at once
   * cannot both count. Null otherwise.
   */
  update(id: string, attempts: number, patch: FollowUpPatch): Promise<FollowUpRecord | null>;
  /** Links a suggestion (whatever the status). */
  linkSuggestion(id: string, suggestionId: string): Promise<void>;
  ofUser(userId: string): Promise<FollowUpRecord[]>;
  /** Every task about one evening of a community (any kind and status). */
  ofEvening(community: string, date: string): Promise<FollowUpRecord[]>;
  /** Per service id ("activity" for activities); null before staff set any. */
  getRules(community: string): Promise<Record<string, FollowUpRuleRecord> | null>;
  saveRules(community: string, rules: Record<string, FollowUpRuleRecord>): Promise<void>;
  /** Writes erasedTask (core/followup/rules.ts) over each of the user's tasks; returns how many. */
  erase(userId: string): Promise<number>;
  /** The resident's choice; null before they made one. */
  contactOf(userId: string): Promise<ContactPreferenceRecord | null>;
  /** Writes the resident's choice over any earlier one. */
  setContact(record: ContactPreferenceRecord): Promise<void>;
  /** Of `userIds`, those who asked not to be called (noCalls), in any order. */
  noCalls(userIds: string[]): Promise<string[]>;
  /** Erase: deletes the resident's choice; returns how many records went (0 or 1). */
  forgetContact(userId: string): Promise<number>;
  /**
   * Retention (core/retention.ts): writes retainedTask over at most `limit` tasks about evenings
   * before `cutoff` that still name someone, as erase does; returns how many.
   */
  anonymiseBefore(cutoff: string, limit: number): Promise<number>;
}

export interface SuggestionRecord {
  id: string;
  community: string;
  /** `${prefix}-${seq}` with seq counted per prefix, e.g. "JS-1202-003" (numbered, in the core). */
  receipt: string;
  userId: string | null;
  name: string;
  category: string;
  text: string;
  photo: string | null;
  followUpId: string | null;
  source: 'resident' | 'call';
  status: SuggestionStatus;
  reply: string | null;
  reason: string | null;
  mergedInto: string | null;
  changeId: string | null;
  solved: Solved | null;
  requestId: string;
  /** ISO instants (UTC). */
  createdAt: string;
  updatedAt: string;
  answeredAt: string | null;
}

export type SuggestionPatch = Partial<
  Pick<
    SuggestionRecord,
    'status' | 'reply' | 'reason' | 'mergedInto' | 'solved' | 'updatedAt' | 'answeredAt'
  >
>;

export interface ChangeRecord {
  id: string;
  community: string;
  title: string;
  detail: string;
  since: string;
  suggestionIds: string[];
  createdBy: string;
  createdAt: string;
}

export type SubmitOutcome =
  | { kind: 'created' | 'existing'; record: SuggestionRecord }
  /** The resident already left `max` suggestions since `since`. */
  | { kind: 'limited' };

export interface SuggestionRepo {
  /**
   * Files a suggestion atomically, as core/suggestion/rules.ts decides: the store loads the
   * suggestion a known (userId, requestId) filed and when the author filed their own
   * (countsTowardLimit), asks decideSubmit ('existing', 'limited' or file), and numbers a filed
   * one after the prefix's last number (numbered).
   */
  submit(
    record: Omit<SuggestionRecord, 'receipt'>,
    receiptPrefix: string,
    limit: { since: string; max: number } | null,
  ): Promise<SubmitOutcome>;
  get(id: string): Promise<SuggestionRecord | null>;
  ofUser(userId: string): Promise<SuggestionRecord[]>;
  /** A community's suggestions, newest first. */
  list(community: string): Promise<SuggestionRecord[]>;
  /** Compare-and-set on status (patchIfStatus in core/suggestion/rules.ts). */
  update(
    id: string,
    from: SuggestionRecord['status'][],
    patch: SuggestionPatch,
  ): Promise<SuggestionRecord | null>;
  /** Records a change and writes adoptedBy (core/suggestion/rules.ts) over its suggestions, in one transaction. */
  addChange(change: ChangeRecord, now: string): Promise<void>;
  getChange(id: string): Promise<ChangeRecord | null>;
  changes(community: string): Promise<ChangeRecord[]>;
  /** Writes erasedSuggestion over a resident's suggestions (anonymous statistics remain). */
  erase(userId: string): Promise<number>;
  /**
   * Retention (core/retention.ts): writes retainedSuggestion over at most `limit` suggestions
   * filed before `cutoffAt` (ISO) that still name someone, as erase does; returns how many, and
   * the photos they dropped (whose files the core removes).
   */
  anonymiseBefore(
    cutoffAt: string,
    limit: number,
  ): Promise<{ changed: number; photos: Array<{ community: string; ref: string }> }>;
}

/** Checks residents' text before it is stored (WeChat msgSecCheck in production). */
export interface ContentChecker {
  check(text: string, userId: string): Promise<'pass' | 'block'>;
}

// ── 居民点单, 社区买单, 伴 and 调休 ─────────────────────────────────────────

export interface RoundRecord {
  id: string;
  community: string;
  title: string;
  candidates: Candidate[];
  maxChoices: number;
  closesOn: string;
  status: RoundStatus;
  menu: string[] | null;
  createdBy: string;
  /** ISO instants (UTC). */
  createdAt: string;
  publishedAt: string | null;
}

export interface VoteRecord {
  roundId: string;
  /** The resident's user id, or "paper:<staff>:<request>:<n>" for a paper ballot. */
  voterKey: string;
  choices: string[];
  paper: boolean;
  updatedAt: string;
  /** When staff voided the ballot (it stays listed, uncounted); null when it counts. */
  voidedAt: string | null;
  voidedBy: string | null;
}

export interface SurveyRepo {
  createRound(round: RoundRecord): Promise<void>;
  getRound(id: string): Promise<RoundRecord | null>;
  /** A community's rounds, newest first. */
  rounds(community: string): Promise<RoundRecord[]>;
  /** Compare-and-set on status (patchRoundIfStatus in core/survey/rules.ts). */
  updateRound(
    id: string,
    from: RoundStatus[],
    patch: Partial<Pick<RoundRecord, 'status' | 'menu' | 'publishedAt'>>,
  ): Promise<RoundRecord | null>;
  /**
   * One ballot per voter key and round: a second vote replaces the first. The core makes the
   * keys (residentBallot, paperBallots in core/survey/rules.ts), so a retried paper stack counts once.
   */
  vote(vote: Omit<VoteRecord, 'voidedAt' | 'voidedBy'>): Promise<void>;
  /** Every ballot of the round, each with its void (kept apart, so a new vote keeps it). */
  votes(roundId: string): Promise<VoteRecord[]>;
  /** Voids a ballot (or, with null, counts it again); voiding a ballot that does not exist yet is kept for it. */
  setVoided(
    roundId: string,
    voterKey: string,
    voided: { at: string; by: string } | null,
  ): Promise<void>;
  /**
   * Replaces each of the user's ballots by erasedVote (core/survey/rules.ts) under a new random
   * key, so the choices still count and nothing names the voter; returns how many.
   */
  eraseVoter(userId: string): Promise<number>;
}

export interface ReportRepo {
  /** Yuan per visit served (人次), per service id; null before staff set any. */
  getCosts(community: string): Promise<Record<string, number> | null>;
  saveCosts(community: string, costs: Record<string, number>): Promise<void>;
}

export interface ShiftRecord {
  id: string;
  community: string;
  date: string;
  worker: string;
  name: string;
  start: string;
  end: string;
  loggedEnd: string | null;
  compMinutes: number;
  createdAt: string;
}

export interface CompanionRecord {
  id: string;
  community: string;
  date: string;
  userId: string;
  /**
   * "ticket:<id>" or "booking:<id>" (companionSubject in core/roster/rules.ts): unique, so a second tap or a retry finds the
   * first request. Requests made before requests travelled with their ticket have "legacy:<id>".
   */
  subject: string;
  about: string;
  note: string;
  worker: string | null;
  workerName: string | null;
  status: 'waiting' | 'assigned' | 'done';
  createdAt: string;
}

export interface LeaveRecord {
  id: string;
  worker: string;
  name: string;
  community: string;
  date: string;
  minutes: number;
  note: string;
  status: 'pending' | 'approved' | 'refused';
  createdAt: string;
  decidedBy: string | null;
}

export interface RosterRepo {
  addShift(shift: ShiftRecord): Promise<void>;
  getShift(id: string): Promise<ShiftRecord | null>;
  shifts(community: string, date: string): Promise<ShiftRecord[]>;
  shiftsOf(worker: string): Promise<ShiftRecord[]>;
  /** Writes the end and comp time loggedShift (core/roster/rules.ts) decided. */
  logEnd(id: string, loggedEnd: string, compMinutes: number): Promise<ShiftRecord | null>;
  /**
   * Atomically, one request per subject (firstCompanion in core/roster/rules.ts): a second add
   * (a retry, a second tap, a race) returns the first.
   */
  addCompanion(request: CompanionRecord): Promise<CompanionRecord>;
  getCompanion(id: string): Promise<CompanionRecord | null>;
  /** The request made for a ticket or booking (companionSubject), or null. */
  companionOf(subject: string): Promise<CompanionRecord | null>;
  /** One evening's requests of a community, in arrival order (the queue desk reads these). */
  companions(community: string, date: string): Promise<CompanionRecord[]>;
  companionsOf(worker: string): Promise<CompanionRecord[]>;
  /** Writes assignedCompanion (core/roster/rules.ts); null when there is no such request. */
  assignCompanion(id: string, worker: string, workerName: string): Promise<CompanionRecord | null>;
  /**
   * Applies erasedCompanion (core/roster/rules.ts) to each of a resident's requests: deletes the
   * ones nobody took up, anonymises the others; returns how many.
   */
  eraseCompanions(userId: string): Promise<number>;
  /**
   * Writes erasedNote over every request of an evening before `before` ("YYYY-MM-DD") that still
   * has a note: a need is kept for its evening, not after (the morning job); returns how many.
   */
  clearNotes(before: string): Promise<number>;
  /**
   * Retention (core/retention): applies retainedCompanion to at most `limit` requests of
   * evenings before `cutoff` that still name their resident, as eraseCompanions does (deleted
   * when nobody took one up, else anonymised); returns how many.
   */
  anonymiseCompanionsBefore(cutoff: string, limit: number): Promise<number>;
  addLeave(leave: LeaveRecord): Promise<void>;
  getLeave(id: string): Promise<LeaveRecord | null>;
  pendingLeave(): Promise<LeaveRecord[]>;
  leaveOf(worker: string): Promise<LeaveRecord[]>;
  /** Compare-and-set from 'pending' (decidedLeave in core/roster/rules.ts). */
  decideLeave(id: string, status: 'approved' | 'refused', by: string): Promise<LeaveRecord | null>;
}

// ── Alert log (what residents were told) ─────────────────────────────────

/** Every kind of alert the core sends. */
export type SentAlertKind =
  Alert['kind'] | BookingAlert['kind'] | ActivityAlert['kind'] | ResidentAlert['kind'];

/** One alert as it was sent, flattened so each store keeps it as one row or document. */
export interface SentAlert {
  userId: string;
  kind: SentAlertKind;
  /** The ticket, booking or activity it is about; '' for follow-ups and suggestions. */
  ref: string;
  community: string;
  /** The walk-in line for queue alerts; the service, 'notice' or 'voice' for the others. */
  queue: string;
  /** The service evening (yyyy-mm-dd); '' when the alert belongs to none. */
  date: string;
  /** What the desk reads, e.g. "A012" or "政务服务 19:00". */
  label: string;
  /** When the core sent it, ISO UTC. */
  at: string;
}

/**
 * What was sent, kept by the store so every host can show it (the desk's list of tonight's
 * alerts; the local outbox). The core writes it (core/alert-log.ts), and a failed record never
 * stops the alert itself.
 */
export interface AlertLog {
  record(alert: SentAlert): Promise<void>;
  /** One line's alerts of one evening, newest first (ties: last recorded first), at most `limit`. */
  recent(community: string, queue: string, date: string, limit: number): Promise<SentAlertRecord[]>;
  /** Deletes every alert sent to the user (erase); returns how many. */
  erase(userId: string): Promise<number>;
  /**
   * Deletes at most `limit` alerts sent before `cutoffAt` (ISO instant), oldest first; returns
   * how many (retention: the log names residents, and goes after a year as their records do).
   */
  forgetBefore(cutoffAt: string, limit: number): Promise<number>;
}

// ── Volunteers and partner organisations (#16; rules in core/volunteer/rules.ts) ─────────────

export interface OrgRecord {
  id: string;
  community: string;
  name: string;
  kind: OrgKind;
  contact: string;
  createdAt: string;
}

/** A one-time code that makes its redeemer a volunteer of `community` (staff.redeem takes it). */
export interface VolunteerInviteRecord {
  code: string;
  community: string;
  org: string | null;
  orgName: string | null;
  /** The volunteer's name as staff typed it (roster, CSV). */
  name: string;
  createdBy: string;
  createdAt: string;
  /** ISO instant. */
  expiresAt: string;
  usedBy: string | null;
  cancelledAt: string | null;
}

/** A volunteer of one community: made by redeeming a volunteer invite. */
export interface VolunteerRecord {
  userId: string;
  community: string;
  org: string | null;
  /** Copied from the organisation at invite time, so lists need no second read. */
  orgName: string | null;
  name: string;
  since: string;
}

/** A volunteer's sign-up for a service on an evening, with the minutes staff confirmed. */
export interface VolunteerShiftRecord {
  id: string;
  community: string;
  date: string;
  service: string;
  /** '' once erased: the hours stay as an anonymous count. */
  userId: string;
  name: string;
  orgName: string | null;
  minutes: number | null;
  loggedBy: string | null;
  createdAt: string;
}

export interface VolunteerRepo {
  saveOrg(org: OrgRecord): Promise<void>;
  getOrg(id: string): Promise<OrgRecord | null>;
  /** A community's organisations in the order they were added. */
  orgs(community: string): Promise<OrgRecord[]>;
  createInvite(invite: VolunteerInviteRecord): Promise<void>;
  /** The community's invites still open at `now` (decideRedeem), newest first, then by code. */
  openInvites(community: string, now: Date): Promise<VolunteerInviteRecord[]>;
  /**
   * Cancels (作废) an invite of `community` as `decideCancelInvite` decides, in one transaction
   * with its read: a redeemer racing it and this cannot both win. Another community's code reads
   * as unknown.
   */
  cancelInvite(code: string, community: string, now: Date): Promise<RedeemResult>;
  /**
   * Atomically uses a volunteer invite as the core's `decideVolunteerRedeem` says: marks it used
   * and writes the membership. Two identities racing for one code: exactly one wins.
   */
  redeemInvite(code: string, userId: string, now: Date): Promise<RedeemResult>;
  getVolunteer(community: string, userId: string): Promise<VolunteerRecord | null>;
  volunteers(community: string): Promise<VolunteerRecord[]>;
  membershipsOf(userId: string): Promise<VolunteerRecord[]>;
  /**
   * Writes a sign-up as it is, keyed by id (seeding and tests; it keeps the one-per-evening key
   * too). Volunteers sign up through signUp().
   */
  putShift(shift: VolunteerShiftRecord): Promise<void>;
  /**
   * A volunteer's sign-up in one transaction: reads their membership and their earlier sign-up of
   * that evening, asks `decideVolunteerSignUp`, and writes what it made. One sign-up per
   * volunteer, community and evening: two at once (or a retry) make one record.
   */
  signUp(
    community: CommunityRecord,
    userId: string,
    request: { date: string; service: string; id: string; today: string; now: Date },
  ): Promise<SignUpDecision>;
  /** Reads, asks `decideCancelSignUp` and deletes the sign-up in one transaction. */
  cancelSignUp(id: string, userId: string, today: string): Promise<CancelSignUpDecision>;
  /**
   * Ends a volunteer's membership of `community` and withdraws (deletes) the sign-ups
   * `withdrawnOnRevoke` names; hours stay. Not a member: `{ ok: false }`, nothing changed.
   * A sign-up racing it either commits first (and is withdrawn) or is refused.
   */
  revoke(
    community: string,
    userId: string,
    today: string,
  ): Promise<{ ok: true; withdrawn: number } | { ok: false }>;
  getShift(id: string): Promise<VolunteerShiftRecord | null>;
  /** One evening's sign-ups, in the order they were made. */
  shifts(community: string, date: string): Promise<VolunteerShiftRecord[]>;
  /** Sign-ups of the dates from `from` to `to` (inclusive), by date then order made. */
  shiftsBetween(community: string, from: string, to: string): Promise<VolunteerShiftRecord[]>;
  /** A volunteer's sign-ups, every community, latest evening first. */
  shiftsOf(userId: string): Promise<VolunteerShiftRecord[]>;
  /** Reads, asks `decideLogHours` and writes in one transaction; null: missing or refused. */
  logHours(
    id: string,
    minutes: number,
    by: string,
    today: string,
  ): Promise<VolunteerShiftRecord | null>;
  /**
   * Erasing a person (core/erase.ts): memberships deleted, sign-ups anonymised (erasedVolunteerShift),
   * invites they used forget who. How many records changed.
   */
  erase(userId: string): Promise<number>;
}
