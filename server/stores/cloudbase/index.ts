/**
 * The CloudBase store: implements every port on the cloud database through wx-server-sdk's
 * admin API (cloud functions bypass the security rules in database/rules).
 *
 * Communities and identities here (the `_id` is the natural key, so reads by id are gets):
 * - communities/<community id>: { name, evenings: [{ weekday, opensAt, closesAt }],
 *   services: [{ id, name, kind, description, sort }], board, contactPhone, limits }; contactPhone
 *   (the number residents call about bookings) is a string, or null or absent until staff set
 *   it; limits ({ bookingsPerEvening, openBookings, numbersPerEvening }, set by
 *   community.setLimits) is null or absent until staff set them
 * - users/<user id, e.g. "wx:<openid>">: { adminDigest, adminSince, staffOf: string[] (sorted),
 *   staffSince: { <community>: ISO instant }, sessionVersion, createdAt, displayName?: string
 *   (set by staff.setName) }. `adminDigest` is the digest of the ADMIN_TOKEN that made the user
 *   admin (core/identity.ts adminDigestOf), null or absent when never admin; the core counts it
 *   only while it is the current token's. Older documents' `admin: true` is no longer read: those
 *   admins redeem the current token again. Absent `sessionVersion` is 0, absent `staffSince` none.
 * - invites/<code>: { community, createdBy, createdAt, expiresAt, usedBy, usedAt, cancelledAt };
 *   `usedBy` and `usedAt` are null until the invite is redeemed, `cancelledAt` (absent in older
 *   documents) until an admin cancels it (作废).
 */
import type { ResidentLimits, ServiceKind } from '../../../contract/community';
import type { LineCollection } from '../../../contract/live';
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
  IdentityRepo,
  OpenInviteRecord,
  RedeemResult,
  ServiceRecord,
  StaffEntry,
  Store,
  StoredUser,
} from '../../core/ports';
import { isDoc, MalformedDocument, readDoc, toStoredInstant } from './documents';
import {
  fieldsOf,
  integer,
  listOf,
  nested,
  nullable,
  nullableText,
  oneOf,
  readAll,
  recordOf,
  records,
  recordsOf,
  someStrings,
  text,
  type Reader,
  type Shape,
} from './fields';
import { alertLog } from './alerts';
import { bookingRepo } from './bookings';
import { followUpRepo } from './followups';
import { jobRepo } from './jobs';
import { noticeRepo } from './notices';
import { queueRepo } from './queues';
import { reportRepo } from './reports';
import { rosterRepo } from './rosters';
import { suggestionRepo } from './suggestions';
import { surveyRepo } from './surveys';
import { uploadRepo } from './uploads';
import type { CloudDatabase, CloudTransaction, DocData } from './sdk';
import { guardDatabase } from './errors';
import { FEW_RACERS, transact } from './transaction';

export type { CloudDatabase } from './sdk';

/** Lines' public states, which mini-programs watch: named once in contract/live.ts. */
const LINE_COLLECTION: LineCollection = 'queue_lines';

