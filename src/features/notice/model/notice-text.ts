import { formatClock, formatDate } from '@/lib/shanghai-time';
import type { Activity, MySignUp, SignUpStatus } from '@/types/contract';

export { tonightLine } from './summary-text';

type Timed = Pick<Activity, 'startsAt' | 'endsAt'>;

/** "18:30–19:30". */
export function timeRange(activity: Timed): string {
  return `${activity.startsAt}–${activity.endsAt}`;
}

/** "12月2日 周三 18:30–19:30". */
export function activityWhen(activity: Timed & Pick<Activity, 'date'>): string {
  return `${formatDate(activity.date)} ${timeRange(activity)}`;
}

/** Places in words: "剩 3 个名额（共 12 个）", "名额已满 · 可报名候补", "不限名额", "无需报名". */
export function placesText(
  activity: Pick<Activity, 'signUp' | 'capacity' | 'left' | 'signed' | 'waitlisted'>,
): string {
  if (!activity.signUp) return '无需报名，到时直接来';
  if (activity.capacity === null || activity.left === null) {
    return activity.signed > 0 ? `不限名额 · 已报名 ${activity.signed} 人` : '不限名额';
  }
  if (activity.left > 0) return `剩 ${activity.left} 个名额（共 ${activity.capacity} 个）`;
  const waiting = activity.waitlisted > 0 ? `，${activity.waitlisted} 人在候补` : '';
  return `名额已满${waiting} · 可报名候补`;
}

export const SIGN_UP_WORDS: Record<SignUpStatus, string> = {
  signed: '已报名',
  waitlisted: '候补中',
  cancelled: '已取消报名',
};

/** The resident's own state in words: "已签到 18:20", "已报名", "候补第 2 位", "已取消报名". */
export function mineText(mine: MySignUp): string {
  if (mine.attendedAt) return `已签到 ${formatClock(mine.attendedAt)}`;
  if (mine.status === 'waitlisted' && mine.waitlistPosition !== null) {
    return `候补第 ${mine.waitlistPosition} 位`;
  }
  return SIGN_UP_WORDS[mine.status];
}

/**
 * Why staff cancelled the sign-up with its evening (a cancelled date, an archived community), or
 * null when the resident cancelled it or it stands.
 */
export const cancelledText = (mine: MySignUp): string | null =>
  mine.status === 'cancelled' && mine.cancelledReason
    ? `活动取消：${mine.cancelledReason}，报名已一并取消`
    : null;

/** Holding a place or a waitlist place (what 取消报名 gives up). */
export const isActive = (mine: MySignUp | null): boolean =>
  mine !== null && mine.status !== 'cancelled';

/** "2026-11-30" + 6 → "2026-12-06" (calendar dates only, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

const monthDay = (date: string) => {
  const [, month, day] = date.split('-').map(Number);
  return `${month}月${day}日`;
};

/** The week from its Monday: "11月30日–12月6日", with "本周" or "下周" when `thisWeek` says so. */
export function weekText(week: string, thisWeek?: string): string {
  const range = `${monthDay(week)}–${monthDay(addDays(week, 6))}`;
  if (thisWeek === week) return `本周 · ${range}`;
  if (thisWeek && addDays(thisWeek, 7) === week) return `下周 · ${range}`;
  return range;
}
