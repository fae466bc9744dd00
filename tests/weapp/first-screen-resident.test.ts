/**
 * First-screen audit (issue #15) of the residents' subpackages: bookings, notices, suggestions and
 * the demand vote (audit-every-page.ts). Needs `npm run build:weapp` first; `npm run bench` prints
 * the same figures.
 */
import { describeFirstScreens } from './audit-every-page';

describeFirstScreens('residents’ subpackages', (route) =>
  /^package-(booking|notice|suggestion|survey)\//.test(route),
);
