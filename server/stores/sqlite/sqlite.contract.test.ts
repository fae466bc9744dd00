import fs from 'node:fs';
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { describeCommunityContract } from '../contract-tests/community-contract';
import { describeRetentionContract } from '../contract-tests/retention-contract';
import { describeStoreContract } from '../contract-tests/store-contract';
import { describeVolunteerContract } from '../contract-tests/volunteer-contract';
import { describeCalendarContract } from '../contract-tests/calendar-contract';
import { migrate, openDatabase, openSqliteStore } from './index';
import { MIGRATIONS } from './migrations';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-sqlite-'));
let n = 0;
const freshFile = () => path.join(dir, `store-${++n}.db`);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type SqliteStore = Awaited<ReturnType<typeof openSqliteStore>>;

/** Two connections to one fresh file, as two host processes would have. */
const twoConnections = async (): Promise<[SqliteStore, SqliteStore]> => {
  const file = freshFile();
  return [await openSqliteStore(file), await openSqliteStore(file)];
};

/** Community c1, and a staff invite to it that an admin made. */
const inviteToC1 = async (store: SqliteStore, code: string) => {
  await store.communities.save({ id: 'c1', name: '社区', evenings: [], services: [] });
  await store.identities.ensureUser('admin', new Date());
  await store.identities.createInvite(
    { code, community: 'c1', createdBy: 'admin', expiresAt: '2099-01-01T00:00:00Z' },
    new Date(),
  );
};

// Both ways of locking the file: the local host's (exclusive) and several processes' (shared).
for (const locking of ['exclusive', 'shared'] as const) {
  const open = () => openSqliteStore(freshFile(), locking);
  describeStoreContract(`sqlite (${locking})`, open);
  describeRetentionContract(`sqlite (${locking})`, open);
  describeCommunityContract(`sqlite (${locking})`, open);
  describeVolunteerContract(`sqlite (${locking})`, open);
  describeCalendarContract(`sqlite (${locking})`, open);
}

