/**
 * The part of the follow-up desk other staff screens link with (the sign-in page's desk links,
 * the suggestion desk's link to a resident's thread): only addresses, so the desk's screens stay
 * out of those pages' bundles.
 */
export { callsUrl, timelineUrl, CALLS_PAGE, TIMELINE_PAGE } from './model/urls';
