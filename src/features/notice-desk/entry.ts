/**
 * The part of the notice desk other staff screens link with (the sign-in page's desk links):
 * only addresses, so the desk's screens stay out of those pages' bundles.
 */
export { noticesUrl, NOTICES_PAGE } from './model/urls';
