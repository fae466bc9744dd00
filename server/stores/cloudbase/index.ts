/**
 * The CloudBase store: implements every port on the cloud database through wx-server-sdk's
 * admin API (cloud functions bypass the security rules in database/rules), with the same
 * behaviour as the SQLite store (server/stores/sqlite). Each port has a file of its own, whose
 * header lists its documents by collection name (without the optional prefix). The rules are the
 * core's: a port loads the few documents a decision needs, asks it, and writes the outcome in the
 * same transaction.
 *
 * Communities and identities here (the `_id` is the natural key, so reads by id are gets):
 * - communities/<community id>: { name, evenings: [{ weekday, opensAt, closesAt }],
 *   services: [{ id, name, kind, description, sort }], board, contactPhone, limits }; contactPhone
 *   (the number residents call about bookings) is a string, or null or absent until staff set
 *   it; limits ({ bookingsPerEvening, openBookings, numbersPerEvening, openSignUps }, set by
 *   community.setLimits) is null or absent until staff set them; `openSignUps` is absent in
 *   limits set before it, and reads as its default; address (shown on the tonight page, '' or
 *   absent until the admin sets it) and archivedAt (ISO instant the admin archived it, null or
 *   absent while in use), both from #16
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
import { DEFAULT_LIMITS } from '../../core/community/limits';
import type { LineCollection } from '../../../contract/live';
import {
  decideCancelInvite,
  decideRedeem,
  forgettableUser,
  openInvitesOf,
  type StoredInvite,
} from '../../core/identity';
import type {
  BoardNotice,
  CommunityListing,
  CommunityRecord,
  CommunityRepo,
  CommunitySetup,
  IdentityRepo,
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
  orDefault,
  readAll,
  recordOf,
  records,
  recordsOf,
  someStrings,
  text,
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
import { volunteerRepo } from './volunteers';
import { suggestionRepo } from './suggestions';
import { surveyRepo } from './surveys';
import { calendarRepo } from './calendar';
import { uploadRepo } from './uploads';
import type { CloudDatabase, DocData } from './sdk';
import { guardDatabase } from './errors';

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
  'signup_residents',
  'followups',
  'followup_keys',
  'followup_rules',
  'followup_contacts',
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
  'volunteer_orgs',
  'volunteer_invites',
  'volunteers',
  'volunteer_shifts',
  'volunteer_keys',
  'job_state',
  'alert_log',
  'uploads',
  'upload_counts',
  'community_dates',
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

export interface CloudBaseStoreOptions {
  /** Prepended to every collection name, so contract tests can use their own collections. */
  collectionPrefix?: string;
}

type Names = Record<CollectionName, string>;

