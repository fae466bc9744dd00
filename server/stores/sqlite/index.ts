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
  CommunityChange,
  CommunityListing,
  CommunityRecord,
  CommunityRepo,
  CommunitySetup,
  NewCommunity,
  IdentityRepo,
  OpenInviteRecord,
  RedeemResult,
  StaffEntry,
  Store,
  StoredUser,
} from '../../core/ports';
import { limitsOf } from '../../core/community/limits';
import { MIGRATIONS } from './migrations';
import { bookingRepo } from './bookings';
import { followUpRepo } from './followups';
import { alertLog } from './alerts';
import { jobRepo } from './jobs';
import { noticeRepo } from './notices';
import { reportRepo } from './reports';
import { rosterRepo } from './rosters';
import { volunteerRepo } from './volunteers';
import { surveyRepo } from './surveys';
import { suggestionRepo } from './suggestions';
import { queueRepo } from './queues';
import { uploadRepo } from './uploads';
import { calendarRepo } from './calendar';
import { connectionCache, maybe, rowReader, statements, table } from './rows';

type DB = Database.Database;

/**
 * How the connection locks the file. `shared`: SQLite's default, any number of connections and
 * processes on one file, each transaction taking and dropping the file's locks. `exclusive`: the
 * first read takes the file's lock and keeps it until the connection closes, so a transaction
 * takes none (no fcntl calls; in WAL mode, no shared-memory file). The local host owns its file:
 * on a 2-core VM, where a system call costs 4–20 µs, a booking's three reads and one write spent
 * about 70 µs of its 320 in locks (docs/performance.md, "Sixth pass"); another connection,
 * here or in another process, gets SQLITE_BUSY until the host stops.
 */
export type Locking = 'shared' | 'exclusive';

/** Opens (creating if needed) a SQLite file in WAL mode and brings its schema up to date. */
export function openDatabase(file: string, locking: Locking = 'shared'): DB {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // Before WAL is first used: then the WAL's index lives in this process's memory, not a file.
    if (locking === 'exclusive') db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // Deleted and overwritten content is zeroed, not left in free space (an erased phone number).
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    // Concurrent writers from several processes (tests, a second host) wait instead of failing.
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    // Savepoints journal the pages they change; on a temp file, past 64 KiB, that journal cost a
    // write() per page (bookings made together each run in one, #15). Temp data stays in memory.
    db.pragma('temp_store = MEMORY');
    migrate(db);
  } catch (error) {
    // A file another connection holds (SQLITE_BUSY) leaves nothing open behind the error.
    db.close();
    throw error;
  }
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

/** A community record of its own: callers may change what they were given. */
const copyOf = (c: CommunityRecord): CommunityRecord => ({
  ...c,
  limits: c.limits && { ...c.limits },
  evenings: c.evenings.map((e) => ({ ...e })),
  services: c.services.map((s) => ({ ...s })),
});

