import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { decideRedeem, type StoredInvite } from '../../core/identity';
import type {
  BoardNotice,
  CommunityRecord,
  CommunityRepo,
  CommunitySetup,
  IdentityRepo,
  RedeemResult,
  StaffEntry,
  Store,
  UserRecord,
} from '../../core/ports';
import { MIGRATIONS } from './migrations';
import { bookingRepo } from './bookings';
import { followUpRepo } from './followups';
import { alertLog } from './alerts';
import { jobRepo } from './jobs';
import { noticeRepo } from './notices';
import { reportRepo } from './reports';
import { rosterRepo } from './rosters';
import { surveyRepo } from './surveys';
import { suggestionRepo } from './suggestions';
import { queueRepo } from './queues';
import { uploadRepo } from './uploads';
import { maybe, rowReader, type Row } from './rows';

type DB = Database.Database;

/** Opens (creating if needed) a SQLite file in WAL mode and brings its schema up to date. */
export function openDatabase(file: string): DB {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Concurrent writers from several processes (tests, a second host) wait instead of failing.
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  return db;
}

export function migrate(db: DB): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

const toInvite = rowReader<StoredInvite>();
const toStaff = rowReader<StaffEntry>({ bool: ['admin'] });
const toUser = rowReader<Omit<UserRecord, 'staffOf'>>({ bool: ['admin'] });

function communityRepo(db: DB): CommunityRepo {
  const listStmt = db.prepare<[], { id: string; name: string }>(
    'SELECT id, name FROM communities ORDER BY id',
  );
  const getStmt = db.prepare<[string], Omit<CommunityRecord, 'evenings' | 'services'>>(
    'SELECT id, name, contact_phone AS contactPhone FROM communities WHERE id = ?',
  );
  const eveningsStmt = db.prepare<[string], { weekday: number; opensAt: string; closesAt: string }>(
    'SELECT weekday, opens_at AS opensAt, closes_at AS closesAt FROM service_evenings WHERE community_id = ? ORDER BY weekday',
  );
  const servicesStmt = db.prepare<[string], CommunityRecord['services'][number]>(
    'SELECT id, name, kind, description, sort FROM services WHERE community_id = ? ORDER BY sort, id',
  );
  const upsert = db.prepare(
    'INSERT INTO communities (id, name) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name',
  );
  const clearEvenings = db.prepare('DELETE FROM service_evenings WHERE community_id = ?');
  const clearServices = db.prepare('DELETE FROM services WHERE community_id = ?');
  const addEvening = db.prepare(
    'INSERT INTO service_evenings (community_id, weekday, opens_at, closes_at) VALUES (?, ?, ?, ?)',
  );
  const addService = db.prepare(
    'INSERT INTO services (community_id, id, name, kind, description, sort) VALUES (?, ?, ?, ?, ?, ?)',
  );

  const save = db.transaction((c: CommunitySetup) => {
    upsert.run(c.id, c.name);
    clearEvenings.run(c.id);
    clearServices.run(c.id);
    for (const e of c.evenings) addEvening.run(c.id, e.weekday, e.opensAt, e.closesAt);
    for (const s of c.services) addService.run(c.id, s.id, s.name, s.kind, s.description, s.sort);
  });

  const boardStmt = db.prepare<[string], { board: string }>(
    'SELECT board FROM communities WHERE id = ?',
  );
  const saveBoardStmt = db.prepare('UPDATE communities SET board = ? WHERE id = ?');
  const setContactStmt = db.prepare('UPDATE communities SET contact_phone = ? WHERE id = ?');

  const get = (id: string): CommunityRecord | null => {
    const row = getStmt.get(id);
    if (!row) return null;
    return { ...row, evenings: eveningsStmt.all(id), services: servicesStmt.all(id) };
  };

  return {
    list: async () => listStmt.all(),
    get: async (id) => get(id),
    save: async (community) => {
      save(community);
    },
    withBoard: async (id) => {
      const community = get(id);
      if (!community) return null;
      const board = JSON.parse(boardStmt.get(id)?.board ?? '[]') as BoardNotice[];
      return { community, board };
    },
    saveBoard: async (id, board) => {
      saveBoardStmt.run(JSON.stringify(board), id);
    },
    setContactPhone: async (id, phone) => setContactStmt.run(phone, id).changes === 1,
  };
}

