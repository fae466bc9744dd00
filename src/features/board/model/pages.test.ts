import { evenPages } from './pages';

describe('evenPages', () => {
  it('makes as few pages as fit, as even as can be, in order', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    expect(evenPages(items(0), 3)).toEqual([]);
    expect(evenPages(items(3), 3)).toEqual([[1, 2, 3]]);
    expect(evenPages(items(4), 3)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(evenPages(items(7), 3)).toEqual([
      [1, 2, 3],
      [4, 5],
      [6, 7],
    ]);
    expect(evenPages(items(12), 3).map((p) => p.length)).toEqual([3, 3, 3, 3]);
  });
});
