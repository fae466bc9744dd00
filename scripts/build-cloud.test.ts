import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { functionNames } from '../server/core/registry';

/** The functions taking uploads, whose entries pass the image cleaner (server/hosts/images.ts). */
const UPLOAD_FUNCTIONS = ['notice', 'suggestion'];
import { adminDigestOf } from '../server/core/identity';
import { COLLECTIONS } from '../server/stores/cloudbase';
import { createCloudBaseEmulator } from '../server/testing/cloudbase-emulator';
import {
  buildCloud,
  formatJson,
  ACTION_TIMEOUT_SECONDS,
  mergedConfig,
  TIMER_TIMEOUT_SECONDS,
  REQUIRED_OPENAPI,
  TIMER_FUNCTIONS,
} from './build-cloud';

/** Every function folder: one per registry function, plus the timer functions. */
const ALL_FUNCTIONS = [...functionNames(), ...TIMER_FUNCTIONS];

const ROOT = path.resolve(__dirname, '..');
const nodeRequire = createRequire(__filename);
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('committed cloud function folders', () => {
  it.each(ALL_FUNCTIONS)('%s has package.json with the pinned SDK and a config.json', (fn) => {
    const dir = path.join(ROOT, 'cloudfunctions', fn);
    expect(readJson(path.join(dir, 'package.json'))).toMatchObject({
      name: fn,
      main: 'index.js',
      dependencies: { 'wx-server-sdk': '4.0.2' },
    });
    expect(readJson(path.join(dir, 'config.json'))).toMatchObject({
      permissions: { openapi: expect.any(Array) },
    });
  });

  it.each(Object.entries(REQUIRED_OPENAPI))(
    '%s declares the openapi permissions it needs',
    (fn, apis) => {
      const config = readJson(path.join(ROOT, 'cloudfunctions', fn, 'config.json'));
      expect(config).toMatchObject({ permissions: { openapi: expect.arrayContaining([...apis]) } });
    },
  );

  it('queue, booking, notice, followup, suggestion and both timers may send subscription messages', () => {
    expect(REQUIRED_OPENAPI.queue).toEqual(['subscribeMessage.send']);
    expect(REQUIRED_OPENAPI.booking).toEqual(['subscribeMessage.send']);
    expect(REQUIRED_OPENAPI.notice).toEqual(['subscribeMessage.send']);
    expect(REQUIRED_OPENAPI['booking-reminder']).toEqual(['subscribeMessage.send']);
    expect(REQUIRED_OPENAPI['followup-timer']).toEqual(['subscribeMessage.send']);
    // Both file residents' suggestions (followup: those made on a call), whose text is checked.
    for (const fn of ['followup', 'suggestion']) {
      expect(REQUIRED_OPENAPI[fn]).toEqual(['subscribeMessage.send', 'security.msgSecCheck']);
    }
  });

  it('every timer function has a committed timer trigger', () => {
    for (const fn of TIMER_FUNCTIONS) {
      const config = readJson(path.join(ROOT, 'cloudfunctions', fn, 'config.json'));
      expect(config).toMatchObject({ triggers: [{ type: 'timer', config: expect.any(String) }] });
    }
  });

  // Each run is a bounded slice that resumes where the last stopped: several runs a day.
  it('booking-reminder runs every minute 12:00–20:59 (UTC+8), in the seven-field WeChat cron', () => {
    const config = readJson(path.join(ROOT, 'cloudfunctions', 'booking-reminder', 'config.json'));
    expect(config).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      triggers: [{ name: 'reminder', type: 'timer', config: '0 * 12-20 * * * *' }],
      timeout: TIMER_TIMEOUT_SECONDS,
    });
  });

  it('followup-timer runs every minute 09:00–10:59 (UTC+8), in the seven-field WeChat cron', () => {
    const config = readJson(path.join(ROOT, 'cloudfunctions', 'followup-timer', 'config.json'));
    expect(config).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      triggers: [{ name: 'daily', type: 'timer', config: '0 * 9-10 * * * *' }],
      timeout: TIMER_TIMEOUT_SECONDS,
    });
  });

  it('cloudbaserc.json deploys every function with its runtime, timeout and trigger', () => {
    const rc = readJson(path.join(ROOT, 'cloudbaserc.json')) as {
      functions: Array<{ name: string; timeout: number; runtime: string; triggers?: unknown }>;
    };
    expect(rc.functions.map((f) => f.name).sort()).toEqual([...ALL_FUNCTIONS].sort());
    for (const f of rc.functions) {
      const config = readJson(path.join(ROOT, 'cloudfunctions', f.name, 'config.json')) as {
        timeout: number;
        triggers?: unknown;
      };
      expect(f).toMatchObject({ timeout: config.timeout, runtime: 'Nodejs16.13' });
      expect(f.triggers).toEqual(config.triggers);
    }
  });
});

