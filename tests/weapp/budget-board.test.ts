/**
 * WeChat audit budgets (issue #15) of the compiled TV board under miniprogram-simulate: nodes,
 * first render and each live update's setData (audit-pages.ts plays it on the real core). Needs
 * `npm run build:weapp` first; `npm run bench` prints the same figures.
 */
import { budgetMisses, type PageFigures } from './audit';
import { auditBoard, saveFigures } from './audit-pages';
import { startWeapp, type Harness } from './harness';

let harness: Harness | null = null;
let figures: PageFigures | null = null;

beforeAll(async () => {
  harness = await startWeapp();
  figures = await auditBoard(harness);
  saveFigures('board', figures);
}, 60_000);

afterAll(async () => {
  await harness?.close();
});

describe('weapp audit budgets: TV board', () => {
  it('stays within 400 nodes, 16 KB first render and 2 KB per live update', () => {
    expect(figures?.updates.length).toBeGreaterThan(0);
    expect(budgetMisses(figures!)).toEqual([]);
  });
});
