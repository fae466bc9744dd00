/**
 * createTimerHandler: a timer function runs one bounded slice of a core job on the CloudBase
 * store and says in the function log whether the job needs more runs.
 */
import * as cloud from 'wx-server-sdk';
import { fixedClock } from '../../core/clock';
import { createFollowUps } from '../../core/followup/service';
import { PILOT_COMMUNITIES } from '../../core/seed';
import { COLLECTIONS, createCloudBaseStore, type CloudDatabase } from '../../stores/cloudbase';
import { createCloudBaseEmulator } from '../../testing/cloudbase-emulator';
import { createTimerHandler, describeRun } from './create-handler';

jest.mock('wx-server-sdk', () => ({
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init: jest.fn(),
  database: jest.fn(),
  getWXContext: jest.fn(),
  openapi: { subscribeMessage: { send: jest.fn() } },
}));

const sdk = jest.mocked(cloud);
let log: jest.SpyInstance;
let error: jest.SpyInstance;

beforeEach(() => {
  jest.clearAllMocks();
  log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('describeRun', () => {
  it('says whether the job needs another run', () => {
    expect(describeRun({ done: 3, finished: false, remaining: 12 })).toBe(
      '3 done, 12 left: the next trigger continues',
    );
    expect(describeRun({ done: 100, finished: false })).toBe(
      '100 done, more: the next trigger continues',
    );
    expect(describeRun({ done: 0, finished: true, remaining: 0 })).toBe('0 done, finished for now');
  });
});

describe('createTimerHandler', () => {
  it('runs one slice per trigger, logs what is left, and returns the run', async () => {
    const emulator = createCloudBaseEmulator({ collections: COLLECTIONS });
    const db = emulator.database() as unknown as CloudDatabase;
    sdk.database.mockReturnValue(db as unknown as ReturnType<typeof cloud.database>);
    const store = createCloudBaseStore(db);
    for (const community of PILOT_COMMUNITIES) await store.communities.save(community);
    // One community per run: the two pilots take two triggers.
    const main = createTimerHandler(
      'followup-timer',
      (deps, now) => createFollowUps(deps, now, { units: 1, ms: 10_000 }),
      { clock: fixedClock('2026-12-03T09:00:00+08:00') },
    );
    expect(await main()).toEqual({ ok: true, done: 0, finished: false, remaining: 1 });
    expect(log).toHaveBeenLastCalledWith(
      '[bdb] followup-timer: 0 done, 1 left: the next trigger continues',
    );
    expect(await main()).toEqual({ ok: true, done: 0, finished: true, remaining: 0 });
    expect(log).toHaveBeenLastCalledWith('[bdb] followup-timer: 0 done, finished for now');
    // What let the second trigger resume: the day's cursor, now finished.
    expect(emulator.dump('job_state')).toEqual([
      expect.objectContaining({
        job: 'followups',
        key: '2026-12-03',
        data: { after: 'jinse', finished: true },
      }),
    ]);
    expect(error).not.toHaveBeenCalled();
  });

  it('logs a failed run and answers ok: false', async () => {
    sdk.init.mockImplementationOnce(() => {
      throw new Error('init failed');
    });
    const main = createTimerHandler('booking-reminder', async () => ({ done: 0, finished: true }));
    expect(await main()).toEqual({ ok: false });
    expect(error).toHaveBeenCalledWith('[bdb] booking-reminder failed:', expect.any(Error));
  });
});
