/** The staff notice pages (package-staff subpackage). */
export const NOTICES_PAGE = '/package-staff/pages/notices/index';
export const NOTICE_EDIT_PAGE = '/package-staff/pages/notice-edit/index';
export const ATTENDEES_PAGE = '/package-staff/pages/attendees/index';

const q = encodeURIComponent;

/** A community's notices: `?c=<community>`. */
export function noticesUrl(community: string): string {
  return `${NOTICES_PAGE}?c=${q(community)}`;
}

/** The editor: `id` to edit, else a new notice for `week` (the server's this week, when known). */
export function noticeEditUrl(community: string, id?: string | null, week?: string): string {
  const base = `${NOTICE_EDIT_PAGE}?c=${q(community)}`;
  if (id) return `${base}&id=${q(id)}`;
  return week ? `${base}&w=${q(week)}` : base;
}

/** Sign-ups and check-in of one activity: `?a=<activityId>`. */
export function attendeesUrl(activityId: string): string {
  return `${ATTENDEES_PAGE}?a=${q(activityId)}`;
}

/** A page parameter, decoded and trimmed; null when missing. */
export function pageParam(params: Partial<Record<string, string | undefined>>, name: string) {
  const raw = params[name];
  if (!raw) return null;
  let value = raw;
  try {
    value = decodeURIComponent(raw);
  } catch {
    // keep it as it came
  }
  return value.trim() || null;
}
