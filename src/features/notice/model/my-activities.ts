import type { MyActivity } from '@/types/contract';

const byStart = (a: MyActivity, b: MyActivity) =>
  a.activity.date.localeCompare(b.activity.date) ||
  a.activity.startsAt.localeCompare(b.activity.startsAt);

/** Upcoming (on or after `today`, soonest first) and past (latest first). */
export function splitMine(
  mine: MyActivity[],
  today: string,
): { upcoming: MyActivity[]; past: MyActivity[] } {
  const sorted = [...mine].sort(byStart);
  return {
    upcoming: sorted.filter((m) => m.activity.date >= today),
    past: sorted.filter((m) => m.activity.date < today).reverse(),
  };
}
