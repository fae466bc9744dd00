/**
 * The part of the suggestion desk other staff screens link with (the sign-in page's desk links):
 * only addresses, so the desk's screens stay out of those pages' bundles.
 */
export { suggestionsUrl, SUGGESTIONS_PAGE } from './model/urls';
