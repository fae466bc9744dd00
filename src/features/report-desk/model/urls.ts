/** The staff 晚间报表 page (package-staff subpackage). */
export const REPORT_PAGE = '/package-staff/pages/report/index';

const q = encodeURIComponent;

/** One evening's report: `?c=<community>[&d=YYYY-MM-DD]` (no date: the last service evening). */
export function reportUrl(community: string, date?: string): string {
  const url = `${REPORT_PAGE}?c=${q(community)}`;
  return date ? `${url}&d=${q(date)}` : url;
}

/** 街道汇总 (admins), printable on one A4 page. */
export const SUBDISTRICT_PAGE = '/package-staff/pages/subdistrict/index';

/** The subdistrict view: `?d=YYYY-MM-DD` (no date: today). */
export function subdistrictUrl(date?: string): string {
  return date ? `${SUBDISTRICT_PAGE}?d=${q(date)}` : SUBDISTRICT_PAGE;
}

/** 打印本周海报 of a community. */
export const POSTER_PAGE = '/package-staff/pages/poster/index';

export function posterUrl(community: string): string {
  return `${POSTER_PAGE}?c=${q(community)}`;
}