function communityRepo(db: DB): CommunityRepo {
  const communities = table<Omit<CommunityRecord, 'evenings' | 'services'>>(db, 'communities', {
    json: ['limits'],
  });
  const evenings = table(db, 'service_evenings');
  const services = table(db, 'services');
  const sql = statements(db);

  const writeEvenings = (id: string, list: CommunitySetup['evenings']) => {
    evenings.remove('community_id = ?', id);
    for (const e of list) evenings.insert({ community: id, ...e });
  };
  const writeSetup = (c: CommunitySetup) => {
    writeEvenings(c.id, c.evenings);
    services.remove('community_id = ?', c.id);
    for (const s of c.services) services.insert({ community: c.id, ...s });
  };
  const save = db.transaction((c: CommunitySetup) => {
    // An absent address is skipped by upsert: the stored one stays.
    communities.upsert({ id: c.id, name: c.name, address: c.address }, ['id']);
    writeSetup(c);
  });
  // One immediate transaction: the existence check and the insert cannot interleave with another
  // connection's create of the same id.
  const create = db.transaction((c: NewCommunity): boolean => {
    if (sql('SELECT 1 FROM communities WHERE id = ?').get(c.id)) return false;
    const { id, name, address, contactPhone } = c;
    communities.insert({ id, name, address, contactPhone });
    writeSetup(c);
    return true;
  });
  const update = db.transaction((id: string, change: CommunityChange): boolean => {
    const { name, address, contactPhone } = change;
    if (
      communities.update({ id, name, address, contactPhone: contactPhone ?? null }).changes !== 1
    ) {
      return false;
    }
    writeEvenings(id, change.evenings);
    return true;
  });

  /**
   * Communities read, by id: nearly every action reads its community (a booking twice), and it
   * changes a few times a year. Valid while no other connection has committed (SQLite's
   * data_version changes exactly then); this connection's own writes below clear it. Each caller
   * gets its own copy.
   */
  const cache = connectionCache<CommunityRecord | null>(db);
  const cached = (id: string): CommunityRecord | null => {
    const hit = cache.get(id, () => get(id));
    return hit && copyOf(hit);
  };
  /** The list, kept the same way: each resident's first screen asks for it (community.list). */
  const listCache = connectionCache<CommunityListing[]>(db);
  const listed = (): CommunityListing[] =>
    listCache
      .get('', () =>
        sql<{ id: string; name: string; archived: number }>(
          'SELECT id, name, archived_at IS NOT NULL AS archived FROM communities ORDER BY id',
        )
          .all()
          .map(({ id, name, archived }) =>
            archived ? { id, name, archived: true } : { id, name },
          ),
      )
      .map((c) => ({ ...c }));
  const written = <T>(result: T): T => {
    cache.map.clear();
    listCache.map.clear();
    return result;
  };

  const get = (id: string): CommunityRecord | null => {
    const row = sql(
      'SELECT id, name, contact_phone, limits, address, archived_at FROM communities WHERE id = ?',
    ).get(id);
    if (!row) return null;
    const community = communities.read(row);
    return {
      ...community,
      // Limits stored before a limit existed (the sign-up limit) read with its default.
      limits: community.limits && limitsOf(community.limits),
      evenings: sql<CommunityRecord['evenings'][number]>(
        'SELECT weekday, opens_at AS opensAt, closes_at AS closesAt FROM service_evenings WHERE community_id = ? ORDER BY weekday',
      ).all(id),
      services: sql<CommunityRecord['services'][number]>(
        'SELECT id, name, kind, description, sort FROM services WHERE community_id = ? ORDER BY sort, id',
      ).all(id),
    };
  };

  return {
    list: async () => listed(),
    get: async (id) => cached(id),
    save: async (community) => {
      written(save(community));
    },
    create: async (community) => written(create.immediate(community)),
    update: async (id, change) => written(update.immediate(id, change)),
    setArchived: async (id, archivedAt) =>
      written(communities.update({ id, archivedAt })).changes === 1,
    withBoard: async (id) => {
      const community = cached(id);
      if (!community) return null;
      const row = sql<{ board: string }>('SELECT board FROM communities WHERE id = ?').get(id);
      return { community, board: JSON.parse(row?.board ?? '[]') as BoardNotice[] };
    },
    saveBoard: async (id, board) => {
      sql('UPDATE communities SET board = ? WHERE id = ?').run(JSON.stringify(board), id);
    },
    setContactPhone: async (id, contactPhone) =>
      written(communities.update({ id, contactPhone })).changes === 1,
    setLimits: async (id, { bookingsPerEvening, openBookings, numbersPerEvening, openSignUps }) =>
      written(
        communities.update({
          id,
          limits: { bookingsPerEvening, openBookings, numbersPerEvening, openSignUps },
        }),
      ).changes === 1,
  };
}

