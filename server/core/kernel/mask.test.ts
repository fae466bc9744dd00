import { maskPhone } from './mask';
import { MASK_CASES } from './mask-cases';

describe('maskPhone', () => {
  it.each(MASK_CASES)('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never shows more than 3 + 4 digits, nor more than half, of any number of any length', () => {
    for (let n = 0; n <= 20; n++) {
      const phone = '1234567890123456789012'.slice(0, n);
      const shown = maskPhone(phone).replace(/\*/g, '').length;
      expect(shown).toBeLessThanOrEqual(Math.min(7, n >= 11 ? 7 : Math.floor(n / 2)));
      expect(maskPhone(phone)).toMatch(/\*{4,}/);
    }
  });
});
