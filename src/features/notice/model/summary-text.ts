import type { NoticeSummary } from '@/types/contract';

// Apart from notice-text.ts: the tonight page's card needs only this, and whatever it imports
// lands in the weapp main package.

/** "18:30 · 书法体验课 · 二楼活动室": one of tonight's activities in one line. */
export function tonightLine(activity: NoticeSummary['tonight'][number]): string {
  return `${activity.startsAt} · ${activity.name} · ${activity.place}`;
}
