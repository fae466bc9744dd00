/**
 * WeChat audit budgets (issue #15) of the compiled tonight page under miniprogram-simulate: nodes,
 * first render and each live update's setData (audit-pages.ts plays it on the real core). Needs
 * `npm run build:weapp` first; `npm run bench` prints the same figures.
 */
import { budgetMisses, type PageFigures } from './audit';
import { auditTonight, saveFigures } from './audit-pages';
import { startWeapp, type Harness } from './harness';

let harness: Harness | null = null;
let figures: PageFigures | null = null;

beforeAll(async () => {
  harness = await startWeapp();
  figures = await auditTonight(harness);
  saveFigures('tonight', figures);
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe('weapp audit budgets: tonight page', () => {
  it('stays within 400 nodes, 16 KB first render and 2 KB per live update', () => {
    expect(figures?.updates.length).toBeGreaterThan(0);
    expect(budgetMisses(figures!)).toEqual([]);
  });

  it('opens with one call, community.tonight, carrying my tickets, bookings and follow-ups in ≤ 8 KB', async () => {
    expect(figures!.firstScreenCalls.map((c) => c.action)).toEqual(['community.tonight']);
    expect(figures!.firstScreenCalls[0]!.bytes).toBeLessThanOrEqual(8 * 1024);
    // The answer measured is the realistic one: all of my own cards are in it.
    const answer = (await harness!.run('community', { action: 'tonight', community: 'jinse' })) as {
      data: { mine: { tickets: unknown[]; bookings: unknown[]; followUps: unknown[] } };
    };
    expect(answer.data.mine.tickets).toHaveLength(2);
    expect(answer.data.mine.bookings).toHaveLength(3);
    expect(answer.data.mine.followUps).toHaveLength(2);
    // Later live updates cost no call either.
    expect(figures!.updates.flatMap((u) => u.cloud)).toEqual([]);
  });
});
