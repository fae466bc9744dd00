/** Helpers for tests that start a real local host on a temporary SQLite file. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Envelope } from '../../../contract/envelope';
import type { Identity } from '../../../contract/staff';
import { fixedClock } from '../../core/clock';
import type { Clock } from '../../core/ports';
import { startLocalHost, type LocalHost } from './start';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A Wednesday service evening at 18:30 in Suzhou. */
export const WEDNESDAY_1830 = '2026-12-02T18:30:00+08:00';

export interface TestHost extends LocalHost {
  dataDir: string;
  db: Database.Database;
  /** A browser-like client with its own cookie jar (its own identity once it has a session). */
  client(): TestClient;
  /** Removes the data directory too. */
  destroy(): Promise<void>;
}

export interface TestResponse<T = unknown> {
  status: number;
  body: Envelope<T>;
  text: string;
}

export interface TestClient {
  cookie: string | null;
  session(): Promise<Identity>;
  call<T = unknown>(fn: string, body: unknown): Promise<TestResponse<T>>;
  raw(
    method: string,
    url: string,
    init?: { body?: string | ReadableStream<Uint8Array>; headers?: Record<string, string> },
  ): Promise<Response>;
}

export async function startTestHost(
  options: {
    clock?: Clock;
    dataDir?: string;
    h5Dir?: string;
    rateLimit?: number | false;
    publicUrl?: string;
    /** The interface to listen on (127.0.0.1 unless a test needs another). */
    listenHost?: string;
    requestTimeoutMs?: number;
    identitiesPerHour?: number;
    liveStreams?: { perCaller: number; total: number };
    /** Run the scheduled jobs (reminders, follow-ups) this often; off unless a test asks. */
    jobsIntervalMs?: number;
    /** The admin secret (ADMIN_TOKEN unless a test rotates it). */
    adminToken?: string;
  } = {},
): Promise<TestHost> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-host-'));
  const host = await startLocalHost({
    dataDir,
    host: options.listenHost,
    port: 0,
    clock: options.clock ?? fixedClock(WEDNESDAY_1830),
    adminToken: options.adminToken ?? ADMIN_TOKEN,
    h5Dir: options.h5Dir ?? path.join(dataDir, 'no-h5'),
    logErrors: false,
    rateLimit: options.rateLimit,
    publicUrl: options.publicUrl,
    requestTimeoutMs: options.requestTimeoutMs,
    identitiesPerHour: options.identitiesPerHour,
    liveStreams: options.liveStreams,
    reminderIntervalMs: options.jobsIntervalMs ?? 0,
  });
  const db = (host.deps.store as unknown as { db: Database.Database }).db;

  const client = (): TestClient => {
    const c: TestClient = {
      cookie: null,
      raw: async (method, url, init = {}) => {
        const headers: Record<string, string> = { ...init.headers };
        if (c.cookie) headers.cookie = c.cookie;
        const response = await fetch(`${host.url}${url}`, {
          method,
          body: init.body,
          headers,
          redirect: 'manual',
          // A stream goes out chunked (no content-length), which fetch sends only half-duplex.
          ...(typeof init.body === 'object' ? { duplex: 'half' } : {}),
        } as RequestInit);
        const set = response.headers.get('set-cookie');
        if (set) c.cookie = set.split(';')[0]!;
        return response;
      },
      session: async () => {
        const response = await c.raw('GET', '/api/session');
        const body = (await response.json()) as Envelope<Identity>;
        if (!body.ok) throw new Error(`session failed: ${JSON.stringify(body)}`);
        return body.data;
      },
      call: async <T>(fn: string, body: unknown) => {
        const response = await c.raw('POST', `/api/${fn}`, {
          body: typeof body === 'string' ? body : JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
        const text = await response.text();
        return { status: response.status, body: JSON.parse(text) as Envelope<T>, text };
      },
    };
    return c;
  };

  return {
    ...host,
    dataDir,
    db,
    client,
    destroy: async () => {
      await host.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every row of every table: equal snapshots mean a request changed nothing. */
export function snapshot(db: Database.Database): string {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
    )
    .all()
    .map((t) => t.name);
  return JSON.stringify(
    tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]),
  );
}

/** A client that is admin, and one that is staff of `community`. */
export async function adminAndStaff(host: TestHost, community = 'jinse') {
  const admin = host.client();
  await admin.session();
  await admin.call('staff', { action: 'redeem', code: ADMIN_TOKEN });
  const invite = await admin.call<{ code: string }>('staff', { action: 'invite', community });
  if (!invite.body.ok) throw new Error('invite failed');
  const staff = host.client();
  await staff.session();
  await staff.call('staff', { action: 'redeem', code: invite.body.data.code });
  return { admin, staff };
}

/** A client that redeemed a volunteer invite `staff` made for `community` (#16). */
export async function volunteerOf(
  host: TestHost,
  staff: TestClient,
  community = 'jinse',
  invite: { name?: string; org?: string } = {},
) {
  const made = await staff.call<{ code: string }>('volunteer', {
    action: 'invite',
    community,
    name: invite.name ?? '张志愿',
    ...(invite.org ? { org: invite.org } : {}),
  });
  if (!made.body.ok) throw new Error(`volunteer invite failed: ${made.text}`);
  const volunteer = host.client();
  await volunteer.session();
  const redeemed = await volunteer.call('staff', { action: 'redeem', code: made.body.data.code });
  if (!redeemed.body.ok) throw new Error(`volunteer redeem failed: ${redeemed.text}`);
  return volunteer;
}
