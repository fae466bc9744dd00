import { maskPhone } from '../kernel/mask';
import type {
  BookableService,
  Booking,
  BookingFigures,
  BookingSettings,
  Slot,
  StaffBooking,
} from '../../../contract/booking';
import { communityOrThrow } from '../kernel/community';
import { assertActive } from '../community/setup';
import { CALENDAR_WINDOW_DAYS, calendarOf } from '../kernel/calendar';
import type { Calendar } from '../kernel/schedule';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { stopwatch, type JobBudget, type JobRun } from '../jobs';
import type { BookingRecord, CommunityRecord, CompanionRecord } from '../ports';
import { companionSubject, ticketCompanionView } from '../roster/rules';
import { isoLocal, local, localDate } from '../kernel/time';
import { bookingCapsOf, bookingLimitMessage, limitsOf } from '../community/limits';
import {
  bookingCodes,
  canChange,
  changeLimit,
  deskMoves,
  isLate,
  slotPhase,
  takesWaitlist,
} from './rules';
import {
  bookableDates,
  bookableService,
  endOf,
  eveningOn,
  parseSlotId,
  resolveSlot,
  closedDate,
  settingsOf,
  slotId,
  slotStarts,
} from './slots';

/** "138****5678": staff need enough to recognise a number, lists never show it whole. */
const maskedPhone = (phone: string | null) => (phone ? maskPhone(phone) : null);

export async function settingsFor(deps: CoreDeps, community: string, service: string) {
  return settingsOf(service, await deps.store.bookings.getSettings(community, service));
}

export async function bookingView(deps: CoreDeps, b: BookingRecord, now: Date): Promise<Booking> {
  const community = await communityOrThrow(deps, b.community);
  const settings = await settingsFor(deps, b.community, b.service);
  const position = b.status === 'waitlisted' ? await deps.store.bookings.waitlistPosition(b) : null;
  return { ...viewOf(b, community, settings, position, now), ...closedReason(b) };
}

/**
 * A booking cancelled with its evening says why (the resident's 我的预约 shows it), from the
 * booking itself: restoring the date keeps it.
 */
const closedReason = (b: BookingRecord) =>
  b.status === 'cancelled' && b.cancelledReason ? { cancelledReason: b.cancelledReason } : {};

function viewOf(
  b: BookingRecord,
  community: CommunityRecord,
  settings: BookingSettings,
  waitlistPosition: number | null,
  now: Date,
): Booking {
  const service = community.services.find((s) => s.id === b.service);
  return {
    id: b.id,
    code: b.code,
    community: b.community,
    service: b.service,
    serviceName: service?.name ?? b.service,
    slotId: b.slotId,
    date: b.date,
    startsAt: b.startsAt,
    endsAt: endOf(b.startsAt, settings.slotMinutes),
    status: b.status,
    waitlistPosition,
    phone: maskedPhone(b.phone),
    bring: settings.bring,
    changeableUntil: isoLocal(changeLimit(b, settings)),
    changeable: canChange(b, settings, now),
    contactPhone: community.contactPhone,
    createdAt: isoLocal(new Date(b.createdAt)),
  };
}

/**
 * A booking as the desk sees it, with the companion request made on it. `companions` is the
 * community's requests of that evening when the caller has read them for a whole list (one read);
 * otherwise the one request is read by its subject.
 */
export async function staffView(
  deps: CoreDeps,
  b: BookingRecord,
  now: Date,
  companions?: ReadonlyMap<string, CompanionRecord>,
): Promise<StaffBooking> {
  const subject = companionSubject('booking', b.id);
  const companion = companions
    ? (companions.get(subject) ?? null)
    : await deps.store.rosters.companionOf(subject);
  return {
    ...(await bookingView(deps, b, now)),
    name: b.name,
    byStaff: b.userId === null,
    moves: deskMoves(b, now),
    companion: companion ? ticketCompanionView(companion) : null,
  };
}

/** The community's companion requests of an evening, by subject, for staffView over a list. */
export async function companionsByBooking(
  deps: CoreDeps,
  community: string,
  date: string,
): Promise<Map<string, CompanionRecord>> {
  const all = await deps.store.rosters.companions(community, date);
  return new Map(all.map((c) => [c.subject, c]));
}

export async function services(deps: CoreDeps, communityId: string, now: Date) {
  const community = await communityOrThrow(deps, communityId);
  const calendar = await calendarOf(deps, community, now);
  const list: BookableService[] = [];
  for (const s of community.services
    .filter((x) => x.kind === 'booking')
    .sort((a, b) => a.sort - b.sort)) {
    const settings = await settingsFor(deps, community.id, s.id);
    list.push({
      id: s.id,
      name: s.name,
      description: s.description,
      ...settings,
      dates: bookableDates(calendar, now, settings.weekdays),
    });
  }
  return {
    community: { id: community.id, name: community.name, contactPhone: community.contactPhone },
    limits: limitsOf(community.limits),
    services: list,
    dates: bookableDates(calendar, now),
  };
}

