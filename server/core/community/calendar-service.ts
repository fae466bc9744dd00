/**
 * What the calendar actions do (load, decide with calendar.ts, write, tell residents), and the
 * one loader every reader of a community's evenings uses.
 */
import type { CalendarView, CancelDateResult } from '../../../contract/calendar';
import type { CoreDeps } from '../deps';
import { communityOrThrow } from '../kernel/community';
import { calendarOf } from '../kernel/calendar';
import type { ActivityRecord, Closed, CommunityRecord } from '../ports';
import { mondayOf, todayOf } from '../kernel/week';
import { applyTonightHours } from '../queue/service';
import {
  archiveClosing,
  assertCalendarDate,
  calendarView,
  CLOSED_BY_DATE,
  dateClosing,
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

/** The community's published activities in the weeks from `from` to `to` (null: every week on). */
async function activitiesBetween(
  deps: CoreDeps,
  community: string,
  from: string,
  to: string | null,
): Promise<ActivityRecord[]> {
  const notices = await deps.store.notices.list(community, {
    statuses: ['published'],
    fromWeek: mondayOf(from),
    ...(to === null ? {} : { toWeek: mondayOf(to) }),
  });
  return notices.flatMap((n) => n.activities);
}

/**
 * Tells each resident once (a booking holder or an activity's sign-up) that what they had is
 * cancelled, and why (kind 'evening-cancelled').
 */
async function tellResidents(
  deps: CoreDeps,
  community: CommunityRecord,
  text: string,
  closed: Closed,
  now: Date,
) {
  const told = new Set<string>();
  for (const userId of [...closed.bookings, ...closed.signUps].map((r) => r.userId)) {
    if (!userId || told.has(userId)) continue;
    told.add(userId);
    await deps.notifier?.notifyResident({
      userId,
      at: now.toISOString(),
      kind: 'evening-cancelled',
      community: community.id,
      text,
      page: 'pages/tonight/index',
    });
  }
  return told.size;
}

/**
 * Staff cancel a date: the exception, the cancellation of that date's live bookings and of its
 * activities' sign-ups are one store change (CalendarRepo.close); then the residents whose
 * booking or sign-up it cancelled are told.
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
  const activities = await activitiesBetween(deps, community.id, input.date, input.date);
  const closed = await deps.store.calendar.close(community.id, dateClosing(entry, activities, now));
  const text = `${community.name} ${dayLabel(input.date)}暂停开放：${reason}`;
  const told = await tellResidents(deps, community, text, closed, now);
  return {
    ...(await afterChange(deps, community, input.date, now)),
    cancelledBookings: closed.bookings.length,
    cancelledSignUps: closed.signUps.length,
    told,
  };
}

/**
 * An archived community's coming bookings and activity sign-ups are cancelled (ARCHIVED_REASON)
 * and their residents told; what already started tonight stays, for staff to finish.
 */
export async function closeArchived(deps: CoreDeps, community: CommunityRecord, now: Date) {
  const activities = await activitiesBetween(deps, community.id, todayOf(now), null);
  const closing = archiveClosing(activities, now);
  const closed = await deps.store.calendar.close(community.id, closing);
  await tellResidents(deps, community, `${community.name}：${closing.reason}`, closed, now);
  return closed;
}

/** Staff undo a cancellation; the bookings and sign-ups it cancelled stay so, with the reason. */
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