/** Every collection the store uses; each has a rules file in database/rules/<name>.json. */
export const COLLECTIONS = [
  'communities',
  'users',
  'invites',
  'queue_configs',
  'queue_evenings',
  LINE_COLLECTION,
  'queue_residents',
  'booking_settings',
  'booking_slots',
  'bookings',
  'booking_codes',
  'booking_residents',
  'notices',
  'notice_activities',
  'activity_signups',
  'notice_pins',
  'followups',
  'followup_keys',
  'followup_rules',
  'suggestions',
  'suggestion_changes',
  'suggestion_keys',
  'survey_rounds',
  'survey_votes',
  'survey_voids',
  'report_costs',
  'roster_shifts',
  'roster_companions',
  'roster_keys',
  'roster_leave',
  'job_state',
  'alert_log',
  'uploads',
  'upload_counts',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/**
 * Collections residents' mini-programs read directly, and only read: the queue store writes each
 * line's public LineState to queue_lines/<community>:<queue> in the transaction that changes the
 * line, and the ticket and board pages watch() their community's line documents instead of
 * polling a function. Each has a rules file allowing reads and no writes.
 */
export const CLIENT_READABLE_COLLECTIONS = [LINE_COLLECTION] as const;
export type ClientReadableCollection = (typeof CLIENT_READABLE_COLLECTIONS)[number];

export { PAGE_SIZE } from './sdk';
export {
  BOOK_MAX_OPERATIONS,
  BOOK_OPERATIONS,
  CANCEL_OPERATIONS,
  RESCHEDULE_OPERATIONS,
  UPDATE_OPERATIONS,
} from './bookings';
export { CANCEL_SIGN_UP_OPERATIONS, SIGN_UP_MAX_OPERATIONS, SIGN_UP_OPERATIONS } from './notices';
export { CREATE_FOLLOW_UP_OPERATIONS } from './followups';
export { RECENT_KEPT, SUBMIT_OPERATIONS } from './suggestions';
export { UPDATE_ROUND_OPERATIONS } from './surveys';
export { ADD_COMPANION_OPERATIONS, DECIDE_LEAVE_OPERATIONS } from './rosters';

export interface CloudBaseStoreOptions {
  /** Prepended to every collection name, so contract tests can use their own collections. */
  collectionPrefix?: string;
}

type Names = Record<CollectionName, string>;

// --- communities ---

/** Absent (older documents): none. */
const orNone =
  <V>(reader: Reader<V[]>): Reader<V[]> =>
  (doc, key, where) =>
    doc[key] === undefined ? [] : reader(doc, key, where);

const EVENING: Shape<CommunityRecord['evenings'][number]> = {
  weekday: integer,
  opensAt: text,
  closesAt: text,
};
const SERVICE: Shape<ServiceRecord> = {
  id: text,
  name: text,
  kind: oneOf<ServiceKind>(['queue', 'booking', 'drop-in']),
  description: text,
  sort: integer,
};
const LIMITS: Shape<ResidentLimits> = {
  bookingsPerEvening: integer,
  openBookings: integer,
  numbersPerEvening: integer,
};
const readCommunity = recordOf<CommunityRecord>('communities', {
  name: text,
  evenings: orNone(listOf(EVENING)),
  services: orNone(listOf(SERVICE)),
  contactPhone: nullableText,
  limits: nullable(nested(LIMITS)),
});

/** Evenings by weekday and services by (sort, id), the order every store returns. */
function communityFromDoc(id: string, doc: DocData): CommunityRecord {
  const community = readCommunity(id, doc);
  community.evenings.sort((a, b) => a.weekday - b.weekday);
  community.services.sort((a, b) => a.sort - b.sort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return community;
}

/**
 * The notice board kept in the community document. It is the core's own copy of notices the
 * notices collection holds, so it is passed through as stored; only its shape is checked.
 */
function boardFromDoc(id: string, doc: DocData): BoardNotice[] {
  const board = doc.board ?? [];
  if (!Array.isArray(board) || !board.every(isDoc)) {
    throw new MalformedDocument(`communities/${id}`, 'board');
  }
  return board as unknown as BoardNotice[];
}

const summariesFrom = recordsOf('communities', (id, doc) => ({
  id,
  name: text(doc, 'name', `communities/${id}`),
}));

function communityRepo(db: CloudDatabase, names: Names): CommunityRepo {
  const communities = records(db, names, 'communities', communityFromDoc);
  return {
    list: async () =>
      summariesFrom(
        await readAll(() =>
          communities.ref().orderBy('_id', 'asc').field({ _id: true, name: true }),
        ),
      ),
    get: communities.get,
    async save(community) {
      // set() replaces the whole document, so removed evenings and services disappear too; the
      // board and the contact phone are carried over in the same transaction (save is rare:
      // seeding, admin edits).
      await transact(db, FEW_RACERS, async (tx) => {
        const ref = tx.collection(names.communities).doc(community.id);
        const stored = await readDoc(ref);
        const data = {
          name: community.name,
          evenings: community.evenings.map((e) => fieldsOf(EVENING, e)),
          services: community.services.map((s) => fieldsOf(SERVICE, s)),
          board: stored?.board ?? [],
          contactPhone: stored?.contactPhone ?? null,
          limits: stored?.limits ?? null,
        };
        await ref.set({ data });
      });
    },
    setContactPhone: (id, phone) =>
      transact(db, FEW_RACERS, async (tx) => {
        const ref = tx.collection(names.communities).doc(id);
        if (!(await readDoc(ref))) return false;
        await ref.update({ data: { contactPhone: phone } });
        return true;
      }),
    setLimits: (id, limits) =>
      transact(db, FEW_RACERS, async (tx) => {
        const ref = tx.collection(names.communities).doc(id);
        if (!(await readDoc(ref))) return false;
        // _.set: update() would merge an older limits object field by field.
        await ref.update({ data: { limits: db.command.set(fieldsOf(LIMITS, limits)) } });
        return true;
      }),
    async withBoard(id) {
      const doc = await readDoc(communities.doc(id));
      return doc ? { community: communityFromDoc(id, doc), board: boardFromDoc(id, doc) } : null;
    },
    async saveBoard(id, board) {
      // _.set: update() would merge the array's objects field by field.
      await communities.doc(id).update({ data: { board: db.command.set(board) } });
    },
  };
}

// --- identities ---

/** Sorted and without duplicates, as `UserRecord.staffOf` promises. */
const normalizeStaffOf = (ids: readonly string[]): string[] => [...new Set(ids)].sort();

/** Absent (documents from before sign-out existed): 0. */
const versionOf: Reader<number> = (doc, key, where) =>
  doc[key] === undefined ? 0 : integer(doc, key, where);

const readUser = recordOf<StoredUser>('users', {
  adminDigest: nullableText,
  staffOf: someStrings,
  sessionVersion: versionOf,
});
const userFromDoc = (id: string, doc: DocData): StoredUser => {
  const user = readUser(id, doc);
  return { ...user, staffOf: normalizeStaffOf(user.staffOf) };
};

/** When each membership began: absent (older documents) or unreadable reads as unknown. */
const staffSinceOf = (doc: DocData): Record<string, string> => {
  const since = doc.staffSince;
  if (!isDoc(since)) return {};
  return Object.fromEntries(
    Object.entries(since).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
};

const newUserDoc = (now: Date, staffOf: string[] = []): DocData => ({
  adminDigest: null,
  staffOf: normalizeStaffOf(staffOf),
  staffSince: Object.fromEntries(staffOf.map((c) => [c, toStoredInstant(now)])),
  sessionVersion: 0,
  createdAt: toStoredInstant(now),
});

/** An invite document as redeeming and cancelling read it. */
function storedInvite(code: string, invite: DocData | null): StoredInvite | null {
  if (invite && typeof invite.community !== 'string') {
    throw new Error(`Malformed invite ${code}: no community`);
  }
  return (
    invite && {
      community: invite.community as string,
      usedBy: invite.usedBy ? String(invite.usedBy) : null,
      expiresAt: typeof invite.expiresAt === 'string' ? invite.expiresAt : '',
      cancelledAt: invite.cancelledAt ? String(invite.cancelledAt) : null,
    }
  );
}

/** Whole redeem transactions to try (see transaction.ts for why the adapter retries itself). */
export const REDEEM_ATTEMPTS = FEW_RACERS.attempts;

/** The core decides (decideRedeem); the invite and the user are written in its transaction. */
async function redeemIn(
  db: CloudDatabase,
  tx: CloudTransaction,
  names: Names,
  code: string,
  userId: string,
  now: Date,
): Promise<RedeemResult> {
  const inviteRef = tx.collection(names.invites).doc(code);
  const decided = decideRedeem(storedInvite(code, await readDoc(inviteRef)), now);
  if (!decided.ok) return decided;
  // Two redeemers both write this document: snapshot isolation lets exactly one commit.
  await inviteRef.update({ data: { usedBy: userId, usedAt: toStoredInstant(now) } });
  const userRef = tx.collection(names.users).doc(userId);
  const user = await readDoc(userRef);
  if (!user) {
    await userRef.set({ data: newUserDoc(now, [decided.community]) });
  } else {
    const current = userFromDoc(userId, user).staffOf;
    if (!current.includes(decided.community)) {
      const staffOf = normalizeStaffOf([...current, decided.community]);
      const staffSince = { ...staffSinceOf(user), [decided.community]: toStoredInstant(now) };
      await userRef.update({ data: { staffOf, staffSince: db.command.set(staffSince) } });
    }
  }
  return decided;
}

function identityRepo(db: CloudDatabase, names: Names): IdentityRepo {
  const { ref: users, doc: user, get: getUser } = records(db, names, 'users', userFromDoc);

  async function ensureUser(id: string, now: Date): Promise<StoredUser> {
    const existing = await getUser(id);
    if (existing) return existing;
    const doc = newUserDoc(now);
    try {
      // add() with a fixed _id fails if another call created the user meanwhile.
      await users().add({ data: { _id: id, ...doc } });
      return userFromDoc(id, doc);
    } catch (error) {
      // Lost the race (duplicate key): the other call's document is the user. Anything else
      // leaves no document behind and is rethrown.
      const raced = await getUser(id);
      if (raced) return raced;
      throw error;
    }
  }

  return {
    ensureUser,
    getUser,
    /** get, then remove the user document when forgettableUser says so. */
    async forget(id) {
      if (!forgettableUser(await getUser(id))) return false;
      await user(id).remove();
      return true;
    },
    async grantAdmin(id, adminDigest, now) {
      await ensureUser(id, now);
      await user(id).update({ data: { adminDigest, adminSince: toStoredInstant(now) } });
    },
    async createInvite(invite, now) {
      // add(), not set(): a code is never reused, and set() would revive a used invite.
      await db.collection(names.invites).add({
        data: {
          _id: invite.code,
          community: invite.community,
          createdBy: invite.createdBy,
          createdAt: toStoredInstant(now),
          expiresAt: toStoredInstant(invite.expiresAt),
          usedBy: null,
          usedAt: null,
          cancelledAt: null,
        },
      });
    },
    cancelInvite: (code, now) =>
      transact(db, FEW_RACERS, async (tx): Promise<RedeemResult> => {
        const ref = tx.collection(names.invites).doc(code);
        const decided = decideCancelInvite(storedInvite(code, await readDoc(ref)), now);
        // A redeemer racing this writes the same document: exactly one of the two commits.
        if (decided.ok) await ref.update({ data: { cancelledAt: toStoredInstant(now) } });
        return decided;
      }),
    /** One indexed query (the community's unused invites); expiry and cancelling checked here. */
    async openInvites(community, now) {
      const docs = await readAll(() =>
        db.collection(names.invites).where({ community, usedBy: null }).orderBy('_id', 'asc'),
      );
      const open: OpenInviteRecord[] = [];
      for (const doc of docs) {
        const code = text(doc, '_id', 'invites/?');
        const invite = storedInvite(code, doc);
        if (!invite || !inviteIsOpen(invite, now)) continue;
        open.push({
          code,
          community,
          createdBy: text(doc, 'createdBy', `invites/${code}`),
          createdAt: text(doc, 'createdAt', `invites/${code}`),
          expiresAt: invite.expiresAt,
        });
      }
      return open.sort((a, b) =>
        a.createdAt !== b.createdAt
          ? Date.parse(b.createdAt) - Date.parse(a.createdAt)
          : a.code < b.code
            ? -1
            : 1,
      );
    },
    removeMembership: (id, community) =>
      transact(db, FEW_RACERS, async (tx) => {
        const ref = tx.collection(names.users).doc(id);
        const doc = await readDoc(ref);
        if (!doc) return false;
        const current = userFromDoc(id, doc).staffOf;
        if (!current.includes(community)) return false;
        const { [community]: _ended, ...staffSince } = staffSinceOf(doc);
        await ref.update({
          data: {
            staffOf: current.filter((c) => c !== community),
            staffSince: db.command.set(staffSince),
          },
        });
        return true;
      }),
    bumpSessionVersion: (id) =>
      transact(db, FEW_RACERS, async (tx) => {
        const ref = tx.collection(names.users).doc(id);
        const doc = await readDoc(ref);
        if (!doc) return null;
        const next = userFromDoc(id, doc).sessionVersion + 1;
        await ref.update({ data: { sessionVersion: next } });
        return next;
      }),
    redeemInvite: (code, userId, now) =>
      transact(db, FEW_RACERS, (tx) => redeemIn(db, tx, names, code, userId, now)),
    async setDisplayName(id, name) {
      await user(id).update({ data: { displayName: name } });
    },
    /**
     * Two indexed queries (members of the community, admins of the current token), merged by id;
     * an admin who is also a member counts once, as admin.
     */
    async staffDirectory(community, adminDigest) {
      const [members, admins] = await Promise.all([
        readAll(() => users().where({ staffOf: community }).orderBy('_id', 'asc')),
        adminDigest
          ? readAll(() => users().where({ adminDigest }).orderBy('_id', 'asc'))
          : Promise.resolve([]),
      ]);
      const byId = new Map<string, StaffEntry>();
      for (const doc of [...members, ...admins]) {
        const stored = userFromDoc(text(doc, '_id', 'users/?'), doc);
        const name = typeof doc.displayName === 'string' ? doc.displayName : null;
        const admin = adminDigest !== '' && stored.adminDigest === adminDigest;
        if (!admin && !stored.staffOf.includes(community)) continue;
        const since = admin
          ? typeof doc.adminSince === 'string'
            ? doc.adminSince
            : null
          : (staffSinceOf(doc)[community] ?? null);
        byId.set(stored.id, { id: stored.id, admin, name, since });
      }
      return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
  };
}

/** A store over `db`, which is `cloud.database()` adapted to CloudDatabase by the host. */
export function createCloudBaseStore(
  sdkDatabase: CloudDatabase,
  options: CloudBaseStoreOptions = {},
): Store {
  // Every failure leaves the store already classified: conflicts, Unavailable, MissingCollection.
  const db = guardDatabase(sdkDatabase);
  const prefix = options.collectionPrefix ?? '';
  const names = Object.fromEntries(COLLECTIONS.map((c) => [c, `${prefix}${c}`])) as Names;
  return {
    communities: communityRepo(db, names),
    identities: identityRepo(db, names),
    queues: queueRepo(db, {
      configs: names.queue_configs,
      evenings: names.queue_evenings,
      lines: names.queue_lines,
      residents: names.queue_residents,
    }),
    bookings: bookingRepo(db, {
      settings: names.booking_settings,
      slots: names.booking_slots,
      bookings: names.bookings,
      codes: names.booking_codes,
      residents: names.booking_residents,
    }),
    notices: noticeRepo(db, {
      notices: names.notices,
      activities: names.notice_activities,
      signUps: names.activity_signups,
      pins: names.notice_pins,
    }),
    // These take the names they use: the collection names, prefixed.
    followUps: followUpRepo(db, names),
    suggestions: suggestionRepo(db, names),
    surveys: surveyRepo(db, names),
    reports: reportRepo(db, names),
    rosters: rosterRepo(db, names),
    jobs: jobRepo(db, names),
    alerts: alertLog(db, names),
    uploads: uploadRepo(db, names),
    // The SDK keeps no connection of its own to close.
    close: async () => {},
  };
}