export async function slots(
  deps: CoreDeps,
  input: { community: string; service: string; date: string },
  now: Date,
): Promise<Slot[]> {
  const community = await communityOrThrow(deps, input.community);
  bookableService(community, input.service);
  const settings = await settingsFor(deps, community.id, input.service);
  const calendar = await calendarOf(deps, community, now);
  const evening = eveningOn(calendar, input.date, now, settings.weekdays);
  const counts = new Map(
    (await deps.store.bookings.slotCounts(community.id, input.service, input.date)).map((c) => [
      c.slotId,
      c,
    ]),
  );
  return slotStarts(evening.opensAt, evening.closesAt, settings.slotMinutes).map((startsAt) => {
    const id = slotId(community.id, input.service, input.date, startsAt);
    const count = counts.get(id);
    const left = Math.max(0, settings.seatsPerSlot - (count?.taken ?? 0));
    const endsAt = endOf(startsAt, settings.slotMinutes);
    const phase = slotPhase(input.date, startsAt, endsAt, now);
    const late = isLate(input.date, startsAt, settings, now);
    return {
      id,
      date: input.date,
      startsAt,
      endsAt,
      seats: settings.seatsPerSlot,
      left,
      waitlisted: count?.waitlisted ?? 0,
      open: phase === 'ahead' && (left > 0 || takesWaitlist(late)),
      phase,
      late,
    };
  });
}

export interface BookArgs {
  slotId: string;
  /** Null for a booking staff make for someone: never limited. */
  userId: string | null;
  name: string;
  phone: string | null;
  requestId: string;
}

/** Why a full slot past its cut-off is refused (see takesWaitlist). */
export const LATE_FULL_MESSAGE = '这个时段已满，临近开始不再排候补，请选择其他时段';

/** What a resident's booking is limited by in `community` (bookingLimit). */
export const residentCaps = (community: CommunityRecord, now: Date) =>
  bookingCapsOf(limitsOf(community.limits), localDate(now));

/**
 * The community's calendar as far as booking on `date` reads it (resolveSlot): calendarOf's,
 * its exceptions from today on, but only up to that date. eveningOn and bookableDates through
 * `date` look no further, and a booking loads a few dates instead of 112 days of them.
 */
export async function calendarThrough(
  deps: CoreDeps,
  community: CommunityRecord,
  now: Date,
  date: string,
): Promise<Calendar> {
  const last = localDate(now, CALENDAR_WINDOW_DAYS);
  const dates = await deps.store.calendar.list(
    community.id,
    localDate(now),
    date < last ? date : last,
  );
  return { evenings: community.evenings, dates };
}

/** Validates the slot and books it; returns the record and whether it is new. */
export async function book(deps: CoreDeps, args: BookArgs, now: Date) {
  const ref = parseSlotId(args.slotId);
  if (!ref) throw new AppError('NOT_FOUND', '没有这个预约时段，请重新选择', 'slotId');
  const community = await communityOrThrow(deps, ref.community);
  assertActive(community);
  const settings = await settingsFor(deps, community.id, ref.service);
  const calendar = await calendarThrough(deps, community, now, ref.date);
  const { late } = resolveSlot(community, calendar, ref, settings, now);
  const outcome = await deps.store.bookings.book({
    slotId: args.slotId,
    ...ref,
    community: community.id,
    userId: args.userId,
    name: args.name,
    phone: args.phone,
    requestId: args.requestId,
    seats: settings.seatsPerSlot,
    waitlist: takesWaitlist(late),
    codes: bookingCodes(),
    caps: args.userId ? residentCaps(community, now) : null,
    now,
  });
  if (outcome.kind === 'closed') throw closedDate(ref.date, outcome.reason);
  if (outcome.kind === 'full') throw new AppError('CONFLICT', LATE_FULL_MESSAGE, 'slotId');
  if (outcome.kind === 'limited') throw new AppError('CONFLICT', bookingLimitMessage(outcome));
  return { ...outcome, community, settings };
}

/** The resident's view of what book() made, from the community and settings it read. */
export async function bookedView(
  deps: CoreDeps,
  booked: Awaited<ReturnType<typeof book>>,
  now: Date,
): Promise<Booking> {
  const b = booked.booking;
  const position = b.status === 'waitlisted' ? await deps.store.bookings.waitlistPosition(b) : null;
  return viewOf(b, booked.community, booked.settings, position, now);
}

export async function ownBooking(deps: CoreDeps, userId: string, id: string) {
  const booking = await deps.store.bookings.getBooking(id);
  if (!booking || booking.userId !== userId) throw notFound('没有找到这条预约');
  return booking;
}

/** Where "联系社工" leads: the community's phone when staff have set one, else the desk. */
export const contactWords = (phone: string | null) =>
  phone ? `请致电社工 ${phone}` : '请到服务台找社工';

