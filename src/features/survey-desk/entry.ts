/**
 * The part of the survey desk other staff screens link with (the sign-in page's desk links): only
 * addresses, so the desk's screens stay out of those pages' bundles.
 */
export { surveyUrl, SURVEY_PAGE } from './model/urls';
