import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeStoreContract } from '../contract-tests/store-contract';
import { openDatabase, openSqliteStore } from './index';
import { MIGRATIONS } from './migrations';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-sqlite-'));
let n = 0;
const freshFile = () => path.join(dir, `store-${++n}.db`);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeStoreContract('sqlite', () => openSqliteStore(freshFile()));

describe('sqlite specifics', () => {
  it('uses WAL and records the schema version', () => {
    const db = openDatabase(freshFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('keeps data across reopen and does not re-run migrations', async () => {
    const file = freshFile();
    const first = await openSqliteStore(file);
    await first.identities.ensureUser('u1', new Date());
    await first.close();
    const second = await openSqliteStore(file);
    expect(await second.identities.getUser('u1')).toEqual({ id: 'u1', admin: false, staffOf: [] });
    await second.close();
  });

  it('lets exactly one of two processes-worth of connections claim an invite', async () => {
    const file = freshFile();
    const a = await openSqliteStore(file);
    const b = await openSqliteStore(file);
    await a.communities.save({ id: 'c1', name: '社区', evenings: [], services: [] });
    await a.identities.ensureUser('admin', new Date());
    await a.identities.createInvite(
      { code: 'RACE', community: 'c1', createdBy: 'admin', expiresAt: '2099-01-01T00:00:00Z' },
      new Date(),
    );
    const results = [
      await a.identities.redeemInvite('RACE', 'x', new Date()),
      await b.identities.redeemInvite('RACE', 'y', new Date()),
    ];
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    await a.close();
    await b.close();
  });
});