function identityRepo(db: DB): IdentityRepo {
  const users = table(db, 'users');
  const invites = table(db, 'invites');
  const sql = statements(db);
  const insertUser = (id: string, at: string) =>
    sql(
      'INSERT INTO users (id, admin, created_at) VALUES (?, 0, ?) ON CONFLICT(id) DO NOTHING',
    ).run(id, at);
  const readUser = (id: string) =>
    maybe(
      (row) => ({
        ...toUser(row),
        staffOf: sql<{ community: string }>(
          'SELECT community_id AS community FROM staff_memberships WHERE user_id = ? ORDER BY community_id',
        )
          .all(id)
          .map((r) => r.community),
      }),
      sql('SELECT id, admin_digest, session_version FROM users WHERE id = ?').get(id),
    );
  /**
   * Users read, by id: every staff request reads its caller (and memberships) to authorize it.
   * Valid while no other connection has committed (SQLite's data_version changes exactly then);
   * every write below clears it. Each caller gets its own copy.
   */
  const { map: known, revalidate } = connectionCache<StoredUser>(db);
  const getUser = (id: string): StoredUser | null => {
    revalidate();
    let user = known.get(id) ?? null;
    if (!user) {
      user = readUser(id);
      if (!user) return null;
      known.set(id, user);
    }
    return { ...user, staffOf: [...user.staffOf] };
  };
  const written = <T>(result: T): T => {
    known.clear();
    return result;
  };

  const invite = (code: string) =>
    maybe(
      toInvite,
      sql('SELECT community_id, expires_at, used_by, cancelled_at FROM invites WHERE code = ?').get(
        code,
      ),
    );

  const forget = db.transaction((id: string) =>
    forgettableUser(getUser(id))
      ? sql('DELETE FROM users WHERE id = ?').run(id).changes === 1
      : false,
  );

  const redeem = db.transaction((code: string, userId: string, now: Date): RedeemResult => {
    const decided = decideRedeem(invite(code), now);
    if (!decided.ok) return decided;
    const at = now.toISOString();
    insertUser(userId, at);
    // The `used_by IS NULL` guard makes the claim atomic even across processes sharing the file.
    const claim = sql(
      'UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL',
    );
    if (claim.run(userId, at, code).changes !== 1) return { ok: false, reason: 'used' };
    sql(
      'INSERT INTO staff_memberships (user_id, community_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    ).run(userId, decided.community, at);
    return decided;
  });

  const cancel = db.transaction((code: string, now: Date): RedeemResult => {
    const decided = decideCancelInvite(invite(code), now);
    if (!decided.ok) return decided;
    const cancelled = sql(
      'UPDATE invites SET cancelled_at = ? WHERE code = ? AND used_by IS NULL AND cancelled_at IS NULL',
    );
    if (cancelled.run(now.toISOString(), code).changes !== 1) return { ok: false, reason: 'used' };
    return decided;
  });

  return {
    // Read first: nearly every call is for a known user, and a read takes no write lock.
    ensureUser: async (id, now) => {
      const known = getUser(id);
      if (known) return known;
      written(insertUser(id, now.toISOString()));
      return getUser(id)!;
    },
    getUser: async (id) => getUser(id),
    grantAdmin: async (id, adminDigest, now) => {
      insertUser(id, now.toISOString());
      written(users.update({ id, adminDigest, adminSince: now.toISOString() }));
    },
    createInvite: async (invite, now) => {
      invites.insert({ ...invite, createdAt: now.toISOString() });
    },
    // IMMEDIATE takes the write lock up front, so two processes cannot both read "unused".
    redeemInvite: async (code, userId, now) => written(redeem.immediate(code, userId, now)),
    setDisplayName: async (id, name) => {
      written(users.update({ id, displayName: name }));
    },
    // The admins of the current token, and the community's members (an admin who is also a member
    // counts once, as admin).
    staffDirectory: async (community, adminDigest) =>
      sql(
        `SELECT u.id, u.admin_digest = @digest AS admin, u.display_name AS name,
                CASE WHEN u.admin_digest = @digest THEN u.admin_since ELSE m.created_at END AS since
         FROM users u
         LEFT JOIN staff_memberships m ON m.user_id = u.id AND m.community_id = @community
         WHERE u.admin_digest = @digest OR m.user_id IS NOT NULL
         ORDER BY u.id`,
      )
        .all({ community, digest: adminDigest })
        .map(toStaff),
    cancelInvite: async (code, now) => cancel.immediate(code, now),
    openInvites: async (community, now) =>
      sql(
        `SELECT code, community_id AS community, created_by, created_at, expires_at, used_by, cancelled_at
         FROM invites WHERE community_id = ? AND used_by IS NULL AND cancelled_at IS NULL
         ORDER BY created_at DESC, code`,
      )
        .all(community)
        .map(toOpenInvite)
        .filter((invite) => inviteIsOpen(invite, now))
        .map(({ usedBy: _used, cancelledAt: _cancelled, ...open }) => open),
    removeMembership: async (id, community) =>
      written(
        sql('DELETE FROM staff_memberships WHERE user_id = ? AND community_id = ?').run(
          id,
          community,
        ),
      ).changes === 1,
    bumpSessionVersion: async (id) =>
      written(
        sql<{ version: number }>(
          'UPDATE users SET session_version = session_version + 1 WHERE id = ? RETURNING session_version AS version',
        ).get(id)?.version ?? null,
      ),
    forget: async (id) => written(forget.immediate(id)),
  };
}

/** The embedded store: one SQLite file, WAL, migrations applied on open. */
export async function openSqliteStore(
  file: string,
  locking: Locking = 'shared',
): Promise<Store & { db: DB }> {
  const db = openDatabase(file, locking);
  const alerts = alertLog(db);
  return {
    db,
    communities: communityRepo(db),
    identities: identityRepo(db),
    queues: queueRepo(db, alerts),
    bookings: bookingRepo(db),
    notices: noticeRepo(db),
    followUps: followUpRepo(db),
    suggestions: suggestionRepo(db),
    surveys: surveyRepo(db),
    reports: reportRepo(db),
    rosters: rosterRepo(db),
    volunteers: volunteerRepo(db),
    jobs: jobRepo(db),
    alerts,
    // After an erase the old pages live on in the -wal file until a checkpoint copies the
    // database over them; TRUNCATE then empties the file.
    scrub: async () => {
      alerts.flush();
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    uploads: uploadRepo(db),
    calendar: calendarRepo(db),
    close: async () => {
      alerts.flush();
      db.close();
    },
  };
}
