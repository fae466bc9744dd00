import { delayText, nextDelay } from './rules';

describe('回访设置', () => {
  it('moves the delay by a day within 1–7', () => {
    expect(nextDelay(1, -1)).toBe(1);
    expect(nextDelay(1, 1)).toBe(2);
    expect(nextDelay(7, 1)).toBe(7);
    expect(nextDelay(7, -1)).toBe(6);
  });

  it('says the delay in words', () => {
    expect(delayText(1)).toBe('服务后第 1 天（次日）回访');
    expect(delayText(3)).toBe('服务后第 3 天回访');
  });
});
