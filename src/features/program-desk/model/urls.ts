/** The staff program-desk pages (package-staff subpackage): 居民点单, 晚间报表 and 值班与调休. */
export const SURVEY_PAGE = '/package-staff/pages/survey/index';
export const REPORT_PAGE = '/package-staff/pages/report/index';
export const ROSTER_PAGE = '/package-staff/pages/roster/index';

const q = encodeURIComponent;
const withDate = (url: string, date?: string) => (date ? `${url}&d=${q(date)}` : url);

/** A community's demand rounds: `?c=<community>`. */
export function surveyUrl(community: string): string {
  return `${SURVEY_PAGE}?c=${q(community)}`;
}

/** One evening's report: `?c=<community>[&d=YYYY-MM-DD]` (no date: the last service evening). */
export function reportUrl(community: string, date?: string): string {
  return withDate(`${REPORT_PAGE}?c=${q(community)}`, date);
}

/** One evening's roster, companions and my comp time: `?c=<community>[&d=YYYY-MM-DD]`. */
export function rosterUrl(community: string, date?: string): string {
  return withDate(`${ROSTER_PAGE}?c=${q(community)}`, date);
}
