import type { NoticeSummary } from '@/types/contract';
import type { BoardActivity } from '../hooks/use-board-lines';

/** One activity on the strip; the end time only when the board answered it. */
export type StripActivity = Pick<BoardActivity, 'name' | 'startsAt' | 'place'> & {
  endsAt?: string;
};

/** Tonight's activities from the tonight call's notices (the strip while the board is not loaded). */
export function activitiesOfNotices(notices: NoticeSummary[] | undefined): StripActivity[] {
  return (notices ?? [])
    .flatMap((n) => n.tonight)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .map(({ name, startsAt, place }) => ({ name, startsAt, place }));
}

/** "18:30–19:30" or "18:30". */
export function stripTime(activity: StripActivity): string {
  return activity.endsAt ? `${activity.startsAt}–${activity.endsAt}` : activity.startsAt;
}

/**
 * Changes when tonight's activities change (a notice published or edited meanwhile): the board is
 * then loaded again, so its activities follow the evening status the board polls.
 */
export function activitiesKey(activities: StripActivity[]): string {
  return activities.map((a) => `${a.startsAt} ${a.name} ${a.place}`).join('|');
}
