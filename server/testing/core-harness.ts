/**
 * Runs the core through dispatch on a real SQLite file with a hand-set clock: the set-up that the
 * core's rule tests share. Alerts of every kind are collected instead of sent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope } from '../../contract/envelope';
import type { CoreDeps } from '../core/deps';
import { dispatch } from '../core/dispatch';
import type {
  ActivityAlert,
  Alert,
  BookingAlert,
  Clock,
  ContentChecker,
  LinePublisher,
  MediaStore,
  ResidentAlert,
} from '../core/ports';
import { seedPilots } from '../core/seed';
import { openSqliteStore } from '../stores/sqlite';

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

/** A fresh seeded store under a temp dir, with `staff-1` as admin. Call `close()` after. */
export async function coreHarness(
  at: string,
  options: { media?: MediaStore; contentCheck?: ContentChecker; publisher?: LinePublisher } = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-core-'));
  const store = await openSqliteStore(path.join(dir, 'core.db'));
  await seedPilots(store);
  await store.identities.ensureUser('staff-1', new Date());
  await store.identities.grantAdmin('staff-1', new Date());
  const clock = handClock(at);
  const alerts = {
    queue: [] as Alert[],
    booking: [] as BookingAlert[],
    activity: [] as ActivityAlert[],
    resident: [] as ResidentAlert[],
  };
  const deps: CoreDeps = {
    store,
    clock,
    config: { adminToken: 'unused-admin-token' },
    notifier: {
      notify: async (alert) => void alerts.queue.push(alert),
      notifyBooking: async (alert) => void alerts.booking.push(alert),
      notifyActivity: async (alert) => void alerts.activity.push(alert),
      notifyResident: async (alert) => void alerts.resident.push(alert),
      recent: async () => [],
    },
    ...(options.media ? { media: options.media } : {}),
    ...(options.contentCheck ? { contentCheck: options.contentCheck } : {}),
    ...(options.publisher ? { publisher: options.publisher } : {}),
  };
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
    as,
    staff: as('staff-1'),
    close: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
