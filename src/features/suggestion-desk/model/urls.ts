/** The staff 建议处理 page (package-staff subpackage). */
export const SUGGESTIONS_PAGE = '/package-staff/pages/suggestions/index';

/** A community's suggestions: `?c=<community>`. */
export function suggestionsUrl(community: string): string {
  return `${SUGGESTIONS_PAGE}?c=${encodeURIComponent(community)}`;
}
