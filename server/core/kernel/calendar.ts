import type { CoreDeps } from '../deps';
import type { CommunityRecord } from '../ports';
import { type Calendar, LOOKAHEAD_DAYS } from './schedule';
import { addDays, todayOf } from './week';

/** How many days of exceptions a reader loads from its first date: past any look-ahead. */
export const CALENDAR_WINDOW_DAYS = 2 * LOOKAHEAD_DAYS;

/**
 * A community's calendar from `from` (a date, or today at an instant) on: its weekly evenings and
 * the exceptions staff made (community_dates), as far as any reader looks ahead. One query.
 */
export async function calendarOf(
  deps: CoreDeps,
  community: CommunityRecord,
  from: Date | string,
): Promise<Calendar> {
  const first = typeof from === 'string' ? from : todayOf(from);
  const dates = await deps.store.calendar.list(
    community.id,
    first,
    addDays(first, CALENDAR_WINDOW_DAYS),
  );
  return { evenings: community.evenings, dates };
}
