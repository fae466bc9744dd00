import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SentAlert } from '../../core/ports';
import { alertLog } from './alerts';
import { openDatabase } from './index';
import { queueRepo } from './queues';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-alerts-'));
let n = 0;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const sent = (label: string): SentAlert => ({
  userId: 'r1',
  kind: 'your-turn',
  ref: `K-${label}`,
  community: 'c1',
  queue: 'library',
  date: '2026-12-02',
  label,
  at: '2026-12-02T11:00:00.000Z',
});

/** A connection whose IMMEDIATE transactions (the commits of writes) are counted. */
function counted() {
  const file = path.join(dir, `alerts-${++n}.db`);
  const db = openDatabase(file);
  const commits = { n: 0 };
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const made = transaction(fn);
    return Object.assign((...args: never[]) => made(...args), {
      default: made.default,
      deferred: made.deferred,
      exclusive: made.exclusive,
      immediate: (...args: never[]) => {
        commits.n += 1;
        return made.immediate(...args);
      },
    });
  }) as typeof db.transaction;
  const alerts = alertLog(db);
  const queues = queueRepo(db, alerts);
  return { file, db, alerts, queues, commits };
}

const untouched = () => ({ next: null, line: null, result: 'untouched' });
const outboxOf = (file: string) => {
  const reader = new Database(file, { readonly: true });
  const labels = reader
    .prepare<[], { label: string }>('SELECT label FROM outbox ORDER BY id')
    .all()
    .map((r) => r.label);
  reader.close();
  return labels;
};
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('sqlite alert log', () => {
  it('writes its alerts in its own transaction when no group commit is due', async () => {
    const { file, db, alerts, commits } = counted();
    await alerts.record(sent('A001'));
    await alerts.record(sent('A002'));
    await turn();
    expect(commits.n).toBe(1);
    expect(outboxOf(file)).toEqual(['A001', 'A002']);
    db.close();
  });

  it('rides a queue group commit due in the same turn: one commit for the change and alerts', async () => {
    const { file, db, alerts, queues, commits } = counted();
    await alerts.record(sent('A001'));
    const change = queues.change('c1', 'library', '2026-12-02', untouched);
    await alerts.record(sent('A002'));
    expect(await change).toBe('untouched');
    await turn();
    expect(commits.n).toBe(1);
    expect(outboxOf(file)).toEqual(['A001', 'A002']);
    expect((await alerts.recent('c1', 'library', '2026-12-02', 10)).map((a) => a.label)).toEqual([
      'A002',
      'A001',
    ]);
    db.close();
  });

  it('keeps the alerts of a group commit that failed, in order, and writes them later', async () => {
    const { file, db, alerts, queues } = counted();
    db.pragma('busy_timeout = 0');
    // Another process holds the write lock: the group's BEGIN IMMEDIATE fails.
    const other = new Database(file);
    other.prepare('BEGIN IMMEDIATE').run();
    await alerts.record(sent('A001'));
    const change = queues.change('c1', 'library', '2026-12-02', untouched);
    await alerts.record(sent('A002'));
    const failure = await change.then(
      () => null,
      (error: unknown) => error,
    );
    expect(String(failure)).toMatch(/locked|busy/i);
    other.prepare('COMMIT').run();
    other.close();
    await turn();
    // Written by the log's own transaction, without a read of the log asking for them.
    expect(outboxOf(file)).toEqual(['A001', 'A002']);
    db.close();
  });
});