// --- communities ---

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
  // Absent in limits set before the sign-up limit: its default (limitsOf reads SQLite's so too).
  openSignUps: orDefault(integer, DEFAULT_LIMITS.openSignUps),
};
const readCommunity = recordOf<CommunityRecord>('communities', {
  name: text,
  // Absent (older documents): none.
  evenings: orDefault(listOf(EVENING), []),
  services: orDefault(listOf(SERVICE), []),
  contactPhone: nullableText,
  limits: nullable(nested(LIMITS)),
  // Absent (documents from before #16): no address, in use.
  address: orDefault(text, ''),
  archivedAt: nullableText,
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

const summariesFrom = recordsOf('communities', (id, doc): CommunityListing => {
  const name = text(doc, 'name', `communities/${id}`);
  return nullableText(doc, 'archivedAt', `communities/${id}`) === null
    ? { id, name }
    : { id, name, archived: true };
});

/** A community's whole document: what `stored` holds besides its setup is kept (none: unset). */
const communityDoc = (community: CommunitySetup, stored: DocData | null): DocData => ({
  name: community.name,
  evenings: community.evenings.map((e) => fieldsOf(EVENING, e)),
  services: community.services.map((s) => fieldsOf(SERVICE, s)),
  board: stored?.board ?? [],
  contactPhone: stored?.contactPhone ?? null,
  limits: stored?.limits ?? null,
  address: community.address ?? stored?.address ?? '',
  archivedAt: stored?.archivedAt ?? null,
});

function communityRepo(db: CloudDatabase, names: Names): CommunityRepo {
  const communities = records(db, names, 'communities', communityFromDoc);
  /** One scalar field of an existing community, in a transaction: false when there is none. */
  const setField = (id: string, data: DocData) =>
    communities.onDoc(id, async (doc, ref) => {
      if (doc) await ref.update({ data });
      return doc !== null;
    });
  return {
    list: async () =>
      summariesFrom(
        await readAll(() =>
          communities
            .ref()
            .orderBy('_id', 'asc')
            .field({ _id: true, name: true, archivedAt: true }),
        ),
      ),
    get: communities.get,
    // set() replaces the whole document, so removed evenings and services disappear too; the
    // board and the contact phone are carried over in the same transaction (save is rare:
    // seeding, admin edits).
    save: (community) =>
      communities.onDoc(community.id, async (stored, ref) => {
        await ref.set({ data: communityDoc(community, stored) });
      }),
    // Read and write in one transaction: of two creates of one id, the second conflicts, runs
    // again, finds the winner's document and refuses.
    create: (community) =>
      communities.onDoc(community.id, async (stored, ref) => {
        if (stored) return false;
        await ref.set({ data: communityDoc(community, { contactPhone: community.contactPhone }) });
        return true;
      }),
    // _.set: update() would merge the evenings array's objects field by field.
    update: (id, change) =>
      setField(id, {
        name: change.name,
        address: change.address,
        contactPhone: change.contactPhone,
        evenings: db.command.set(change.evenings.map((e) => fieldsOf(EVENING, e))),
      }),
    setArchived: (id, archivedAt) => setField(id, { archivedAt }),
    setContactPhone: (id, phone) => setField(id, { contactPhone: phone }),
    // _.set: update() would merge an older limits object field by field.
    setLimits: (id, limits) => setField(id, { limits: db.command.set(fieldsOf(LIMITS, limits)) }),
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

const readUser = recordOf<StoredUser>('users', {
  adminDigest: nullableText,
  staffOf: someStrings,
  // Absent (documents from before sign-out existed): 0.
  sessionVersion: orDefault(integer, 0),
});
const userFromDoc = (id: string, doc: DocData): StoredUser => {
  const user = readUser(id, doc);
  return { ...user, staffOf: normalizeStaffOf(user.staffOf) };
};

/** A text field, or null when absent or not a text (what staff set, and since when). */
const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

/** When each membership began: absent (older documents) or unreadable reads as unknown. */
const staffSinceOf = (doc: DocData): Record<string, string> =>
  Object.fromEntries(
    Object.entries(isDoc(doc.staffSince) ? doc.staffSince : {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );

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
      expiresAt: textOrNull(invite.expiresAt) ?? '',
      cancelledAt: invite.cancelledAt ? String(invite.cancelledAt) : null,
    }
  );
}

function identityRepo(db: CloudDatabase, names: Names): IdentityRepo {
  const users = records(db, names, 'users', userFromDoc);
  const invites = records(db, names, 'invites', (code, doc) => ({
    ...storedInvite(code, doc)!,
    code,
    community: text(doc, 'community', `invites/${code}`),
    createdBy: text(doc, 'createdBy', `invites/${code}`),
    createdAt: text(doc, 'createdAt', `invites/${code}`),
    id: code,
  }));

  async function ensureUser(id: string, now: Date): Promise<StoredUser> {
    const existing = await users.get(id);
    if (existing) return existing;
    const doc = newUserDoc(now);
    try {
      // add() with a fixed _id fails if another call created the user meanwhile.
      await users.ref().add({ data: { _id: id, ...doc } });
      return userFromDoc(id, doc);
    } catch (error) {
      // Lost the race (duplicate key): the other call's document is the user. Anything else
      // leaves no document behind and is rethrown.
      const raced = await users.get(id);
      if (raced) return raced;
      throw error;
    }
  }

  /** A new set of memberships, each with when it began, written whole (_.set: no merge). */
  const membership = (staffOf: string[], staffSince: Record<string, string>) => ({
    staffOf: normalizeStaffOf(staffOf),
    staffSince: db.command.set(staffSince),
  });

  return {
    ensureUser,
    getUser: users.get,
    /** get, then remove the user document when forgettableUser says so. */
    async forget(id) {
      if (!forgettableUser(await users.get(id))) return false;
      await users.doc(id).remove();
      return true;
    },
    async grantAdmin(id, adminDigest, now) {
      await ensureUser(id, now);
      await users.doc(id).update({ data: { adminDigest, adminSince: toStoredInstant(now) } });
    },
    async createInvite(invite, now) {
      // add(), not set(): a code is never reused, and set() would revive a used invite.
      await invites.ref().add({
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
      invites.onDoc(code, async (doc, ref) => {
        const decided = decideCancelInvite(storedInvite(code, doc), now);
        // A redeemer racing this writes the same document: exactly one of the two commits.
        if (decided.ok) await ref.update({ data: { cancelledAt: toStoredInstant(now) } });
        return decided;
      }),
    /** One indexed query (the community's unused invites); the core keeps the open ones. */
    openInvites: async (community, now) =>
      openInvitesOf(await invites.find({ community, usedBy: null }, '_id'), now),
    removeMembership: (id, community) =>
      users.onDoc(id, async (doc, ref) => {
        const current = doc ? userFromDoc(id, doc).staffOf : [];
        if (!doc || !current.includes(community)) return false;
        const { [community]: _ended, ...since } = staffSinceOf(doc);
        const staffOf = current.filter((c) => c !== community);
        await ref.update({ data: membership(staffOf, since) });
        return true;
      }),
    bumpSessionVersion: async (id) =>
      (await users.change(id, (u) => ({ ...u, sessionVersion: u.sessionVersion + 1 })))
        ?.sessionVersion ?? null,
    /** The core decides (decideRedeem); the invite and the user are written in its transaction. */
    redeemInvite: (code, userId, now) =>
      invites.onDoc(code, async (invite, inviteRef, tx): Promise<RedeemResult> => {
        const decided = decideRedeem(storedInvite(code, invite), now);
        if (!decided.ok) return decided;
        // Two redeemers both write this document: snapshot isolation lets exactly one commit.
        await inviteRef.update({ data: { usedBy: userId, usedAt: toStoredInstant(now) } });
        const { community } = decided;
        const userRef = tx.collection(users.name).doc(userId);
        const user = await readDoc(userRef);
        const staffOf = user ? userFromDoc(userId, user).staffOf : [];
        if (!user) await userRef.set({ data: newUserDoc(now, [community]) });
        else if (!staffOf.includes(community)) {
          const since = { ...staffSinceOf(user), [community]: toStoredInstant(now) };
          await userRef.update({ data: membership([...staffOf, community], since) });
        }
        return decided;
      }),
    async setDisplayName(id, name) {
      await users.doc(id).update({ data: { displayName: name } });
    },
    /**
     * Two indexed queries (members of the community, admins of the current token), merged by id;
     * an admin who is also a member counts once, as admin.
     */
    async staffDirectory(community, adminDigest) {
      const where = (q: DocData) => readAll(() => users.ref().where(q).orderBy('_id', 'asc'));
      const [members, admins] = await Promise.all([
        where({ staffOf: community }),
        adminDigest ? where({ adminDigest }) : [],
      ]);
      const byId = new Map<string, StaffEntry>();
      for (const doc of [...members, ...admins]) {
        const stored = userFromDoc(text(doc, '_id', 'users/?'), doc);
        const admin = adminDigest !== '' && stored.adminDigest === adminDigest;
        if (!admin && !stored.staffOf.includes(community)) continue;
        const since = admin ? textOrNull(doc.adminSince) : (staffSinceOf(doc)[community] ?? null);
        byId.set(stored.id, { id: stored.id, admin, name: textOrNull(doc.displayName), since });
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
  // Each repo takes the names it uses: the collection names, prefixed.
  return {
    communities: communityRepo(db, names),
    identities: identityRepo(db, names),
    queues: queueRepo(db, names),
    bookings: bookingRepo(db, names),
    notices: noticeRepo(db, names),
    followUps: followUpRepo(db, names),
    suggestions: suggestionRepo(db, names),
    surveys: surveyRepo(db, names),
    reports: reportRepo(db, names),
    rosters: rosterRepo(db, names),
    volunteers: volunteerRepo(db, names),
    jobs: jobRepo(db, names),
    alerts: alertLog(db, names),
    uploads: uploadRepo(db, names),
    calendar: calendarRepo(db, names),
    // The SDK keeps no connection of its own to close.
    close: async () => {},
  };
}
