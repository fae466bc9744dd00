/**
 * What the SQLite bookings rely on beyond the shared store contract: the connection's set-up that
 * keeps their group commit cheap, and the schema's guard against a second booking of one request.
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

it("keeps a retried request to one booking even if a decision forgot to look (the schema's unique key)", () => {
  db.prepare("INSERT INTO communities (id, name) VALUES ('c1', '社区')").run();
  let n = 0;
  const insert = (userId: string | null, requestId: string, date = '2026-12-02') =>
    db
      .prepare(
        `INSERT INTO bookings (id, community_id, service, date, starts_at, slot_id, status, user_id, request_id, created_at, code)
         VALUES (?, 'c1', 'paperwork', ?, '18:00', ?, 'confirmed', ?, ?, '2026-12-01T10:00:00.000Z', ?)`,
      )
      .run(`b${++n}`, date, `slot-${n}`, userId, requestId, `code-${n}`);
  insert('u1', 'req-1');
  insert(null, 'req-walkin');
  /** The error's code: better-sqlite3's error class comes from another test file's realm. */
  const codeOf = (write: () => unknown) => {
    try {
      write();
      return null;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };
  // The same resident and request (a retry asks for the same slot: same community and evening).
  expect(codeOf(() => insert('u1', 'req-1'))).toBe('SQLITE_CONSTRAINT_UNIQUE');
  // Walk-ins (no resident) are refused a second booking of one request too.
  expect(codeOf(() => insert(null, 'req-walkin'))).toBe('SQLITE_CONSTRAINT_UNIQUE');
  // Another request, or another resident with that request id, books.
  insert('u1', 'req-2');
  insert('u2', 'req-1');
  expect(db.prepare('SELECT COUNT(*) AS n FROM bookings').get()).toEqual({ n: 4 });
});
