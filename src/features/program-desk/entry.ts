/**
 * The part of the program desk other staff screens link with (the sign-in page's desk links):
 * only addresses, so the desk's screens stay out of those pages' bundles.
 */
export {
  REPORT_PAGE,
  reportUrl,
  ROSTER_PAGE,
  rosterUrl,
  SURVEY_PAGE,
  surveyUrl,
} from './model/urls';
