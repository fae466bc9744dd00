/**
 * The part of the roster desk other staff screens link with (the sign-in page's desk links): only
 * addresses, so the desk's screens stay out of those pages' bundles.
 */
export { rosterUrl, ROSTER_PAGE } from './model/urls';
