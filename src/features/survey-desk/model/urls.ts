/** The staff 居民点单 page (package-staff subpackage). */
export const SURVEY_PAGE = '/package-staff/pages/survey/index';

/** A community's demand rounds: `?c=<community>`. */
export function surveyUrl(community: string): string {
  return `${SURVEY_PAGE}?c=${encodeURIComponent(community)}`;
}
