import { barPercent, maxOf } from './bars';

describe('bars', () => {
  it('scales bars to the largest value, keeping a sliver for small ones', () => {
    expect(maxOf([3, 12, 5])).toBe(12);
    expect(maxOf([])).toBe(0);
    expect(barPercent(12, 12)).toBe(100);
    expect(barPercent(6, 12)).toBe(50);
    expect(barPercent(1, 200)).toBe(2);
    expect(barPercent(0, 12)).toBe(0);
    expect(barPercent(0, 0)).toBe(0);
  });
});
