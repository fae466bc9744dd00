/**
 * A stand-in for wx-server-sdk with the CloudBase emulator as its database, and a way to call
 * cloud functions as WeChat does: each call with its caller's OPENID, counted per action. The
 * functions under test are either the source entries (server/hosts/cloud/functions) or the
 * built bundles (cloudfunctions/<fn>/index.js, exactly what gets uploaded).
 *
 * Only the SDK's edge is stood in for: identity, the database (the emulator), subscription
 * messages and msgSecCheck (recorded), cloud storage (kept in memory). Everything behind it is
 * the real code.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { COLLECTIONS } from '../stores/cloudbase';
import { createCloudBaseEmulator, type CloudBaseEmulator } from './cloudbase-emulator';

export interface SentMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

export interface CloudCall {
  fn: string;
  action: string;
  openid: string | null;
}

const DYNAMIC_CURRENT_ENV = Symbol('DYNAMIC_CURRENT_ENV');

/** Every subscription template id set, as deployed (the notifier skips a kind without one). */
export const TEST_TEMPLATES = {
  TMPL_QUEUE_THREE_AHEAD: 'tmpl-three',
  TMPL_QUEUE_YOUR_TURN: 'tmpl-turn',
  TMPL_BOOKING_PROMOTED: 'tmpl-promoted',
  TMPL_BOOKING_REMINDER: 'tmpl-reminder',
  TMPL_ACTIVITY_PROMOTED: 'tmpl-activity',
  TMPL_FOLLOW_UP: 'tmpl-follow-up',
} as const;

/**
 * jest's fake timers for Date only: the cloud functions read the real clock, so a test moves
 * Date through an evening, while the emulator's round trips and the adapter's retries keep
 * real timers. For jest tests only.
 */
export function fakeDateOnly(now?: Date) {
  jest.useFakeTimers({
    ...(now ? { now } : {}),
    doNotFake: [
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'nextTick',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
}

export function createWxServerSdk(emulator: CloudBaseEmulator) {
  const callers = new AsyncLocalStorage<{ openid: string | null }>();
  const messages: SentMessage[] = [];
  const checks: string[] = [];
  const files = new Map<string, Buffer>();
  let verdict: 'pass' | 'risky' = 'pass';
  const sdk = {
    DYNAMIC_CURRENT_ENV,
    init: () => undefined,
    database: (options?: { throwOnNotFound?: boolean }) => emulator.database(options),
    getWXContext: () => {
      const openid = callers.getStore()?.openid;
      return { OPENID: openid ?? undefined, APPID: 'wx-test', ENV: 'emulator' };
    },
    openapi: {
      subscribeMessage: {
        send: async (message: SentMessage) => {
          messages.push(JSON.parse(JSON.stringify(message)) as SentMessage);
          return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
        },
      },
      security: {
        msgSecCheck: async (request: { content: string }) => {
          checks.push(request.content);
          return {
            errCode: 0,
            result: { suggest: verdict, label: verdict === 'pass' ? 100 : 20001 },
          };
        },
      },
    },
    uploadFile: async ({ cloudPath, fileContent }: { cloudPath: string; fileContent: Buffer }) => {
      const fileID = `cloud://emulator/${cloudPath}`;
      files.set(fileID, Buffer.from(fileContent));
      return { fileID };
    },
    deleteFile: async ({ fileList }: { fileList: string[] }) => ({
      fileList: fileList.map((fileID) => ({ fileID, status: files.delete(fileID) ? 0 : -1 })),
    }),
    downloadFile: async ({ fileID }: { fileID: string }) => {
      const fileContent = files.get(fileID);
      if (!fileContent)
        throw Object.assign(new Error(`file ${fileID} does not exist`), { errCode: -503003 });
      return { fileContent };
    },
  };
  return {
    sdk,
    /** Runs `run` as a call whose getWXContext() answers `openid`. */
    as: <T>(openid: string | null, run: () => Promise<T>) => callers.run({ openid }, run),
    messages,
    checks,
    setVerdict: (v: 'pass' | 'risky') => {
      verdict = v;
    },
  };
}

export type WxServerSdk = ReturnType<typeof createWxServerSdk>['sdk'];

/**
 * Makes `require('wx-server-sdk')` answer the stand-in in this process (outside jest, whose
 * module registry takes `jest.mock` instead). Returns a function that undoes it.
 */
export function installWxServerSdk(sdk: WxServerSdk): () => void {
  const nodeRequire = createRequire(__filename);
  const id = nodeRequire.resolve('wx-server-sdk');
  const previous = nodeRequire.cache[id];
  const stand = new Module(id);
  stand.exports = sdk;
  stand.loaded = true;
  nodeRequire.cache[id] = stand;
  return () => {
    if (previous) nodeRequire.cache[id] = previous;
    else delete nodeRequire.cache[id];
  };
}

type Main = (event: unknown, context?: unknown) => Promise<unknown>;

/** Where the built bundles are: what `npm run build:cloud` writes and WeChat receives. */
export const BUNDLE_DIR = path.resolve(__dirname, '../../cloudfunctions');

/**
 * A CloudBase environment in a process: the emulator with every collection, the SDK stand-in,
 * and `call()` to invoke a function's `main` as WeChat would (the client's data plus userInfo),
 * counting each call's database operations under "<fn>.<action>".
 */
export function createCloudWorld(options: { load: (fn: string) => Main }) {
  const emulator = createCloudBaseEmulator({ collections: COLLECTIONS });
  const wx = createWxServerSdk(emulator);
  const mains = new Map<string, Main>();
  const calls: CloudCall[] = [];
  const mainOf = (fn: string) => {
    let main = mains.get(fn);
    if (!main) {
      main = options.load(fn);
      mains.set(fn, main);
    }
    return main;
  };
  async function call<T = unknown>(
    openid: string | null,
    fn: string,
    action: string,
    input: Record<string, unknown> = {},
  ): Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }> {
    calls.push({ fn, action, openid });
    const event = { action, ...input, userInfo: { appId: 'wx-test', openId: openid ?? '' } };
    const envelope = await emulator.measure(`${fn}.${action}`, () =>
      wx.as(openid, () => mainOf(fn)(event, {})),
    );
    return envelope as { ok: true; data: T };
  }
  return { emulator, wx, call, calls };
}

export type CloudWorld = ReturnType<typeof createCloudWorld>;