describe('sqlite specifics', () => {
  it('uses WAL and records the schema version', () => {
    const db = openDatabase(freshFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('overwrites deleted content (secure_delete), so an erased value leaves no free-page copy', () => {
    const db = openDatabase(freshFile());
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    db.close();
  });

  it('keeps the file to itself when exclusive, until it closes; shared connections share it', async () => {
    const file = freshFile();
    const owner = await openSqliteStore(file, 'exclusive');
    await owner.identities.ensureUser('u1', new Date());
    // No shared-memory file: the WAL's index is in the owner's memory.
    expect(fs.existsSync(`${file}-shm`)).toBe(false);
    await expect(openSqliteStore(file)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    await expect(openSqliteStore(file, 'exclusive')).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    // A refused connection is closed, not left open: no file stays open per refusal.
    const openFiles = () => fs.readdirSync('/proc/self/fd').length;
    const before = openFiles();
    for (let i = 0; i < 5; i += 1) await openSqliteStore(file).catch(() => null);
    expect(openFiles()).toBe(before);
    expect(await owner.identities.getUser('u1')).toMatchObject({ id: 'u1' });
    await owner.close();
    const [one, two] = await Promise.all([openSqliteStore(file), openSqliteStore(file)]);
    expect(await two.identities.getUser('u1')).toMatchObject({ id: 'u1' });
    await one.identities.ensureUser('u2', new Date());
    expect(await two.identities.getUser('u2')).toMatchObject({ id: 'u2' });
    await Promise.all([one.close(), two.close()]);
  });

  it('keeps data across reopen and does not re-run migrations', async () => {
    const file = freshFile();
    const first = await openSqliteStore(file);
    await first.identities.ensureUser('u1', new Date());
    await first.close();
    const second = await openSqliteStore(file);
    expect(await second.identities.getUser('u1')).toEqual({
      id: 'u1',
      adminDigest: null,
      staffOf: [],
      sessionVersion: 0,
    });
    await second.close();
  });

  it('lets exactly one of two processes-worth of connections claim an invite', async () => {
    const [a, b] = await twoConnections();
    await inviteToC1(a, 'RACE');
    const results = [
      await a.identities.redeemInvite('RACE', 'x', new Date()),
      await b.identities.redeemInvite('RACE', 'y', new Date()),
    ];
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    await a.close();
    await b.close();
  });

  it('lets exactly one of two connections create a community of one id (#16)', async () => {
    const [a, b] = await twoConnections();
    const shishan = { address: '', contactPhone: null, evenings: [], services: [] };
    const results = await Promise.all([
      a.communities.create({ ...shishan, id: 'shishan', name: '甲' }),
      b.communities.create({ ...shishan, id: 'shishan', name: '乙' }),
    ]);
    expect([...results].sort()).toEqual([false, true]);
    // b's cache sees a's commit: both read the winner.
    const winner = results[0] ? '甲' : '乙';
    expect((await a.communities.get('shishan'))?.name).toBe(winner);
    expect((await b.communities.get('shishan'))?.name).toBe(winner);
    await a.close();
    await b.close();
  });

  it('keeps one sign-up per volunteer and evening in the schema; duplicates from before keep the logged one (#16)', async () => {
    const file = freshFile();
    const db = new Database(file);
    const unique = MIGRATIONS.findIndex((m) => m.includes('volunteer_shifts_one_per_evening'));
    for (let v = 0; v < unique; v += 1) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${unique}`);
    const insert = db.prepare(
      `INSERT INTO volunteer_shifts (id, community_id, date, service, user_id, name, minutes, created_at)
       VALUES (?, 'c1', '2026-12-02', 'library', ?, '张志愿', ?, ?)`,
    );
    insert.run('first', 'u1', null, '2026-12-01T01:00:00.000Z');
    insert.run('logged', 'u1', 90, '2026-12-01T02:00:00.000Z');
    insert.run('erased-1', '', 30, '2026-12-01T01:00:00.000Z');
    insert.run('erased-2', '', 45, '2026-12-01T01:00:00.000Z');
    expect(migrate(db)).toBe(MIGRATIONS.length);
    const ids = () =>
      db
        .prepare<[], { id: string }>('SELECT id FROM volunteer_shifts ORDER BY id')
        .all()
        .map((r) => r.id);
    expect(ids()).toEqual(['erased-1', 'erased-2', 'logged']);
    // A second row of one volunteer's evening is refused by the database itself.
    expect(() => insert.run('second', 'u1', null, '2026-12-02T01:00:00.000Z')).toThrow(/UNIQUE/);
    insert.run('erased-3', '', 15, '2026-12-02T01:00:00.000Z');
    expect(ids()).toEqual(['erased-1', 'erased-2', 'erased-3', 'logged']);
    db.close();
  });

  it('gives bookings from before codes distinct 5-character codes, and keeps contact phones apart', async () => {
    const file = freshFile();
    const db = new Database(file);
    const codes = MIGRATIONS.findIndex((m) => m.includes('ADD COLUMN code'));
    // The schema as it was just before booking codes.
    for (let v = 0; v < codes; v += 1) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${codes}`);
    db.exec("INSERT INTO communities (id, name) VALUES ('c1', '社区')");
    const insert = db.prepare(
      `INSERT INTO bookings (id, community_id, service, date, starts_at, slot_id, status, user_id, name, phone, request_id, created_at)
       VALUES (?, 'c1', 'paperwork', '2026-12-02', '19:00', 'c1_paperwork_20261202_1900', 'confirmed', ?, '', NULL, ?, '2026-11-28T02:00:00.000Z')`,
    );
    for (let i = 0; i < 40; i += 1) insert.run(`old-${i}`, `u${i}`, `r-${i}`);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    db.close();
    const store = await openSqliteStore(file);
    const old = await store.bookings.listForDate('c1', '2026-12-02');
    expect(old).toHaveLength(40);
    for (const b of old) expect(b.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$/);
    expect(new Set(old.map((b) => b.code)).size).toBe(40);
    expect((await store.communities.get('c1'))?.contactPhone).toBeNull();
    await store.close();
  });

  it('reads limits set before the sign-up limit with its default, the rest as set', async () => {
    const store = await openSqliteStore(freshFile());
    await store.communities.save({ id: 'c1', name: '社区', evenings: [], services: [] });
    const before = { bookingsPerEvening: 1, openBookings: 6, numbersPerEvening: 5 };
    store.db
      .prepare('UPDATE communities SET limits = ? WHERE id = ?')
      .run(JSON.stringify(before), 'c1');
    expect((await store.communities.get('c1'))?.limits).toEqual({ ...before, openSignUps: 3 });
    expect((await store.communities.withBoard('c1'))?.community.limits).toEqual({
      ...before,
      openSignUps: 3,
    });
    await store.close();
  });

  it('upgrades admins from before digests to not admin, keeps memberships, and opens invites uncancelled', async () => {
    const file = freshFile();
    const db = new Database(file);
    const digests = MIGRATIONS.findIndex((m) => m.includes('ADD COLUMN admin_digest'));
    // The schema as it was just before admin grants kept the token's digest.
    for (let v = 0; v < digests; v += 1) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${digests}`);
    db.exec(`
      INSERT INTO communities (id, name) VALUES ('c1', '社区');
      INSERT INTO users (id, admin, created_at) VALUES ('old-admin', 1, '2026-11-01T00:00:00.000Z');
      INSERT INTO users (id, admin, created_at) VALUES ('old-worker', 0, '2026-11-01T00:00:00.000Z');
      INSERT INTO staff_memberships (user_id, community_id, created_at)
        VALUES ('old-worker', 'c1', '2026-11-02T00:00:00.000Z');
      INSERT INTO invites (code, community_id, created_by, created_at, expires_at)
        VALUES ('OLDCODE234', 'c1', 'old-admin', '2026-12-01T00:00:00.000Z', '2026-12-08T00:00:00.000Z');
    `);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    db.close();
    const store = await openSqliteStore(file);
    // Not admin until they redeem the current token again: no digest matches any token.
    expect(await store.identities.getUser('old-admin')).toEqual({
      id: 'old-admin',
      adminDigest: null,
      staffOf: [],
      sessionVersion: 0,
    });
    expect(await store.identities.staffDirectory('c1', 'a'.repeat(64))).toEqual([
      { id: 'old-worker', admin: false, name: null, since: '2026-11-02T00:00:00.000Z' },
    ]);
    const now = new Date('2026-12-02T00:00:00.000Z');
    expect((await store.identities.openInvites('c1', now)).map((i) => i.code)).toEqual([
      'OLDCODE234',
    ]);
    expect(await store.identities.redeemInvite('OLDCODE234', 'new-worker', now)).toEqual({
      ok: true,
      community: 'c1',
    });
    await store.close();
  });

  it("lists another connection's new and archived communities at once", async () => {
    const [a, b] = await twoConnections();
    await a.communities.save({ id: 'c1', name: '社区', evenings: [], services: [] });
    // Listed (and kept) by `a`, then changed through `b`, as a second host process would.
    expect(await a.communities.list()).toEqual([{ id: 'c1', name: '社区' }]);
    await b.communities.save({ id: 'c2', name: '新社区', evenings: [], services: [] });
    expect(await b.communities.setArchived('c1', '2026-12-02T10:00:00.000Z')).toBe(true);
    expect(await a.communities.list()).toEqual([
      { id: 'c1', name: '社区', archived: true },
      { id: 'c2', name: '新社区' },
    ]);
    await a.close();
    await b.close();
  });

  it("lists another connection's calendar dates at once", async () => {
    const [a, b] = await twoConnections();
    await a.communities.save({ id: 'c1', name: '社区', evenings: [], services: [] });
    const extra = {
      date: '2026-12-03',
      kind: 'extra' as const,
      reason: '',
      opensAt: '18:00',
      closesAt: '20:30',
      added: true,
    };
    // Listed (and kept) by `a`, then changed through `b`, as a second host process would.
    expect(await a.calendar.list('c1', '2026-12-01', '2026-12-31')).toEqual([]);
    await b.calendar.save('c1', extra);
    expect(await a.calendar.list('c1', '2026-12-01', '2026-12-31')).toEqual([extra]);
    await b.calendar.remove('c1', extra.date);
    expect(await a.calendar.list('c1', '2026-12-01', '2026-12-31')).toEqual([]);
    await a.close();
    await b.close();
  });

  it("reads another connection's booking settings at once", async () => {
    const [a, b] = await twoConnections();
    await a.communities.save({ id: 'c1', name: '社区', evenings: [], services: [] });
    const settings = { slotMinutes: 15, seatsPerSlot: 4, cutoffHours: 1, bring: [], weekdays: [] };
    await a.bookings.saveSettings('c1', 'paperwork', settings);
    // Read (and kept) by `a`, then changed through `b`, as a second host process would.
    expect((await a.bookings.getSettings('c1', 'paperwork'))?.seatsPerSlot).toBe(4);
    expect(await a.bookings.getSettings('c1', 'repair')).toBeNull();
    await b.bookings.saveSettings('c1', 'paperwork', { ...settings, seatsPerSlot: 8 });
    await b.bookings.saveSettings('c1', 'repair', settings);
    expect((await a.bookings.getSettings('c1', 'paperwork'))?.seatsPerSlot).toBe(8);
    expect(await a.bookings.getSettings('c1', 'repair')).toEqual(settings);
    await a.close();
    await b.close();
  });

  it("sees another connection's change to a staff member at once: a removal, a sign-out", async () => {
    const [a, b] = await twoConnections();
    await inviteToC1(a, 'JOIN');
    await a.identities.redeemInvite('JOIN', 'w1', new Date());
    // Read (and kept) by `a`, then changed through `b`, as a second host process would.
    expect((await a.identities.getUser('w1'))?.staffOf).toEqual(['c1']);
    expect(await b.identities.removeMembership('w1', 'c1')).toBe(true);
    expect((await a.identities.getUser('w1'))?.staffOf).toEqual([]);
    expect(await b.identities.bumpSessionVersion('w1')).toBe(1);
    expect((await a.identities.ensureUser('w1', new Date())).sessionVersion).toBe(1);
    // And its own writes: the answer is a copy, and a change is read back at once.
    const copy = await a.identities.getUser('w1');
    copy!.staffOf.push('c9');
    expect((await a.identities.getUser('w1'))?.staffOf).toEqual([]);
    expect(await a.identities.bumpSessionVersion('w1')).toBe(2);
    expect((await a.identities.getUser('w1'))?.sessionVersion).toBe(2);
    await a.close();
    await b.close();
  });
});
