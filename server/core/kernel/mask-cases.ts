/** The masking table both maskPhone copies (server and client) are tested against. */
export const MASK_CASES: Array<[string, string]> = [
  ['13812345678', '138****5678'],
  ['+86 138-1234-5678', '861******5678'],
  ['051265551234', '051*****1234'],
  ['65551234', '****1234'],
  ['5123456', '****456'],
  ['110', '****0'],
  ['', '****'],
];
