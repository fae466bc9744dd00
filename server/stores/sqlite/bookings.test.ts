/**
 * What the SQLite bookings rely on beyond the shared store contract: the connection's set-up that
 * keeps their group commit cheap.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from './index';

let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-bookings-'));
  db = openDatabase(path.join(dir, 'store.db'));
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('keeps savepoint journals in memory: bookings made together each run in one (#15)', () => {
  // 2 is MEMORY: on a temp file a grouped booking's savepoint wrote its pages one write() each.
  expect(db.pragma('temp_store', { simple: true })).toBe(2);
});
