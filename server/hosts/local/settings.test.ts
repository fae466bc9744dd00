import { readSettings } from './settings';

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv;

describe('local host settings', () => {
  it('keeps the rate limit on unless RATE_LIMIT says otherwise', () => {
    expect(readSettings(env({})).RATE_LIMIT).toBeUndefined();
    expect(readSettings(env({ RATE_LIMIT: '600' })).RATE_LIMIT).toBe(600);
    expect(readSettings(env({ RATE_LIMIT: 'off' })).RATE_LIMIT).toBe(false);
  });

  it('refuses a rate limit that is neither a positive number nor "off"', () => {
    expect(() => readSettings(env({ RATE_LIMIT: 'none' }))).toThrow('RATE_LIMIT');
    expect(() => readSettings(env({ RATE_LIMIT: '0' }))).toThrow('RATE_LIMIT');
  });
});
