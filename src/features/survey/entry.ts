/**
 * The part of the survey feature the tonight page uses: only the way to 居民点单. It is the only
 * part in the weapp main package; importing index.ts there instead would pull the ballot and the
 * ranking out of the package-suggestion subpackage.
 */
export { voteUrl, VOTE_PAGE } from './model/urls';
