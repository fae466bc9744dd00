/**
 * The part of the report desk other staff screens link with (the sign-in page's desk links): only
 * addresses, so the desk's screens stay out of those pages' bundles.
 */
export {
  posterUrl,
  POSTER_PAGE,
  reportUrl,
  REPORT_PAGE,
  subdistrictUrl,
  SUBDISTRICT_PAGE,
} from './model/urls';
