/** 居民点单 (package-suggestion subpackage). */
export const VOTE_PAGE = '/package-survey/pages/vote/index';

/** 居民点单 of one community (`?c=`). */
export function voteUrl(community: string): string {
  return `${VOTE_PAGE}?c=${encodeURIComponent(community)}`;
}
