/** The staff 值班与调休 page (package-staff subpackage). */
export const ROSTER_PAGE = '/package-staff/pages/roster/index';

const q = encodeURIComponent;

/** One evening's roster, companions and my comp time: `?c=<community>[&d=YYYY-MM-DD]`. */
export function rosterUrl(community: string, date?: string): string {
  const url = `${ROSTER_PAGE}?c=${q(community)}`;
  return date ? `${url}&d=${q(date)}` : url;
}
