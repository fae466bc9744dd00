/**
 * A community's calendar (#16): staff cancel a date (a public holiday, a typhoon) with a reason
 * residents see, undo it, and add extra evenings. The exceptions live apart from the community
 * record (CalendarRepo); kernel/schedule.ts answers what any date is from the weekly evenings and
 * them, for the tonight page, queues, bookings and reports alike.
 */
import type { CalendarDate, CalendarEvening, CalendarView } from '../../../contract/calendar';
import type { BookingStatus } from '../../../contract/booking';
import { type CancelDecision, decideCancel } from '../booking/decisions';
import { AppError } from '../errors';
import type { ActivityRecord, BookingRecord, Closing, SignUpRecord } from '../ports';
import { type Calendar, eveningOnDate, eveningsBetween } from '../kernel/schedule';
import { local, wallClock } from '../kernel/time';
import { addDays, todayOf } from '../kernel/week';

/** The longest reason residents read on one line of the tonight page. */
export const REASON_MAX = 60;
/** How far ahead staff may change the calendar, in days. */
export const CALENDAR_FUTURE_DAYS = 366;
/** The staff calendar lists this many weeks. */
export const CALENDAR_WEEKS = 8;
/** A date's bookings that closing it cancels: the live ones. */
export const CLOSED_BY_DATE: readonly BookingStatus[] = ['confirmed', 'waitlisted'];

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** "12月9日（周三）": how residents read a date. */
export const dayLabel = (date: string) => {
  const d = local(`${date}T12:00:00+08:00`);
  return `${d.month() + 1}月${d.date()}日（${WEEKDAY_NAMES[d.day()]}）`;
};

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** A date staff may change: today up to CALENDAR_FUTURE_DAYS ahead, never one gone by. */
export function assertCalendarDate(date: string, now: Date) {
  const today = todayOf(now);
  const last = addDays(today, CALENDAR_FUTURE_DAYS);
  if (date < today) throw new AppError('BAD_INPUT', '不能更改已经过去的日期', 'date');
  if (date > last) throw new AppError('BAD_INPUT', `日期要在 ${today} 到 ${last} 之间`, 'date');
}

/** The reason, trimmed: required and at most REASON_MAX characters. */
export function reasonOf(input: string): string {
  const reason = input.trim();
  if (!reason) throw new AppError('BAD_INPUT', '请填写暂停开放的原因，居民会看到它', 'reason');
  if (Array.from(reason).length > REASON_MAX) {
    throw new AppError('BAD_INPUT', `原因最多 ${REASON_MAX} 个字`, 'reason');
  }
  return reason;
}

/**
 * A new sign-up for an activity on a cancelled date is refused, with the reason (its sign-ups
 * were cancelled with the date).
 */
export function assertNotCancelled(calendar: Calendar, date: string): void {
  const evening = eveningOnDate(calendar, date);
  if (evening.kind === 'cancelled') throw closedActivity(date, evening.reason);
}

/** The refusal of a sign-up on a cancelled date, before the store or from its transaction. */
export const closedActivity = (date: string, reason: string) =>
  new AppError('CLOSED', `${dayLabel(date)}暂停开放：${reason}，活动不再报名`);

/** Cancelling a date: it must be a service evening (weekly or extra) that is not cancelled yet. */
export function decideCancelDate(calendar: Calendar, date: string, reason: string): CalendarDate {
  const evening = eveningOnDate(calendar, date);
  if (evening.kind === 'cancelled') throw new AppError('CONFLICT', '这一天已经暂停开放了', 'date');
  if (evening.kind === 'none') throw new AppError('BAD_INPUT', '这一天不是服务夜', 'date');
  const { opensAt, closesAt, extra } = evening;
  return { date, kind: 'cancelled', reason, opensAt, closesAt, added: extra };
}

/**
 * Undoing a cancellation: a weekly evening is weekly again (the exception goes); an extra one is
 * extra again, with its hours. Bookings and sign-ups it cancelled stay cancelled, with the reason
 * kept on each (residents see why, and book again).
 */
export function decideRestore(
  calendar: Calendar,
  date: string,
): { save: CalendarDate } | { remove: true } {
  const entry = calendar.dates.find((d) => d.date === date);
  if (entry?.kind !== 'cancelled') throw new AppError('CONFLICT', '这一天没有暂停开放', 'date');
  if (!entry.added) return { remove: true };
  return { save: { ...entry, kind: 'extra', reason: '' } };
}

