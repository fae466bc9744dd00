/** The volunteer's own page (我的志愿服务) and staff's page of a community's volunteers. */
export const VOLUNTEER_PAGE = '/package-staff/pages/volunteer/index';
export const VOLUNTEERS_PAGE = '/package-staff/pages/volunteers/index';

export const volunteersUrl = (community: string) =>
  `${VOLUNTEERS_PAGE}?c=${encodeURIComponent(community)}`;

/** "3 小时 30 分" for minutes served. */
export function hoursText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} 分钟`;
  return m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分`;
}

/** Minutes from what staff type as hours ("3" or "2.5"); null unless 1 minute to 10 hours. */
export function minutesOf(hours: string): number | null {
  const value = Number(hours.trim());
  if (!/^\d+(\.\d+)?$/.test(hours.trim()) || !Number.isFinite(value)) return null;
  const minutes = Math.round(value * 60);
  return minutes >= 1 && minutes <= 600 ? minutes : null;
}
