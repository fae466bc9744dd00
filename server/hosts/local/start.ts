import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { CoreDeps } from '../../core/deps';
import type { Clock } from '../../core/ports';
import { loggedNotifier } from '../../core/alert-log';
import { sendDueReminders } from '../../core/booking/service';
import { sweepUploads } from '../../core/upload/service';
import { runMorning } from '../../core/retention/service';
import { seedPilots } from '../../core/seed';
import { openSqliteStore, type Locking } from '../../stores/sqlite';
import { buildLocalApp } from './app';
import { LiveBus } from './live';
import { wordListChecker } from './content-check';
import { imageCleaner } from '../images';
import { localMediaStore } from './media';
import { persistentSecret } from './settings';

export interface StartOptions {
  host?: string;
  port?: number;
  dataDir: string;
  clock: Clock;
  adminToken?: string;
  cookieSecret?: string;
  publicUrl?: string;
  h5Dir?: string;
  logErrors?: boolean;
  rateLimit?: number | false;
  requestTimeoutMs?: number;
  identitiesPerHour?: number;
  liveStreams?: { perCaller: number; total: number };
  /** How often the booking reminders and the follow-up job run (ms); 0 turns the in-process scheduler off (tests). */
  reminderIntervalMs?: number;
  /** `exclusive` unless told: the host owns its database file (see Locking). */
  sqliteLocking?: Locking;
}

export interface LocalHost {
  app: FastifyInstance;
  deps: CoreDeps;
  live: LiveBus;
  /** Where the host listens, e.g. http://127.0.0.1:8080. */
  url: string;
  adminToken: { value: string; generated: boolean };
  close(): Promise<void>;
}

/**
 * The same core jobs the cloud's timer functions run: the afternoon reminder for tonight's
 * bookings, the morning job (follow-ups, then retention) and the upload sweep, every
 * `intervalMs` (0: off). Returns how to stop it.
 */
function startReminders(deps: CoreDeps, intervalMs: number): () => void {
  if (intervalMs <= 0) return () => undefined;
  // The jobs are safe to repeat and run in bounded slices: each tick continues where the last
  // stopped (reminders are marked sent, the follow-up job keeps a cursor per day, retention
  // finds only what is left to anonymise, the upload sweep deletes only what is still unattached).
  const remind = () =>
    Promise.all([
      sendDueReminders(deps, deps.clock.now()),
      runMorning(deps, deps.clock.now()),
      sweepUploads(deps, deps.clock.now()),
    ]).catch((error: unknown) => console.error('[bdb] scheduled jobs failed:', error));
  void remind();
  const timer = setInterval(() => void remind(), intervalMs);
  return () => clearInterval(timer);
}

export const DEFAULT_H5_DIR = path.resolve(__dirname, '../../../dist-h5');

/**
 * DATA_DIR holds names, phones and secrets: only the host's own user may open it or its files.
 * The database file is made 0600 before SQLite opens it, which gives its -wal and -shm the same.
 */
export function makePrivate(dataDir: string, dbFile: string) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  fs.closeSync(fs.openSync(dbFile, 'a', 0o600));
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) fs.chmodSync(file, 0o600);
    else if (entry.isDirectory()) fs.chmodSync(file, 0o700);
  }
}

/** The store, or what to do when another host (or process) holds its file. */
async function openStore(dbFile: string, locking: Locking) {
  try {
    return await openSqliteStore(dbFile, locking);
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new DatabaseInUse(
      `数据库 ${dbFile} 正被另一个进程使用（可能是另一个本地主机）。一个数据目录只能由一个本地主机使用：请先停掉它，或换一个 DATA_DIR；要让几个进程共用这个文件，请让它们都设 SQLITE_LOCKING=shared。`,
    );
  }
}

/** Start-up cannot go on: the message says why and what to do (printed without a stack). */
export class DatabaseInUse extends Error {}

/** Opens the SQLite store under dataDir, seeds the pilots on first start, and listens. */
export async function startLocalHost(options: StartOptions): Promise<LocalHost> {
  const dbFile = path.join(options.dataDir, 'badianban.db');
  makePrivate(options.dataDir, dbFile);
  const store = await openStore(dbFile, options.sqliteLocking ?? 'exclusive');
  await seedPilots(store);
  const admin = options.adminToken
    ? { value: options.adminToken, created: false }
    : persistentSecret(options.dataDir, 'admin-token', 18);
  const cookieSecret =
    options.cookieSecret ?? persistentSecret(options.dataDir, 'cookie-secret').value;
  const live = new LiveBus();
  const media = localMediaStore(options.dataDir);
  const deps: CoreDeps = {
    store,
    clock: options.clock,
    config: { adminToken: admin.value, publicUrl: options.publicUrl },
    publisher: live,
    // Every alert is kept in the store's alert log (the outbox table), then pushed.
    notifier: loggedNotifier(live, store.alerts),
    media,
    images: imageCleaner,
    contentCheck: wordListChecker(options.dataDir),
  };
  const app = await buildLocalApp({
    deps,
    cookieSecret,
    h5Dir: options.h5Dir ?? DEFAULT_H5_DIR,
    publicUrl: options.publicUrl,
    logErrors: options.logErrors,
    rateLimit: options.rateLimit,
    live,
    media,
    requestTimeoutMs: options.requestTimeoutMs,
    identitiesPerHour: options.identitiesPerHour,
    liveStreams: options.liveStreams,
  });
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const stopReminders = startReminders(deps, options.reminderIntervalMs ?? 60_000);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  return {
    app,
    deps,
    live,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    adminToken: { value: admin.value, generated: !options.adminToken },
    close: async () => {
      stopReminders();
      await app.close();
      await store.close();
    },
  };
}
