/**
 * The WeChat cloud host: turns a registry function name into a cloud function `main`. Identity
 * comes from WeChat (OPENID), storage is the CloudBase store, and every outcome is an envelope.
 */
import { randomBytes } from 'node:crypto';
import * as cloud from 'wx-server-sdk';
import type { Envelope } from '../../../contract/envelope';
import { loggedNotifier } from '../../core/alert-log';
import { realClock } from '../../core/clock';
import type { Caller, CoreDeps } from '../../core/deps';
import type { Clock, ImageCleaner, Notifier } from '../../core/ports';
import { dispatch } from '../../core/dispatch';
import { INTERNAL_MESSAGE } from '../../core/errors';
import type { JobRun } from '../../core/jobs';
import { PAYLOAD_TOO_LARGE_MESSAGE } from '../../core/limits';
import { bodyLimitFor } from '../../core/registry';
import { createCloudBaseStore, type CloudDatabase } from '../../stores/cloudbase';
import { createContentChecker, type MsgSecCheckRequest } from './content-check';
import { createCloudMedia } from './media';
import { createNotifier } from './notifier';

/** Same floor as the local host's settings: a shorter secret is too easy to guess. */
const MIN_ADMIN_TOKEN = 16;

/**
 * PUBLIC_URL from the function's environment: the address residents' phones open, which
 * 本周海报's QR code points at (the WeChat 普通链接二维码 prefix that opens the mini-program).
 * Anything but an http(s) URL is none.
 */
const publicUrl = (): string | undefined => {
  const url = process.env.PUBLIC_URL ?? '';
  return /^https?:\/\/[^\s]+$/.test(url) ? url : undefined;
};

/** `main(event, context)` as the cloud function runtime calls it. */
export type CloudMain = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>;

/**
 * The admin secret from the function's environment variables. Without one, admin redemption is
 * disabled by a random value nobody knows, never by '' (which an empty input would match).
 */
function adminToken(): string {
  const token = process.env.ADMIN_TOKEN ?? '';
  if (token.length >= MIN_ADMIN_TOKEN) return token;
  console.warn(
    `[bdb] ADMIN_TOKEN is ${token ? `shorter than ${MIN_ADMIN_TOKEN} characters` : 'not set'}: ` +
      'nobody can become admin through this function until it is set in the cloud function configuration.',
  );
  return randomBytes(32).toString('hex');
}

function callerOf(openid: string | undefined): Caller {
  return { userId: openid ? `wx:${openid}` : null };
}

/** WeChat adds `userInfo` ({ appId, openId }) to every event; identity comes from getWXContext. */
function bodyOf(event: unknown): unknown {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return event;
  const body: Record<string, unknown> = { ...event };
  delete body.userInfo;
  return body;
}

/**
 * Built once per container, on the first call, so a cold start without traffic does no work. Every
 * function gets the notifier: which actions publish or alert is the core's
 * business, and only functions whose config.json grants subscribeMessage.send (queue) can send.
 */
function containerDeps(options: HandlerOptions): CoreDeps {
  // The typings declare `env` as a string, but DYNAMIC_CURRENT_ENV (a symbol) is the documented
  // way to use the environment the function is deployed in.
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  // The SDK's typings declare callback-style unions (Promise | void | string); with promise-style
  // calls the runtime objects satisfy CloudDatabase.
  const db = cloud.database() as unknown as CloudDatabase;
  const store = createCloudBaseStore(db);
  const alerting = (notifier: Notifier) =>
    options.alertLog ? loggedNotifier(notifier, store.alerts) : notifier;
  return {
    store,
    clock: options.clock ?? realClock(),
    config: { adminToken: adminToken(), publicUrl: publicUrl() },
    // No LinePublisher: the queue store writes each line's public state (queue_lines) in the
    // transaction that changes the line, and residents watch() it.
    // `cloud.openapi` is looked up per message, not here: building the deps must not depend on
    // it, since most calls never alert.
    notifier: alerting(createNotifier((message) => cloud.openapi.subscribeMessage.send(message))),
    // Looked up per call like `cloud.openapi`: only cover uploads and checks use storage.
    media: createCloudMedia({
      uploadFile: (options) => cloud.uploadFile(options),
      downloadFile: (options) => cloud.downloadFile(options),
      // Typed as callback-or-promise by the SDK; called promise-style it always resolves.
      deleteFile: async (options) => (await cloud.deleteFile(options)) ?? {},
    }),
    // Only the functions taking uploads (suggestion, notice) pass the cleaner: the others never
    // load the native codec, nor install it (scripts/build-cloud.ts).
    ...(options.images ? { images: options.images } : {}),
    // Looked up per check like the others: only suggestion text is checked. Needs the
    // security.msgSecCheck permission in the function's config.json; without it every check
    // fails and the text passes (content-check.ts explains why it fails open).
    contentCheck: createContentChecker((request: MsgSecCheckRequest) =>
      cloud.openapi.security.msgSecCheck(request),
    ),
  };
}

/** What an entry passes: `images` in the upload functions; the rest only measurements and tests. */
export interface HandlerOptions {
  /** Re-encodes uploads (server/hosts/images.ts); a function without one refuses uploads. */
  images?: ImageCleaner;
  /** The real clock unless given (the cost measurement plays an evening on a hand clock). */
  clock?: Clock;
  /**
   * Keep the store's alert log (alert_log) of every alert sent, as the local host does. Off in
   * the deployed functions: one write per alert takes queue.callNext past its budget
   * (scripts/cloud-costs.ts). The desk's list does not need it: the evening remembers its calls.
   */
  alertLog?: boolean;
}

export function createHandler(fn: string, options: HandlerOptions = {}): CloudMain {
  let deps: CoreDeps | undefined;
  return async (event) => {
    try {
      deps ??= containerDeps(options);
      const caller = callerOf(cloud.getWXContext().OPENID);
      const body = bodyOf(event);
      // The same ceilings as the local host, so a payload refused there is refused here too.
      const action = (body as { action?: unknown } | null)?.action;
      if (Buffer.byteLength(JSON.stringify(body) ?? '') > bodyLimitFor(fn, action)) {
        return {
          ok: false,
          error: { code: 'PAYLOAD_TOO_LARGE', message: PAYLOAD_TOO_LARGE_MESSAGE },
        };
      }
      return await dispatch(deps, fn, body, caller);
    } catch (error) {
      // dispatch answers its own failures; this catches the host's (init, SDK, context).
      console.error(`[bdb] cloud function ${fn} failed:`, error);
      return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
    }
  };
}

/** One line for the function log: what the run did and whether the job needs more runs. */
export function describeRun(run: JobRun): string {
  const left = run.remaining === undefined ? 'more' : `${run.remaining} left`;
  return run.finished
    ? `${run.done} done, finished for now`
    : `${run.done} done, ${left}: the next trigger continues`;
}

/**
 * A timer-triggered function: no caller, no event to trust; it runs one bounded slice of a core
 * job with the same deps as the action functions and reports what it did in the function log.
 */
export function createTimerHandler(
  name: string,
  job: (deps: CoreDeps, now: Date) => Promise<JobRun>,
  options: HandlerOptions = {},
): () => Promise<{ ok: boolean } & Partial<JobRun>> {
  let deps: CoreDeps | undefined;
  return async () => {
    try {
      deps ??= containerDeps(options);
      const run = await job(deps, deps.clock.now());
      console.log(`[bdb] ${name}: ${describeRun(run)}`);
      return { ok: true, ...run };
    } catch (error) {
      console.error(`[bdb] ${name} failed:`, error);
      return { ok: false };
    }
  };
}
