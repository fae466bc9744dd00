/**
 * What the calendar actions do (load, decide with calendar.ts, write, tell residents), and the
 * one loader every reader of a community's evenings uses.
 */
import type { CalendarView, CancelDateResult } from '../../../contract/calendar';
import type { CoreDeps } from '../deps';
import { communityOrThrow } from '../kernel/community';
import { calendarOf } from '../kernel/calendar';
import type { BookingRecord, CommunityRecord } from '../ports';
import { mondayOf, todayOf } from '../kernel/week';
import { applyTonightHours } from '../queue/service';
import {
  assertCalendarDate,
  calendarView,
  CLOSED_BY_DATE,
  dayLabel,
  decideAddEvening,
  decideCancelDate,
  decideRemoveEvening,
  decideRestore,
  reasonOf,
} from './calendar';

/** After a change of `date`: tonight's open lines follow it when it is today. */
async function afterChange(deps: CoreDeps, community: CommunityRecord, date: string, now: Date) {
  if (date === todayOf(now)) await applyTonightHours(deps, community, now);
  return showCalendar(deps, community.id, now);
}

export async function showCalendar(
  deps: CoreDeps,
  communityId: string,
  now: Date,
): Promise<CalendarView> {
  const community = await communityOrThrow(deps, communityId);
  return calendarView(community.id, await calendarOf(deps, community, now), now);
}

/** Tells each resident once (a booking holder or an activity's sign-up) that the evening is off. */
async function tellResidents(
  deps: CoreDeps,
  community: CommunityRecord,
  date: string,
  reason: string,
  bookings: BookingRecord[],
  now: Date,
) {
  const week = mondayOf(date);
  const notices = await deps.store.notices.list(community.id, {
    statuses: ['published'],
    fromWeek: week,
    toWeek: week,
  });
  const activities = notices.flatMap((n) => n.activities).filter((a) => a.date === date);
  const signUps = (await Promise.all(activities.map((a) => deps.store.notices.signUpsOf(a.id))))
    .flat()
    .filter((s) => s.status !== 'cancelled');
  const told = new Set<string>();
  for (const userId of [...bookings.map((b) => b.userId), ...signUps.map((s) => s.userId)]) {
    if (!userId || told.has(userId)) continue;
    told.add(userId);
    await deps.notifier?.notifyResident({
      userId,
      at: now.toISOString(),
      kind: 'evening-cancelled',
      community: community.id,
      text: `${community.name} ${dayLabel(date)}暂停开放：${reason}`,
      page: 'pages/tonight/index',
    });
  }
  return told.size;
}

/**
 * Staff cancel a date: the exception and the cancellation of that date's live bookings are one
 * transaction; then the residents who booked or signed up for an activity that evening are told.
 */
export async function cancelDate(
  deps: CoreDeps,
  input: { community: string; date: string; reason: string },
  now: Date,
): Promise<CancelDateResult> {
  assertCalendarDate(input.date, now);
  const reason = reasonOf(input.reason);
  const community = await communityOrThrow(deps, input.community);
  const calendar = await calendarOf(deps, community, input.date);
  const entry = decideCancelDate(calendar, input.date, reason);
  const cancelled = await deps.store.calendar.cancel(community.id, entry, now);
  const told = await tellResidents(deps, community, input.date, reason, cancelled, now);
  return {
    ...(await afterChange(deps, community, input.date, now)),
    cancelledBookings: cancelled.length,
    told,
  };
}

/** Staff undo a cancellation; the bookings it cancelled stay cancelled. */
export async function restoreDate(
  deps: CoreDeps,
  input: { community: string; date: string },
  now: Date,
): Promise<CalendarView> {
  assertCalendarDate(input.date, now);
  const community = await communityOrThrow(deps, input.community);
  const decided = decideRestore(await calendarOf(deps, community, input.date), input.date);
  if ('save' in decided) await deps.store.calendar.save(community.id, decided.save);
  else await deps.store.calendar.remove(community.id, input.date);
  return afterChange(deps, community, input.date, now);
}

export async function addEvening(
  deps: CoreDeps,
  input: { community: string; date: string; opensAt: string; closesAt: string },
  now: Date,
): Promise<CalendarView> {
  assertCalendarDate(input.date, now);
  const community = await communityOrThrow(deps, input.community);
  const calendar = await calendarOf(deps, community, input.date);
  const entry = decideAddEvening(calendar, input.date, input.opensAt, input.closesAt);
  await deps.store.calendar.save(community.id, entry);
  return afterChange(deps, community, input.date, now);
}

export async function removeEvening(
  deps: CoreDeps,
  input: { community: string; date: string },
  now: Date,
): Promise<CalendarView> {
  assertCalendarDate(input.date, now);
  const community = await communityOrThrow(deps, input.community);
  const calendar = await calendarOf(deps, community, input.date);
  const live = (await deps.store.bookings.listForDate(community.id, input.date)).filter((b) =>
    CLOSED_BY_DATE.includes(b.status),
  );
  decideRemoveEvening(calendar, input.date, live.length);
  await deps.store.calendar.remove(community.id, input.date);
  return afterChange(deps, community, input.date, now);
}