function identityRepo(db: DB): IdentityRepo {
  const insertUser = db.prepare(
    'INSERT INTO users (id, admin, created_at) VALUES (?, 0, ?) ON CONFLICT(id) DO NOTHING',
  );
  const userStmt = db.prepare<[string], Row>('SELECT id, admin FROM users WHERE id = ?');
  const staffOfStmt = db.prepare<[string], { community: string }>(
    'SELECT community_id AS community FROM staff_memberships WHERE user_id = ? ORDER BY community_id',
  );
  const setAdmin = db.prepare('UPDATE users SET admin = 1 WHERE id = ?');
  const setName = db.prepare('UPDATE users SET display_name = ? WHERE id = ?');
  const directory = db.prepare<[string], Row>(
    `SELECT id, admin, display_name AS name FROM users
     WHERE admin = 1 OR id IN (SELECT user_id FROM staff_memberships WHERE community_id = ?)
     ORDER BY id`,
  );
  const insertInvite = db.prepare(
    `INSERT INTO invites (code, community_id, created_by, created_at, expires_at)
     VALUES (@code, @community, @createdBy, @createdAt, @expiresAt)`,
  );
  const inviteStmt = db.prepare<[string], Row>(
    'SELECT community_id, expires_at, used_by FROM invites WHERE code = ?',
  );
  // The `used_by IS NULL` guard makes the claim atomic even across processes sharing the file.
  const claimInvite = db.prepare(
    'UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL',
  );
  const addMembership = db.prepare(
    'INSERT INTO staff_memberships (user_id, community_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );

  const getUser = (id: string) =>
    maybe(
      (row) => ({ ...toUser(row), staffOf: staffOfStmt.all(id).map((r) => r.community) }),
      userStmt.get(id),
    );

  const redeem = db.transaction((code: string, userId: string, now: Date): RedeemResult => {
    const decided = decideRedeem(maybe(toInvite, inviteStmt.get(code)), now);
    if (!decided.ok) return decided;
    const at = now.toISOString();
    insertUser.run(userId, at);
    if (claimInvite.run(userId, at, code).changes !== 1) return { ok: false, reason: 'used' };
    addMembership.run(userId, decided.community, at);
    return decided;
  });

  return {
    // Read first: nearly every call is for a known user, and a read takes no write lock.
    ensureUser: async (id, now) => {
      const known = getUser(id);
      if (known) return known;
      insertUser.run(id, now.toISOString());
      return getUser(id)!;
    },
    getUser: async (id) => getUser(id),
    grantAdmin: async (id, now) => {
      insertUser.run(id, now.toISOString());
      setAdmin.run(id);
    },
    createInvite: async (invite, now) => {
      insertInvite.run({ ...invite, createdAt: now.toISOString() });
    },
    // IMMEDIATE takes the write lock up front, so two processes cannot both read "unused".
    redeemInvite: async (code, userId, now) => redeem.immediate(code, userId, now),
    setDisplayName: async (id, name) => {
      setName.run(name, id);
    },
    staffDirectory: async (community) => directory.all(community).map(toStaff),
  };
}

/** The embedded store: one SQLite file, WAL, migrations applied on open. */
export async function openSqliteStore(file: string): Promise<Store & { db: DB }> {
  const db = openDatabase(file);
  return {
    db,
    communities: communityRepo(db),
    identities: identityRepo(db),
    queues: queueRepo(db),
    bookings: bookingRepo(db),
    notices: noticeRepo(db),
    followUps: followUpRepo(db),
    suggestions: suggestionRepo(db),
    surveys: surveyRepo(db),
    reports: reportRepo(db),
    rosters: rosterRepo(db),
    jobs: jobRepo(db),
    alerts: alertLog(db),
    uploads: uploadRepo(db),
    close: async () => {
      db.close();
    },
  };
}
