/** The residents' suggestion pages (package-suggestion subpackage). */
export const SUGGESTION_SUBMIT_PAGE = '/package-suggestion/pages/submit/index';
export const MY_SUGGESTIONS_PAGE = '/package-suggestion/pages/mine/index';
export const ECHO_WALL_PAGE = '/package-suggestion/pages/echo-wall/index';

/** 提建议 at one community (`?c=`); `followupId` when it answers a follow-up's invitation (`&f=`). */
export function submitUrl(community: string, followupId?: string | null): string {
  const base = `${SUGGESTION_SUBMIT_PAGE}?c=${encodeURIComponent(community)}`;
  return followupId ? `${base}&f=${encodeURIComponent(followupId)}` : base;
}

/** 我的建议: pending follow-ups, then my suggestions with their answers. */
export function mySuggestionsUrl(): string {
  return MY_SUGGESTIONS_PAGE;
}

/** The public 社区回音墙 of one community. */
export function echoWallUrl(community: string): string {
  return `${ECHO_WALL_PAGE}?c=${encodeURIComponent(community)}`;
}
