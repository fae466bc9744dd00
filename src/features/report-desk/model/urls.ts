/** The staff 晚间报表 page (package-staff subpackage). */
export const REPORT_PAGE = '/package-staff/pages/report/index';

const q = encodeURIComponent;

/** One evening's report: `?c=<community>[&d=YYYY-MM-DD]` (no date: the last service evening). */
export function reportUrl(community: string, date?: string): string {
  const url = `${REPORT_PAGE}?c=${q(community)}`;
  return date ? `${url}&d=${q(date)}` : url;
}
