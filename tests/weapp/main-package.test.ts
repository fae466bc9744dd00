/**
 * Issue #15: the weapp main package, every feature in, stays within its budget (the same figure
 * `npm run bench` prints: dist/ minus the subpackage roots, scripts/weapp-size.ts). Needs
 * `npm run build:weapp` first.
 */
import { KB, MAIN_GOAL_KB, weappSizes } from '../../scripts/weapp-size';
import { DIST } from './harness';

describe('weapp main package', () => {
  const sizes = weappSizes(DIST);

  it('holds the resident pages only; the others are subpackages', () => {
    expect(sizes.mainFiles.map((f) => f.file)).toEqual(
      expect.arrayContaining(['pages/tonight/index.js', 'pages/ticket/index.js', 'base.wxml']),
    );
    expect(
      sizes.mainFiles.filter(
        (f) => /^pages\//.test(f.file) && !/^pages\/(tonight|ticket)\//.test(f.file),
      ),
    ).toEqual([]);
    expect(sizes.subpackages.length).toBeGreaterThan(0);
  });

  it(`is at most ${MAIN_GOAL_KB} KB`, () => {
    const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
    const largest = sizes.mainFiles.slice(0, 6).map((f) => `${f.file} ${kb(f.bytes)}`);
    // On failure, says by how much and where the bytes are.
    expect(
      sizes.main <= MAIN_GOAL_KB * KB ? 'within' : `${kb(sizes.main)}: ${largest.join(', ')}`,
    ).toBe('within');
  });
});
