/**
 * The part of the voice desk other staff screens link with (the sign-in page's desk links): only
 * addresses, so the desk's screens stay out of those pages' bundles.
 */
export { callsUrl, suggestionsUrl, CALLS_PAGE, SUGGESTIONS_PAGE } from './model/urls';
