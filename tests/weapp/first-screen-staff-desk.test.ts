/**
 * First-screen audit (issue #15) of the staff subpackage's evening desks, from sign-in to the
 * follow-up calls (audit-every-page.ts); first-screen-staff-admin.test.ts has the rest, so the
 * two run side by side. Needs `npm run build:weapp` first; `npm run bench` prints the same figures.
 */
import { describeFirstScreens, isStaffDesk } from './audit-every-page';

describeFirstScreens('staff subpackage, evening desks', (route) => isStaffDesk(route));
