import type { BookingSettings } from '../../../contract/booking';
import type { CommunityRecord, ServiceRecord } from '../ports';
import {
  type Calendar,
  candidateDates,
  eveningOnDate,
  LOOKAHEAD_DAYS,
  openEveningOn,
  weekdayOf,
} from '../kernel/schedule';
import { atLocalMs, localDay } from '../kernel/time';
import { AppError } from '../errors';
import { isLate, startOf } from './rules';

/** How many coming service evenings residents can book. */
export const BOOKABLE_EVENINGS = 4;

/** Defaults until staff configure a service: what the pilot's social workers started with. */
const DEFAULTS: Record<string, BookingSettings> = {
  paperwork: {
    slotMinutes: 30,
    seatsPerSlot: 2,
    cutoffHours: 2,
    bring: ['身份证', '户口本'],
    weekdays: [],
  },
  repair: {
    slotMinutes: 30,
    seatsPerSlot: 1,
    cutoffHours: 2,
    bring: ['需要维修的电器'],
    weekdays: [],
  },
  mending: {
    slotMinutes: 15,
    seatsPerSlot: 1,
    cutoffHours: 1,
    bring: ['需要缝补的衣物'],
    weekdays: [],
  },
  physio: { slotMinutes: 30, seatsPerSlot: 1, cutoffHours: 2, bring: [], weekdays: [] },
};
const FALLBACK: BookingSettings = {
  slotMinutes: 30,
  seatsPerSlot: 1,
  cutoffHours: 2,
  bring: [],
  weekdays: [],
};

export const settingsOf = (service: string, stored: BookingSettings | null): BookingSettings =>
  stored ?? DEFAULTS[service] ?? FALLBACK;

export function bookableService(community: CommunityRecord, service: string): ServiceRecord {
  const found = community.services.find((s) => s.id === service && s.kind === 'booking');
  if (!found) throw new AppError('NOT_FOUND', '这个社区没有这项预约服务', 'service');
  return found;
}

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
const hhmm = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/** Slot start times of an evening: from opening, every slotMinutes, ending by closing. */
export function slotStarts(opensAt: string, closesAt: string, slotMinutes: number): string[] {
  const starts: string[] = [];
  const close = minutes(closesAt);
  for (let t = minutes(opensAt); t + slotMinutes <= close; t += slotMinutes) starts.push(hhmm(t));
  return starts;
}

/**
 * Whether `startsAt` is one of slotStarts(opensAt, closesAt, slotMinutes), without listing them
 * (every booking asks): spelled as a start is ("HH:MM"), on the step from opening, ending by
 * closing. slotMinutes is a whole number of minutes (booking.configure allows 10 to 60).
 */
export function isSlotStart(
  opensAt: string,
  closesAt: string,
  slotMinutes: number,
  startsAt: string,
): boolean {
  const open = minutes(opensAt);
  const t = minutes(startsAt);
  return (
    t >= open &&
    t + slotMinutes <= minutes(closesAt) &&
    (t - open) % slotMinutes === 0 &&
    hhmm(t) === startsAt
  );
}

export const endOf = (startsAt: string, slotMinutes: number) =>
  hhmm(minutes(startsAt) + slotMinutes);

/** "<community>_<service>_<YYYYMMDD>_<HHmm>": the slot is derived, so its id says where it is. */
export const slotId = (community: string, service: string, date: string, startsAt: string) =>
  `${community}_${service}_${date.replace(/-/g, '')}_${startsAt.replace(':', '')}`;

export interface SlotRef {
  community: string;
  service: string;
  date: string;
  startsAt: string;
}

export function parseSlotId(id: string): SlotRef | null {
  const m =
    /^([a-z0-9][a-z0-9-]{0,31})_([a-z0-9][a-z0-9-]{0,31})_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})$/.exec(
      id,
    );
  if (!m) return null;
  return {
    community: m[1]!,
    service: m[2]!,
    date: `${m[3]}-${m[4]}-${m[5]}`,
    startsAt: `${m[6]}:${m[7]}`,
  };
}

/**
 * The days bookableDates walks: LOOKAHEAD_DAYS, or up to `through` (a date) when that is sooner.
 * The dates it finds up to `through` are the same: the walk goes day by day from today.
 */
const lookahead = (now: Date, through?: string) =>
  through === undefined
    ? LOOKAHEAD_DAYS
    : Math.min(LOOKAHEAD_DAYS, localDay(`${through}T12:00:00+08:00`) - localDay(now) + 1);

/**
 * The next BOOKABLE_EVENINGS service-evening dates on the community's calendar (weekly and extra
 * evenings, cancelled ones skipped): tonight counts until it closes. A service that runs on some
 * weekdays only (`weekdays`) keeps to them, extra evenings included. With `through`, only those
 * up to that date (whether a date is bookable: the walk stops there).
 */
export function bookableDates(
  calendar: Calendar,
  now: Date,
  weekdays: number[] = [],
  through?: string,
): string[] {
  const dates: string[] = [];
  for (const date of candidateDates(calendar, now, lookahead(now, through))) {
    if (dates.length === BOOKABLE_EVENINGS) break;
    const evening = openEveningOn(calendar, date);
    if (!evening || (weekdays.length > 0 && !weekdays.includes(weekdayOf(date)))) continue;
    if (atLocalMs(date, evening.closesAt) > now.getTime()) dates.push(date);
  }
  return dates;
}

/**
 * The refusal of a booking on a cancelled date: the calendar read before booking, or the store's
 * read inside the booking's transaction when the cancellation committed in between.
 */
export const closedDate = (date: string, reason: string) =>
  new AppError('CLOSED', `${date} 暂停开放：${reason}。请选择其他服务夜`, 'date');

/** The evening's hours on `date`, or CLOSED (with the reason of a cancelled one) when not bookable. */
export function eveningOn(calendar: Calendar, date: string, now: Date, weekdays: number[] = []) {
  const onDate = eveningOnDate(calendar, date);
  if (onDate.kind === 'cancelled') throw closedDate(date, onDate.reason);
  if (onDate.kind === 'none' || !bookableDates(calendar, now, weekdays, date).includes(date)) {
    throw new AppError(
      'CLOSED',
      `${date} 不是可以预约的服务夜（可预约接下来的 ${BOOKABLE_EVENINGS} 个服务夜）`,
      'date',
    );
  }
  return { opensAt: onDate.opensAt, closesAt: onDate.closesAt };
}

/** A slot id that names a real slot of a bookable service on a bookable evening. */
export function resolveSlot(
  community: CommunityRecord,
  calendar: Calendar,
  ref: SlotRef,
  settings: BookingSettings,
  now: Date,
) {
  const service = bookableService(community, ref.service);
  const evening = eveningOn(calendar, ref.date, now, settings.weekdays);
  if (!isSlotStart(evening.opensAt, evening.closesAt, settings.slotMinutes, ref.startsAt)) {
    throw new AppError('NOT_FOUND', '没有这个预约时段，请重新选择', 'slotId');
  }
  const starts = startOf(ref.date, ref.startsAt);
  if (starts.getTime() <= now.getTime())
    throw new AppError('CLOSED', '这个时段已经开始了，请选择之后的时段', 'slotId');
  return {
    service,
    starts,
    endsAt: endOf(ref.startsAt, settings.slotMinutes),
    late: isLate(ref.date, ref.startsAt, settings, now),
  };
}
