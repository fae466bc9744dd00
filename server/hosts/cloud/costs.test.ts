/**
 * CloudBase cost budgets, counted by the emulator over an evening played through the cloud host
 * (scripts/cloud-costs.ts, which `npm run bench` prints): a resident's join is at most five
 * database operations (three, and their numbers of the evening read and written for the limit
 * per resident), a call to the desk at most five, the tonight page at most five reads.
 */
import { CLOUD_BUDGETS, measureEvening, profileOf } from '../../../scripts/cloud-costs';

it('keeps join, callNext and the tonight page within their CloudBase budgets', async () => {
  const report = await measureEvening(30, {
    standIn: (sdk) => {
      jest.doMock('wx-server-sdk', () => sdk);
      return () => jest.dontMock('wx-server-sdk');
    },
    loadHost: () => import('./create-handler'),
  });
  const { actions } = report;
  expect(actions['queue.join']).toMatchObject({ calls: 30 });
  expect(actions['queue.join']!.medianOps).toBeLessThanOrEqual(
    CLOUD_BUDGETS['queue.join'].medianOps,
  );
  expect(actions['queue.callNext']!.medianOps).toBeLessThanOrEqual(
    CLOUD_BUDGETS['queue.callNext'].medianOps,
  );
  expect(actions['community.tonight']!.maxReads).toBeLessThanOrEqual(
    CLOUD_BUDGETS['community.tonight'].maxReads,
  );
  expect(report.checks.every((c) => c.ok)).toBe(true);
  // Every ticket holder watched the line and got pushes; none of them asked for anything.
  expect(report.evening.watchPushes).toBeGreaterThan(report.evening.lineChanges);
  const profile = profileOf(report);
  expect(profile.perVisitor['community.tonight']).toBe(1);
  expect(profile.watchingShare).toBe(1);
});
