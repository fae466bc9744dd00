/** The staff follow-up pages (package-staff subpackage): 回访名单 and one resident's thread. */
export const CALLS_PAGE = '/package-staff/pages/calls/index';
export const TIMELINE_PAGE = '/package-staff/pages/timeline/index';

const q = encodeURIComponent;

/** A community's call list: `?c=<community>`. */
export function callsUrl(community: string): string {
  return `${CALLS_PAGE}?c=${q(community)}`;
}

/** One resident's visits, calls, suggestions and answers: `?c=<community>&r=<resident>`. */
export function timelineUrl(community: string, resident: string): string {
  return `${TIMELINE_PAGE}?c=${q(community)}&r=${q(resident)}`;
}
