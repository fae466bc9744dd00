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

  it('locks the database file for this host alone unless SQLITE_LOCKING=shared', () => {
    expect(readSettings(env({})).SQLITE_LOCKING).toBe('exclusive');
    expect(readSettings(env({ SQLITE_LOCKING: 'shared' })).SQLITE_LOCKING).toBe('shared');
    expect(() => readSettings(env({ SQLITE_LOCKING: 'none' }))).toThrow(
      'SQLITE_LOCKING: 只能是 exclusive（默认，本主机独占数据库文件）或 shared（几个进程共用）',
    );
  });
});