export async function assertChangeable(deps: CoreDeps, b: BookingRecord, now: Date, verb: string) {
  const settings = await settingsFor(deps, b.community, b.service);
  if (b.status !== 'confirmed' && b.status !== 'waitlisted') {
    throw new AppError('CONFLICT', `这条预约${STATUS_WORDS[b.status]}，不能${verb}`);
  }
  if (canChange(b, settings, now)) return;
  const community = await communityOrThrow(deps, b.community);
  // A waitlist place holds no seat: it can be withdrawn until the start, which is past now.
  const limit =
    b.status === 'waitlisted'
      ? '时段已开始'
      : `已过${verb}时限（开始前 ${settings.cutoffHours} 小时）`;
  throw new AppError('CLOSED', `${limit}。如需变动，${contactWords(community.contactPhone)}`);
}

export const STATUS_WORDS: Record<BookingRecord['status'], string> = {
  confirmed: '已预约',
  waitlisted: '在候补中',
  'checked-in': '已签到',
  completed: '已完成',
  'no-show': '已标记未到',
  cancelled: '已取消',
};

/** Tells the resident whose waitlisted booking just got a seat. */
export async function announcePromotion(deps: CoreDeps, promoted: BookingRecord | null, now: Date) {
  if (!promoted?.userId) return;
  await deps.notifier?.notifyBooking({
    userId: promoted.userId,
    at: now.toISOString(),
    kind: 'booking-promoted',
    booking: await bookingView(deps, promoted, now),
  });
}

export function figuresOf(bookings: BookingRecord[]): BookingFigures {
  const count = (pred: (b: BookingRecord) => boolean) => bookings.filter(pred).length;
  return {
    booked: count((b) => ['confirmed', 'checked-in', 'completed', 'no-show'].includes(b.status)),
    checkedIn: count((b) => b.status === 'checked-in' || b.status === 'completed'),
    completed: count((b) => b.status === 'completed'),
    noShows: count((b) => b.status === 'no-show'),
    cancelled: count((b) => b.status === 'cancelled'),
    waitlisted: count((b) => b.status === 'waitlisted'),
    promotions: count((b) => b.promotedAt !== null),
  };
}

/** Reminders go out from this hour on the day of the evening. */
export const REMINDER_FROM = '12:00';

/**
 * Per run of the reminders: at most 100 (one page of the due query), and none started after 10 s.
 * A reminder is a compare-and-set on the booking and a subscription message, a few round trips;
 * stopping at 10 s leaves the one in flight room inside the 20 s timeout the booking-reminder
 * function is deployed with. Its trigger fires every minute from 12:00 to 20:59: by 15:00 that is
 * 180 runs, over 10,000 reminders (about ten bookings an evening in each of 1,000 communities).
 */
export const REMINDER_BUDGET: JobBudget = { units: 100, ms: 10_000 };

/**
 * The afternoon reminder: every confirmed booking of today not yet reminded gets one notice. Run
 * by a timer (cloud) or an in-process interval (local host); safe to run as often as you like,
 * and at once: the reminded mark is set by compare-and-set before the notice goes, so of two runs
 * only the one that set it sends.
 *
 * One run is one batch: the first `budget.units` due bookings. The marks are the progress, so the
 * next run resumes with what is still due, and bookings made later in the afternoon are still
 * reminded; once nothing is due, a run is one query that finds nothing.
 */
export async function sendDueReminders(
  deps: CoreDeps,
  now: Date,
  budget: JobBudget = REMINDER_BUDGET,
): Promise<JobRun> {
  const today = local(now);
  if (today.format('HH:mm') < REMINDER_FROM) return { done: 0, finished: true };
  const watch = stopwatch(deps, budget.ms);
  const due = await deps.store.bookings.dueReminders(today.format('YYYY-MM-DD'), budget.units);
  const view = viewsFor(deps, now);
  let sent = 0;
  let handled = 0;
  for (const b of due) {
    if (watch.over()) break;
    handled += 1;
    const marked = await deps.store.bookings.markReminded(b.id, now.toISOString());
    if (!marked) continue;
    if (marked.userId) {
      await deps.notifier?.notifyBooking({
        userId: marked.userId,
        at: now.toISOString(),
        kind: 'booking-reminder',
        booking: await view(marked),
      });
    }
    sent += 1;
  }
  // A full batch may have more behind it: the next run finds out.
  return { done: sent, finished: handled === due.length && due.length < budget.units };
}

/** bookingView for a batch: each community and service's settings read once, not per booking. */
function viewsFor(deps: CoreDeps, now: Date) {
  const communities = new Map<string, CommunityRecord>();
  const settings = new Map<string, BookingSettings>();
  return async (b: BookingRecord) => {
    const community = communities.get(b.community) ?? (await communityOrThrow(deps, b.community));
    communities.set(b.community, community);
    const key = `${b.community}\n${b.service}`;
    const serviceSettings = settings.get(key) ?? (await settingsFor(deps, b.community, b.service));
    settings.set(key, serviceSettings);
    return viewOf(b, community, serviceSettings, null, now);
  };
}