describe('mergedConfig', () => {
  let dir: string;
  const file = () => path.join(dir, 'config.json');
  const write = (value: unknown) => fs.writeFileSync(file(), JSON.stringify(value));
  const hourly = { name: 'reminder', type: 'timer', config: '0 0 * * * * *' };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-config-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps triggers and other fields while adding a missing permission', () => {
    write({ permissions: { openapi: [] }, triggers: [hourly], memorySize: 256 });
    const merged = mergedConfig('booking-reminder', file());
    expect(merged).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      triggers: [hourly],
      memorySize: 256,
      timeout: TIMER_TIMEOUT_SECONDS,
    });
    // As build writes it back: the trigger stays expanded, the permission on one line.
    expect(formatJson(merged)).toContain('"triggers": [\n    {\n      "name": "reminder",');
  });

  it('adds nothing a function without requirements does not declare, but its timeout', () => {
    expect(mergedConfig('community', file())).toEqual({
      permissions: { openapi: [] },
      timeout: ACTION_TIMEOUT_SECONDS,
    });
  });

  it('states the timeout the build owns, over a hand edit', () => {
    write({ permissions: { openapi: [] }, timeout: 3 });
    expect(mergedConfig('queue', file()).timeout).toBe(ACTION_TIMEOUT_SECONDS);
  });

  it.each([
    ['a five-field cron', [{ ...hourly, config: '0 * * * *' }]],
    ['two triggers', [hourly, { ...hourly, name: 'again' }]],
    ['a name starting with a digit', [{ ...hourly, name: '1st' }]],
    ['another type', [{ ...hourly, type: 'http' }]],
    ['an object instead of an array', hourly],
  ])('refuses %s with a clear message', (_what, triggers) => {
    write({ permissions: { openapi: [] }, triggers });
    expect(() => mergedConfig('booking-reminder', file())).toThrow(/7-field cron/);
  });
});

describe('formatJson', () => {
  it('prints short arrays of scalars on one line, as Prettier does', () => {
    expect(formatJson({ permissions: { openapi: ['subscribeMessage.send', 'a.b'] } })).toBe(
      '{\n  "permissions": {\n    "openapi": ["subscribeMessage.send", "a.b"]\n  }\n}\n',
    );
    expect(formatJson({ permissions: { openapi: [] } })).toBe(
      '{\n  "permissions": {\n    "openapi": []\n  }\n}\n',
    );
  });

  it('keeps arrays of objects and arrays too long for one line expanded', () => {
    const long = Array.from({ length: 12 }, (_, i) => `item-number-${i}`);
    const text = formatJson({ triggers: [{ name: 'nightly' }], long });
    expect(text).toContain('"triggers": [\n    {\n      "name": "nightly"\n    }\n  ]');
    expect(text).toContain('"long": [\n    "item-number-0",\n');
    expect(JSON.parse(text)).toEqual({ triggers: [{ name: 'nightly' }], long });
  });

  it('keeps quotes, commas and backslashes inside strings intact', () => {
    const value = { x: ['a,"b', 'c\\d', 1, true, null] };
    expect(formatJson(value)).toBe('{\n  "x": ["a,\\"b", "c\\\\d", 1, true, null]\n}\n');
    expect(JSON.parse(formatJson(value))).toEqual(value);
  });
});

