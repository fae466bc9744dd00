/**
 * Runs the core through dispatch on a real SQLite file with a hand-set clock: the set-up that the
 * core's rule tests share. Alerts of every kind are collected instead of sent. With
 * `store: 'cloudbase'` the same runs on the CloudBase store over the emulator, whose counts show
 * what a run costs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../contract/envelope';
import type { CoreDeps } from '../core/deps';
import { loggedNotifier } from '../core/alert-log';
import { dispatch } from '../core/dispatch';
import { adminDigestOf } from '../core/identity';
import type {
  ActivityAlert,
  Alert,
  BookingAlert,
  Clock,
  ContentChecker,
  LinePublisher,
  MediaStore,
  ResidentAlert,
  Store,
} from '../core/ports';
import { seedPilots } from '../core/seed';
import { COLLECTIONS, createCloudBaseStore, type CloudDatabase } from '../stores/cloudbase';
import { openSqliteStore, type Locking } from '../stores/sqlite';
import { imageCleaner } from '../hosts/images';
import { createCloudBaseEmulator } from './cloudbase-emulator';

export interface HandClock extends Clock {
  set(iso: string): void;
  advance(minutes: number): void;
}

export const handClock = (at: string): HandClock => {
  let now = new Date(at).getTime();
  return {
    demo: false,
    now: () => new Date(now),
    set: (iso) => {
      now = new Date(iso).getTime();
    },
    advance: (minutes) => {
      now += minutes * 60_000;
    },
  };
};

/** Fails the test with the error envelope when a call that should work did not. */
export const ok = <T>(e: Envelope<T>): T => {
  if (!e.ok) throw new Error(`expected ok, got ${JSON.stringify(e.error)}`);
  return e.data;
};

export interface HarnessOptions {
  media?: MediaStore;
  contentCheck?: ContentChecker;
  publisher?: LinePublisher;
  /** The CloudBase store on the emulator instead of SQLite (jobs whose cost is counted in reads). */
  store?: 'sqlite' | 'cloudbase';
  /**
   * How SQLite locks the file: `exclusive` unless told, as the local host does; `shared` for a
   * test that opens `another` host on the same data (only shared hosts can).
   */
  locking?: Locking;
}

/** The harness's admin secret: `staff-1` is admin by it. */
export const ADMIN_TOKEN = 'harness-admin-token-0123456789';

/** A fresh seeded store under a temp dir, with `staff-1` as admin. Call `close()` after. */
export async function coreHarness(at: string, options: HarnessOptions = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-core-'));
  // BDB_CORE_STORE=cloudbase runs every core rule test on the CloudBase store (the jest project
  // "core-cloudbase" does, in npm test): the same answers from either store.
  const kind =
    options.store ?? (process.env.BDB_CORE_STORE === 'cloudbase' ? 'cloudbase' : 'sqlite');
  const emulator =
    kind === 'cloudbase' ? createCloudBaseEmulator({ collections: COLLECTIONS }) : null;
  const opened: Store[] = [];
  /** A store on the harness's data: each call is another connection, as another process has. */
  const openStore = async (): Promise<Store> => {
    const next = emulator
      ? createCloudBaseStore(emulator.database() as unknown as CloudDatabase)
      : await openSqliteStore(path.join(dir, 'core.db'), options.locking ?? 'exclusive');
    opened.push(next);
    return next;
  };
  const store = await openStore();
  await seedPilots(store);
  await store.identities.ensureUser('staff-1', new Date());
  await store.identities.grantAdmin('staff-1', adminDigestOf(ADMIN_TOKEN), new Date());
  const clock = handClock(at);
  const alerts = {
    queue: [] as Alert[],
    booking: [] as BookingAlert[],
    activity: [] as ActivityAlert[],
    resident: [] as ResidentAlert[],
  };
  const depsOn = (on: Store): CoreDeps => ({
    store: on,
    clock,
    config: { adminToken: ADMIN_TOKEN },
    // As the local host: every alert is kept in the store's alert log.
    notifier: loggedNotifier(
      {
        notify: async (alert) => void alerts.queue.push(alert),
        notifyBooking: async (alert) => void alerts.booking.push(alert),
        notifyActivity: async (alert) => void alerts.activity.push(alert),
        notifyResident: async (alert) => void alerts.resident.push(alert),
      },
      on.alerts,
    ),
    // With media, the hosts' real cleaner: uploads are re-encoded as in production.
    ...(options.media ? { media: options.media, images: imageCleaner } : {}),
    ...(options.contentCheck ? { contentCheck: options.contentCheck } : {}),
    ...(options.publisher ? { publisher: options.publisher } : {}),
  });
  const deps = depsOn(store);
  const as =
    (userId: string | null) =>
    async <T>(action: string, input: Record<string, unknown> = {}) => {
      const [fn, name] = action.split('.') as [string, string];
      return (await dispatch(deps, fn, { action: name, ...input }, { userId })) as Envelope<T>;
    };
  return {
    store,
    clock,
    alerts,
    deps,
    /** The emulator behind a 'cloudbase' harness (to count reads), else null. */
    emulator,
    /**
     * Deps for a second host on the same data (another process, another container), with the
     * same clock and alert lists: for runs at once.
     */
    another: async () => depsOn(await openStore()),
    as,
    staff: as('staff-1'),
    close: async () => {
      for (const each of opened) await each.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
