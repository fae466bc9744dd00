/**
 * First-screen audit (issue #15) of the main package's pages, the TV board and the not-found page
 * (audit-every-page.ts), and the check that the audit covers every page of the compiled app.
 * Needs `npm run build:weapp` first; `npm run bench` prints the same figures.
 */
import { compiledRoutes } from './audit';
import { describeFirstScreens, PAGE_CASES } from './audit-every-page';
import { DIST } from './harness';

describe('weapp audit: every compiled page', () => {
  it('has a first-screen case for each page of dist/app.json, and none other', () => {
    expect(PAGE_CASES.map((p) => p.route).sort()).toEqual(compiledRoutes(DIST).sort());
  });
});

describeFirstScreens(
  'main package, board, not found',
  (route) => route.startsWith('pages/') || /^package-(board|misc)\//.test(route),
);