/** Adding an extra evening on a date that has none, with sensible hours. */
export function decideAddEvening(
  calendar: Calendar,
  date: string,
  opensAt: string,
  closesAt: string,
): CalendarDate {
  if (minutes(closesAt) - minutes(opensAt) < 30) {
    throw new AppError('BAD_INPUT', '结束时间要比开始时间至少晚 30 分钟', 'closesAt');
  }
  const evening = eveningOnDate(calendar, date);
  if (evening.kind === 'cancelled') {
    throw new AppError('CONFLICT', '这一天已暂停开放，请先恢复开放', 'date');
  }
  if (evening.kind === 'evening') throw new AppError('CONFLICT', '这一天已经是服务夜了', 'date');
  return { date, kind: 'extra', reason: '', opensAt, closesAt, added: true };
}

/** Removing an extra evening: only one nobody has booked yet (else cancel it with a reason). */
export function decideRemoveEvening(calendar: Calendar, date: string, liveBookings: number) {
  const entry = calendar.dates.find((d) => d.date === date);
  if (entry?.kind !== 'extra') throw new AppError('CONFLICT', '这一天不是加开的服务夜', 'date');
  if (liveBookings > 0) {
    throw new AppError(
      'CONFLICT',
      `这一晚已有 ${liveBookings} 个预约，请用「暂停开放」并写明原因，预约会一并取消`,
      'date',
    );
  }
}

/** What an archived community's coming bookings and sign-ups are cancelled with. */
export const ARCHIVED_REASON = '本社区已停止八点伴服务';

/** What cancelling a date closes: its bookings and its activities' sign-ups, all of them. */
export function dateClosing(
  entry: CalendarDate,
  activities: readonly ActivityRecord[],
  now: Date,
): Closing {
  const ids = activities.filter((a) => a.date === entry.date).map((a) => a.id);
  return {
    entry,
    from: entry.date,
    to: entry.date,
    after: null,
    activities: ids,
    reason: entry.reason,
    now,
  };
}

/**
 * What archiving closes: every booking and activity still to come (tonight's included when it
 * has not started). What already started stays, so staff finish tonight's evening.
 */
export function archiveClosing(activities: readonly ActivityRecord[], now: Date): Closing {
  const after = wallClock(now).slice(0, 16);
  const ids = activities.filter((a) => `${a.date}T${a.startsAt}` >= after).map((a) => a.id);
  return {
    entry: null,
    from: todayOf(now),
    to: null,
    after,
    activities: ids,
    reason: ARCHIVED_REASON,
    now,
  };
}

/**
 * The bookings a closing cancels (what CalendarRepo.close writes): every live one of its dates
 * not started before `after`, with the reason, promoting nobody, since no seat of a closed
 * evening is left to give. An already cancelled one is left alone (a repeated close is safe).
 */
export function decideCloseBookings(
  bookings: readonly BookingRecord[],
  closing: Pick<Closing, 'after' | 'reason' | 'now'>,
): CancelDecision[] {
  return bookings
    .filter((b) => closing.after === null || `${b.date}T${b.startsAt}` >= closing.after)
    .map((b) => decideCancel(b, CLOSED_BY_DATE, closing.now))
    .filter((d): d is CancelDecision => d !== null)
    .map((d) => ({
      ...d,
      cancelled: { ...d.cancelled, cancelledReason: closing.reason },
      seatsFreed: 0,
    }));
}

/**
 * The sign-ups a closing cancels, with the reason: the live ones of its activities, except those
 * already checked in (attendance happened). Nobody is promoted: the activity is off.
 */
export function decideCloseSignUps(
  signUps: readonly SignUpRecord[],
  reason: string,
): SignUpRecord[] {
  return signUps
    .filter((s) => s.status !== 'cancelled' && s.attendedAt === null)
    .map((s) => ({ ...s, status: 'cancelled', cancelledReason: reason }));
}

/** The staff calendar: the evenings of the next CALENDAR_WEEKS weeks, cancelled ones included. */
export function calendarView(community: string, calendar: Calendar, now: Date): CalendarView {
  const today = todayOf(now);
  const evenings: CalendarEvening[] = eveningsBetween(calendar, today, CALENDAR_WEEKS * 7).map(
    ({ date, evening }) => ({
      date,
      weekday: local(`${date}T12:00:00+08:00`).day(),
      opensAt: evening.opensAt,
      closesAt: evening.closesAt,
      source: evening.extra ? 'extra' : 'weekly',
      cancelled: evening.kind === 'cancelled',
      reason: evening.kind === 'cancelled' ? evening.reason : '',
    }),
  );
  return { community, today, evenings };
}
