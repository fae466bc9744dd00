/**
 * WeChat audit budgets (issue #15) of the compiled ticket page under miniprogram-simulate: nodes,
 * first render and each live update's setData (audit-pages.ts plays it on the real core), holding
 * one number or two. One file per case, so each launches its own simulator. Needs
 * `npm run build:weapp` first; `npm run bench` prints the same figures.
 */
import { budgetMisses, type PageFigures } from './audit';
import { auditTicketPage, saveFigures } from './audit-pages';
import { startWeapp, type Harness } from './harness';

export function describeTicketBudgets(held: 'one' | 'two') {
  let harness: Harness | null = null;
  let figures: PageFigures | null = null;

  beforeAll(async () => {
    harness = await startWeapp();
    figures = await auditTicketPage(harness, held === 'two');
    saveFigures(`ticket-${held}`, figures);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  describe(`weapp audit budgets: ticket page holding ${held === 'two' ? 'two numbers' : 'one number'}`, () => {
    it('stays within 400 nodes, 16 KB first render and 2 KB per live update', () => {
      expect(figures?.updates.length).toBeGreaterThan(0);
      expect(budgetMisses(figures!)).toEqual([]);
    });

    it('opens with one queue.mine, then follows every number from the watched line alone', () => {
      const calls = figures!.firstScreenCalls.map((c) => c.action);
      expect(calls.filter((a) => a === 'queue.mine')).toHaveLength(1);
      // The line moving, the banner and the call: not one cloud call, for any number held.
      expect(figures!.updates.map((u) => [u.label, u.cloud])).toEqual(
        figures!.updates.map((u) => [u.label, []]),
      );
    });
  });
}