describe('buildCloud', () => {
  let outDir: string;
  const lines: string[] = [];

  beforeAll(() => {
    process.env.ADMIN_TOKEN = 'bundle-test-admin-token';
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-cloud-'));
    // An existing config with a permission and a trigger, as later features will add.
    fs.mkdirSync(path.join(outDir, 'staff'));
    fs.writeFileSync(
      path.join(outDir, 'staff', 'config.json'),
      JSON.stringify({
        permissions: { openapi: ['subscribeMessage.send'] },
        triggers: [{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }],
      }),
    );
  });

  afterAll(() => {
    delete process.env.ADMIN_TOKEN;
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('bundles every registry function and reports sizes', async () => {
    const built = await buildCloud({ outDir, log: (line) => lines.push(line) });
    expect(built.map((b) => b.fn)).toEqual(ALL_FUNCTIONS);
    for (const { fn, bytes } of built) {
      expect(bytes).toBeGreaterThan(0);
      expect(lines.some((line) => line.includes(fn) && line.includes('KB'))).toBe(true);
    }
  }, 60_000);

  it('writes package.json with the exact SDK version, and the image codec where uploads are', () => {
    const codec = (
      readJson(nodeRequire.resolve('@napi-rs/image/package.json')) as { version: string }
    ).version;
    for (const fn of ALL_FUNCTIONS) {
      const dependencies = UPLOAD_FUNCTIONS.includes(fn)
        ? { 'wx-server-sdk': '4.0.2', '@napi-rs/image': codec }
        : { 'wx-server-sdk': '4.0.2' };
      expect(readJson(path.join(outDir, fn, 'package.json'))).toEqual(
        expect.objectContaining({ main: 'index.js', dependencies }),
      );
    }
    expect(readJson(path.join(outDir, 'community', 'config.json'))).toEqual({
      permissions: { openapi: [] },
      timeout: ACTION_TIMEOUT_SECONDS,
    });
  });

  it('adds the required openapi permissions to a function without a config.json', () => {
    // outDir started without a queue folder: the permission comes from REQUIRED_OPENAPI alone.
    expect(readJson(path.join(outDir, 'queue', 'config.json'))).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      timeout: ACTION_TIMEOUT_SECONDS,
    });
  });

  it('keeps openapi permissions and triggers an existing config.json declares', () => {
    expect(readJson(path.join(outDir, 'staff', 'config.json'))).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      triggers: [{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }],
      timeout: ACTION_TIMEOUT_SECONDS,
    });
  });

  it.each(ALL_FUNCTIONS)('%s bundle has no local-only code', (fn) => {
    const code = fs.readFileSync(path.join(outDir, fn, 'index.js'), 'utf8');
    for (const name of ['better-sqlite3', 'fastify', '@tarojs']) expect(code).not.toContain(name);
  });

  // The cloud runtime is Node 16 (RUNTIME): esbuild lowers syntax, not library calls, and the
  // tests run on Node 20, where these exist. A bundle calling one would fail only in the cloud.
  it.each(ALL_FUNCTIONS)('%s bundle calls nothing newer than Node 16', (fn) => {
    const code = fs.readFileSync(path.join(outDir, fn, 'index.js'), 'utf8');
    for (const api of ['structuredClone', '.findLast(', '.toSorted(', '.toReversed(', 'fromAsync'])
      expect(code).not.toContain(api);
  });

  it.each(ALL_FUNCTIONS)(
    '%s bundle exports main, requires only what its package.json installs, and answers',
    async (fn) => {
      const code = fs.readFileSync(path.join(outDir, fn, 'index.js'), 'utf8');
      // A fresh, empty CloudBase (every collection created) for each bundle.
      const emulator = createCloudBaseEmulator({ collections: COLLECTIONS });
      const db = emulator.database();
      const sdk = {
        DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
        init: jest.fn(),
        database: () => db,
        getWXContext: () => ({ OPENID: 'o-bundle' }),
      };
      const required: string[] = [];
      const fakeRequire = (id: string): unknown => {
        required.push(id);
        if (id === 'wx-server-sdk') return sdk;
        if (id === '@napi-rs/image' && UPLOAD_FUNCTIONS.includes(fn)) return nodeRequire(id);
        if (builtinModules.includes(id.replace(/^node:/, ''))) return nodeRequire(id);
        throw new Error(`bundle requires ${id}, which the cloud does not install`);
      };
      const module = { exports: {} as Record<string, unknown> };
      const load = new Function('module', 'exports', 'require', '__filename', '__dirname', code);
      load(module, module.exports, fakeRequire, 'index.js', '.');

      expect(module.exports.main).toEqual(expect.any(Function));
      const main = module.exports.main as (event: unknown) => Promise<unknown>;
      // An action each function answers with ok against an empty database.
      const bodies: Record<string, object> = {
        staff: { action: 'me' },
        community: { action: 'list' },
        queue: { action: 'mine' },
        booking: { action: 'mine' },
        notice: { action: 'mine' },
        followup: { action: 'pending' },
        suggestion: { action: 'mine' },
        survey: { action: 'current', community: 'c1' },
        report: { action: 'overview' },
        roster: { action: 'mine' },
        volunteer: { action: 'home' },
        // A timer function ignores its event and reports what its job did.
        'booking-reminder': {},
        'followup-timer': {},
      };
      // What those actions need to find: survey.current the community, report.overview an admin.
      if (fn === 'survey') {
        await db
          .collection('communities')
          .doc('c1')
          .set({ data: { name: '社区', evenings: [], services: [] } });
      }
      if (fn === 'report') {
        await db
          .collection('users')
          .doc('wx:o-bundle')
          .set({
            data: {
              // An admin of the token the function runs with (see beforeAll).
              adminDigest: adminDigestOf('bundle-test-admin-token'),
              staffOf: [],
              createdAt: '2026-12-01T00:00:00.000Z',
            },
          });
      }
      const body = bodies[fn];
      if (!body) throw new Error(`add an action for the new function "${fn}" here`);
      const result = await main({ ...body, userInfo: { openId: 'o-bundle' } });
      expect(result).toMatchObject({ ok: true });
      expect(sdk.init).toHaveBeenCalledWith({ env: sdk.DYNAMIC_CURRENT_ENV });
      // The codec is loaded with the function (its entry passes the cleaner), only where uploads are.
      expect(required.filter((id) => !builtinModules.includes(id.replace(/^node:/, '')))).toEqual(
        UPLOAD_FUNCTIONS.includes(fn) ? ['wx-server-sdk', '@napi-rs/image'] : ['wx-server-sdk'],
      );
    },
  );

  it('fails with a clear message for a function without an entry', async () => {
    await expect(buildCloud({ outDir, functions: ['nope'], log: () => undefined })).rejects.toThrow(
      'No entry for cloud function "nope": create server/hosts/cloud/functions/nope.ts',
    );
  });

  it('fails with a clear message on an invalid existing config.json', async () => {
    fs.writeFileSync(path.join(outDir, 'community', 'config.json'), '{ not json');
    await expect(
      buildCloud({ outDir, functions: ['community'], log: () => undefined }),
    ).rejects.toThrow(/community[/\\]config\.json is not valid JSON/);
  });
});
