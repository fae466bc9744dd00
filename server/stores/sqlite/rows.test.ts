/**
 * The SQLite store's shared write helpers on a real file: group commit (grouped) and table writes
 * bound by position with their plans kept (table), and records kept per connection
 * (connectionCache).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { connectionCache, grouped, KEPT_AT_MOST, table } from './rows';

let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-rows-'));
  db = new Database(path.join(dir, 'rows.db'));
  db.pragma('journal_mode = WAL');
  db.exec(
    'CREATE TABLE notes (id TEXT PRIMARY KEY, community_id TEXT NOT NULL, body_text TEXT, done INTEGER NOT NULL DEFAULT 0, tags TEXT) STRICT',
  );
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('grouped: the works asked in one turn share one transaction', () => {
  it('runs them in order, each seeing the ones before, and answers after the commit', async () => {
    const together = grouped(db);
    const insert = db.prepare("INSERT INTO notes (id, community_id) VALUES (?, 'c')");
    const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM notes');
    const seen: number[] = [];
    const inTransaction: boolean[] = [];
    const answers = await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        together(() => {
          inTransaction.push(db.inTransaction);
          seen.push(count.get()!.n);
          insert.run(id);
          return id.toUpperCase();
        }),
      ),
    );
    expect(answers).toEqual(['A', 'B', 'C']);
    expect(seen).toEqual([0, 1, 2]);
    expect(inTransaction).toEqual([true, true, true]);
    // Committed: another connection reads all three.
    const other = new Database(path.join(dir, 'rows.db'), { readonly: true });
    expect(other.prepare('SELECT id FROM notes ORDER BY id').pluck().all()).toEqual([
      'a',
      'b',
      'c',
    ]);
    other.close();
  });

  it('rolls back a work that throws alone: the others commit, its caller gets the error', async () => {
    const together = grouped(db);
    const insert = db.prepare("INSERT INTO notes (id, community_id) VALUES (?, 'c')");
    const outcomes = await Promise.allSettled([
      together(() => insert.run('a')),
      together(() => {
        insert.run('b');
        throw new Error('refused after writing');
      }),
      together(() => insert.run('c')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(
      new Error('refused after writing'),
    );
    expect(db.prepare('SELECT id FROM notes ORDER BY id').pluck().all()).toEqual(['a', 'c']);
  });

  it('answers a later turn in a transaction of its own', async () => {
    const together = grouped(db);
    const insert = db.prepare("INSERT INTO notes (id, community_id) VALUES (?, 'c')");
    await together(() => insert.run('a'));
    await together(() => insert.run('b'));
    expect(db.prepare('SELECT COUNT(*) FROM notes').pluck().get()).toBe(2);
  });
});

describe('grouped, lastWriteOnly: works whose one write is their last statement', () => {
  it('needs no savepoint: a failing write undoes itself alone, the others commit', async () => {
    const together = grouped(db, { lastWriteOnly: true });
    const insert = db.prepare("INSERT INTO notes (id, community_id) VALUES (?, 'c')");
    const outcomes = await Promise.allSettled([
      together(() => insert.run('a')),
      // The same id again: the insert fails and writes nothing.
      together(() => insert.run('a')),
      together(() => {
        throw new Error('refused before writing');
      }),
      together(() => insert.run('b')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(db.prepare('SELECT id FROM notes ORDER BY id').pluck().all()).toEqual(['a', 'b']);
  });

  it('runs each work in the group transaction itself: a write before a throw is kept', async () => {
    // Why the option is only for works that write last: there is no savepoint to roll back to.
    const together = grouped(db, { lastWriteOnly: true });
    const insert = db.prepare("INSERT INTO notes (id, community_id) VALUES (?, 'c')");
    const outcomes = await Promise.allSettled([
      together(() => {
        insert.run('a');
        throw new Error('refused after writing');
      }),
    ]);
    expect(outcomes[0]!.status).toBe('rejected');
    expect(db.prepare('SELECT id FROM notes').pluck().all()).toEqual(['a']);
  });
});

describe('table writes: plans per record shape, values bound by position', () => {
  interface Note {
    id: string;
    community: string;
    bodyText?: string | null;
    done?: boolean;
    tags?: string[] | null;
  }
  const notes = () => table<Note>(db, 'notes', { bool: ['done'], json: ['tags'] });

  it('writes each shape a record comes in, leaving undefined fields and unknown ones out', () => {
    const t = notes();
    t.insert({ id: 'a', community: 'c', bodyText: 'one', done: true, tags: ['x'] });
    t.insert({ id: 'b', community: 'c', bodyText: undefined, extra: 'not a column' } as Note);
    t.insert({ id: 'c', community: 'c', tags: null });
    expect(t.all('1 = 1 ORDER BY id')).toEqual([
      { id: 'a', community: 'c', bodyText: 'one', done: true, tags: ['x'] },
      { id: 'b', community: 'c', bodyText: null, done: false, tags: null },
      { id: 'c', community: 'c', bodyText: null, done: false, tags: null },
    ]);
  });

  it('updates by key, the same plan serving records of the same shape, and upserts', () => {
    const t = notes();
    t.insert({ id: 'a', community: 'c', bodyText: 'one' });
    t.insert({ id: 'b', community: 'c', bodyText: 'two' });
    t.update({ id: 'a', community: 'c', bodyText: 'uno', done: true });
    t.update({ id: 'b', community: 'c', bodyText: 'dos', done: false });
    t.upsert({ id: 'b', community: 'c', bodyText: 'deux', tags: ['y'] }, ['id'], ['bodyText']);
    t.upsert({ id: 'd', community: 'c', bodyText: 'four' }, ['id']);
    expect(t.all('1 = 1 ORDER BY id').map((n) => [n.id, n.bodyText, n.done, n.tags])).toEqual([
      ['a', 'uno', true, null],
      ['b', 'dos', false, ['y']],
      ['d', 'four', false, null],
    ]);
  });

  it('leaves a flag it is not given, and updateChanged writes only what differs', () => {
    const t = notes();
    t.insert({ id: 'a', community: 'c', bodyText: 'one', done: true, tags: ['x'] });
    t.update({ id: 'a', community: 'c', bodyText: 'uno' });
    expect(t.get('id = ?', 'a')).toMatchObject({ bodyText: 'uno', done: true, tags: ['x'] });
    const stored = t.get('id = ?', 'a')!;
    expect(t.updateChanged(stored, { ...stored })).toBeNull();
    // A row changed behind the record's back keeps that change where the record did not differ.
    db.prepare("UPDATE notes SET body_text = 'elsewhere' WHERE id = 'a'").run();
    t.updateChanged(stored, { ...stored, done: false });
    expect(t.get('id = ?', 'a')).toMatchObject({ bodyText: 'elsewhere', done: false, tags: ['x'] });
  });
});

describe('connectionCache: kept while no other connection commits', () => {
  it('loads a key once (null too), and again after another connection wrote', () => {
    const cache = connectionCache<string | null>(db);
    const loads: string[] = [];
    const load = (key: string) => () => {
      loads.push(key);
      const row = db
        .prepare<[string], { body_text: string }>('SELECT body_text FROM notes WHERE id = ?')
        .get(key);
      return row?.body_text ?? null;
    };
    expect(cache.get('a', load('a'))).toBeNull();
    expect(cache.get('a', load('a'))).toBeNull();
    expect(loads).toEqual(['a']);
    const other = new Database(path.join(dir, 'rows.db'));
    other
      .prepare("INSERT INTO notes (id, community_id, body_text) VALUES ('a', 'c', '新的')")
      .run();
    other.close();
    expect(cache.get('a', load('a'))).toBe('新的');
    expect(cache.get('a', load('a'))).toBe('新的');
    expect(loads).toEqual(['a', 'a']);
  });

  it('starts over past its bound, so keys made up by requests cannot grow it', () => {
    const cache = connectionCache<number>(db);
    let loads = 0;
    const load = () => (loads += 1);
    for (let i = 0; i < KEPT_AT_MOST; i += 1) cache.get(`k${i}`, load);
    cache.get('k0', load);
    expect([loads, cache.map.size]).toEqual([KEPT_AT_MOST, KEPT_AT_MOST]);
    cache.get('one-more', load);
    expect([loads, cache.map.size]).toEqual([KEPT_AT_MOST + 1, 1]);
  });
});
