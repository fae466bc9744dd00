/**
 * First-screen audit (issue #15) of the staff subpackage's other pages: suggestions, reports,
 * roster, team, communities, subdistrict, poster, volunteers and the calendar
 * (audit-every-page.ts). Needs `npm run build:weapp` first; `npm run bench` prints the same figures.
 */
import { describeFirstScreens, isStaffDesk } from './audit-every-page';

describeFirstScreens(
  'staff subpackage, planning and admin',
  (route) => route.startsWith('package-staff/') && !isStaffDesk(route),
);
