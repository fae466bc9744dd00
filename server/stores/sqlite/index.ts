import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  decideCancelInvite,
  decideRedeem,
  forgettableUser,
  inviteIsOpen,
  type StoredInvite,
} from '../../core/identity';
import type {
  BoardNotice,
  CommunityRecord,
  CommunityRepo,
  CommunitySetup,
  IdentityRepo,
  OpenInviteRecord,
  RedeemResult,
  StaffEntry,
  Store,
  StoredUser,
} from '../../core/ports';
import type { ResidentLimits } from '../../../contract/community';
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
  // Deleted and overwritten content is zeroed, not left in free space (an erased phone number).
  db.pragma('secure_delete = ON');
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
const toUser = rowReader<Omit<StoredUser, 'staffOf'>>();
const toOpenInvite = rowReader<OpenInviteRecord & StoredInvite>();

function communityRepo(db: DB): CommunityRepo {
  const listStmt = db.prepare<[], { id: string; name: string }>(
    'SELECT id, name FROM communities ORDER BY id',
  );
  const getStmt = db.prepare<
    [string],
    Omit<CommunityRecord, 'evenings' | 'services' | 'limits'> & { limits: string | null }
  >('SELECT id, name, contact_phone AS contactPhone, limits FROM communities WHERE id = ?');
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
  const setLimitsStmt = db.prepare('UPDATE communities SET limits = ? WHERE id = ?');

  const get = (id: string): CommunityRecord | null => {
    const row = getStmt.get(id);
    if (!row) return null;
    const limits = row.limits === null ? null : (JSON.parse(row.limits) as ResidentLimits);
    return { ...row, limits, evenings: eveningsStmt.all(id), services: servicesStmt.all(id) };
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
    setLimits: async (id, { bookingsPerEvening, openBookings, numbersPerEvening }) =>
      setLimitsStmt.run(JSON.stringify({ bookingsPerEvening, openBookings, numbersPerEvening }), id)
        .changes === 1,
  };
}

function identityRepo(db: DB): IdentityRepo {
  const insertUser = db.prepare(
    'INSERT INTO users (id, admin, created_at) VALUES (?, 0, ?) ON CONFLICT(id) DO NOTHING',
  );
  const userStmt = db.prepare<[string], Row>(
    'SELECT id, admin_digest, session_version FROM users WHERE id = ?',
  );
  const staffOfStmt = db.prepare<[string], { community: string }>(
    'SELECT community_id AS community FROM staff_memberships WHERE user_id = ? ORDER BY community_id',
  );
  const setAdmin = db.prepare('UPDATE users SET admin_digest = ?, admin_since = ? WHERE id = ?');
  const setName = db.prepare('UPDATE users SET display_name = ? WHERE id = ?');
  const bumpVersion = db.prepare<[string], { version: number }>(
    'UPDATE users SET session_version = session_version + 1 WHERE id = ? RETURNING session_version AS version',
  );
  const removeMembership = db.prepare(
    'DELETE FROM staff_memberships WHERE user_id = ? AND community_id = ?',
  );
  // The admins of the current token, and the community's members (an admin who is also a member
  // counts once, as admin).
  const directory = db.prepare<[{ community: string; digest: string }], Row>(
    `SELECT u.id, u.admin_digest = @digest AS admin, u.display_name AS name,
            CASE WHEN u.admin_digest = @digest THEN u.admin_since ELSE m.created_at END AS since
     FROM users u
     LEFT JOIN staff_memberships m ON m.user_id = u.id AND m.community_id = @community
     WHERE u.admin_digest = @digest OR m.user_id IS NOT NULL
     ORDER BY u.id`,
  );
  const openInvitesStmt = db.prepare<[string], Row>(
    `SELECT code, community_id AS community, created_by, created_at, expires_at, used_by, cancelled_at
     FROM invites WHERE community_id = ? AND used_by IS NULL AND cancelled_at IS NULL
     ORDER BY created_at DESC, code`,
  );
  const setCancelled = db.prepare(
    'UPDATE invites SET cancelled_at = ? WHERE code = ? AND used_by IS NULL AND cancelled_at IS NULL',
  );
  const insertInvite = db.prepare(
    `INSERT INTO invites (code, community_id, created_by, created_at, expires_at)
     VALUES (@code, @community, @createdBy, @createdAt, @expiresAt)`,
  );
  const inviteStmt = db.prepare<[string], Row>(
    'SELECT community_id, expires_at, used_by, cancelled_at FROM invites WHERE code = ?',
  );
  // The `used_by IS NULL` guard makes the claim atomic even across processes sharing the file.
  const claimInvite = db.prepare(
    'UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL',
  );
  const addMembership = db.prepare(
    'INSERT INTO staff_memberships (user_id, community_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );

  const deleteUser = db.prepare('DELETE FROM users WHERE id = ?');
  const forget = db.transaction((id: string) =>
    forgettableUser(getUser(id)) ? deleteUser.run(id).changes === 1 : false,
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

  const cancel = db.transaction((code: string, now: Date): RedeemResult => {
    const decided = decideCancelInvite(maybe(toInvite, inviteStmt.get(code)), now);
    if (!decided.ok) return decided;
    if (setCancelled.run(now.toISOString(), code).changes !== 1)
      return { ok: false, reason: 'used' };
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
    grantAdmin: async (id, adminDigest, now) => {
      insertUser.run(id, now.toISOString());
      setAdmin.run(adminDigest, now.toISOString(), id);
    },
    createInvite: async (invite, now) => {
      insertInvite.run({ ...invite, createdAt: now.toISOString() });
    },
    // IMMEDIATE takes the write lock up front, so two processes cannot both read "unused".
    redeemInvite: async (code, userId, now) => redeem.immediate(code, userId, now),
    setDisplayName: async (id, name) => {
      setName.run(name, id);
    },
    staffDirectory: async (community, adminDigest) =>
      directory.all({ community, digest: adminDigest }).map(toStaff),
    cancelInvite: async (code, now) => cancel.immediate(code, now),
    openInvites: async (community, now) =>
      openInvitesStmt
        .all(community)
        .map(toOpenInvite)
        .filter((invite) => inviteIsOpen(invite, now))
        .map(({ code, community: c, createdBy, createdAt, expiresAt }) => ({
          code,
          community: c,
          createdBy,
          createdAt,
          expiresAt,
        })),
    removeMembership: async (id, community) => removeMembership.run(id, community).changes === 1,
    bumpSessionVersion: async (id) => bumpVersion.get(id)?.version ?? null,
    forget: async (id) => forget.immediate(id),
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
    // After an erase the old pages live on in the -wal file until a checkpoint copies the
    // database over them; TRUNCATE then empties the file.
    scrub: async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    uploads: uploadRepo(db),
    close: async () => {
      db.close();
    },
  };
}
