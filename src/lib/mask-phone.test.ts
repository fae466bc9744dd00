import { maskPhone } from './mask-phone';

// The same table as server/core/kernel/mask-cases.ts: both copies mask alike.
const CASES: Array<[string, string]> = [
  ['13812345678', '138****5678'],
  ['+86 138-1234-5678', '861******5678'],
  ['051265551234', '051*****1234'],
  ['65551234', '****1234'],
  ['5123456', '****456'],
  ['110', '****0'],
  ['', '****'],
];

describe('maskPhone (client)', () => {
  it.each(CASES)('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});
