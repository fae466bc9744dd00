/**
 * The part of the report desk other staff screens link with (the sign-in page's desk links): only
 * addresses, so the desk's screens stay out of those pages' bundles.
 */
export { reportUrl, REPORT_PAGE } from './model/urls';
