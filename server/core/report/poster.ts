/** 本周海报: a community's coming evening, its services and the week's published activities. */
import type { Poster } from '../../../contract/report';
import type { CoreDeps } from '../deps';
import { communityOrThrow } from '../kernel/community';
import { calendarOf } from '../kernel/calendar';
import { entryUrl } from '../kernel/entry-url';
import { describeEvenings, eveningStatus, nextOpening, type Schedule } from '../kernel/schedule';
import { mondayOf } from '../kernel/week';
import type { CommunityRecord, NoticeRecord } from '../ports';
import { local } from '../kernel/time';

/**
 * The evening the poster announces: tonight while open, else the next opening (schedule.ts, which
 * knows the community's calendar). Its hours are read at its opening instant, the same way.
 */
export function posterEvening(
  c: CommunityRecord,
  now: Date,
  schedule: Schedule = c.evenings,
): Poster['evening'] {
  const status = eveningStatus(schedule, now);
  const opens = status.open ? now : nextOpening(schedule, now);
  if (!opens) return null;
  const at = eveningStatus(schedule, opens);
  return { date: local(opens).format('YYYY-MM-DD'), opensAt: at.opensAt, closesAt: at.closesAt };
}

/** The poster's content from loaded records: services in display order, activities by time. */
export function posterOf(
  c: CommunityRecord,
  notices: NoticeRecord[],
  now: Date,
  schedule: Schedule = c.evenings,
  publicUrl?: string,
): Poster {
  return {
    community: { id: c.id, name: c.name, contactPhone: c.contactPhone },
    tonightUrl: publicUrl ? entryUrl(publicUrl, c.id) : null,
    evening: posterEvening(c, now, schedule),
    hours: describeEvenings(c.evenings),
    services: [...c.services]
      .sort((a, b) => a.sort - b.sort)
      .map((s) => ({ id: s.id, name: s.name, description: s.description, kind: s.kind })),
    notices: notices
      .filter((n) => n.status === 'published')
      .map((n) => ({
        id: n.id,
        title: n.title,
        activities: [...n.activities]
          .sort((a, b) => `${a.date}${a.startsAt}`.localeCompare(`${b.date}${b.startsAt}`))
          .map((a) => ({
            name: a.name,
            date: a.date,
            startsAt: a.startsAt,
            endsAt: a.endsAt,
            place: a.place,
          })),
      })),
  };
}

/** Reads the community and the published notices of the announced evening's week. */
export async function posterFor(deps: CoreDeps, communityId: string, now: Date): Promise<Poster> {
  const c = await communityOrThrow(deps, communityId);
  // The calendar's cancelled dates and extra evenings decide which evening the poster names.
  const schedule = await calendarOf(deps, c, now);
  const evening = posterEvening(c, now, schedule);
  const week = mondayOf(evening?.date ?? local(now).format('YYYY-MM-DD'));
  const notices = await deps.store.notices.list(c.id, {
    statuses: ['published'],
    fromWeek: week,
    toWeek: week,
  });
  return posterOf(c, notices, now, schedule, deps.config.publicUrl);
}
