/**
 * Weekly notices and activity sign-up (通知与活动报名, the NoticeRepo port):
 * - notices/<notice id>: the NoticeRecord fields without `id`, its activities embedded (each
 *   without `noticeId` and `community`, which are the notice's), plus `listedAt` (publishedAt, or
 *   updatedAt for a draft): the list's third sort key, which a query cannot compute.
 * - notice_activities/<activity id>: the ActivityRecord fields without `id`, plus its tally
 *   (tally.ts): `signed` (sign-ups holding a place), waitlist, requests and holders; and
 *   `attended`, the live (not cancelled) sign-ups marked attended, and `made`, the sign-ups ever
 *   made for the activity, which numbers them (`seq`) in arrival order.
 * - activity_signups/<random id>: the SignUpRecord fields without `id`, plus `seq`.
 * - notice_pins/<community>: { community, noticeId }: the community's pinned notice, or null.
 * - signup_residents/<community>:<fieldKey(userId)>: { community, signUps: [{ id, activityId,
 *   requestId }] }: the sign-ups a resident made with the limit (core/community/limits.ts), so that
 *   a sign-up's transaction, which cannot query, finds them: it reads this document and the
 *   activity of each listed sign-up (its time now, and whether the resident still holds the
 *   sign-up: the activity's holders), and writes the list back with the new sign-up, dropping
 *   those no longer held and past days'. Two sign-ups by one resident at once both write it, so
 *   only one commits on a stale count. Sign-ups made at the door (check-in) are not listed.
 *   Retention drops a sign-up it anonymises from the list (and the list once empty).
 *
 * The activity document is the one document every sign-up, cancellation, promotion and check-in
 * of the activity reads and writes (tally.ts). The pin document plays that part for pinning: every
 * pin() writes it, so two pins at once cannot both commit, and the pinned notice is known without
 * a query.
 *
 * The activity is copied into the notice (so get() and list() read one document per notice) and
 * has its own document (so getActivity() is one read); save() writes both in one transaction and
 * is their only writer of activity fields.
 *
 * Dropping an activity: save() overwrites the activity's document and each of its sign-ups (all in
 * its `requests` map) with REMOVED in the same transaction. A removed document keeps no field: no
 * query matches it, and every read treats it as missing.
 */
import { newId } from '../../core/kernel/ids';
import type { NoticeStatus, SignUpStatus } from '../../../contract/notice';
import type {
  ActivityCount,
  ActivityRecord,
  CheckInOutcome,
  CheckInVia,
  NoticeFilter,
  NoticeRecord,
  NoticeRepo,
  SignUpOutcome,
  SignUpRecord,
  SignUpRequest,
} from '../../core/ports';
import type { HeldSignUp } from '../../core/community/limits';
import { decideCloseSignUps } from '../../core/community/calendar';
import {
  attendedChange,
  currentSignUp,
  decideCancelSignUp,
  decideCheckIn,
  decideSetAttended,
  decideSignUp,
  erasedSignUp,
  holdsPlace,
  isLive,
  newSignUp,
  savedNotice,
} from '../../core/notice/decisions';
import { PERSONAL_FIELDS, retainedSignUp } from '../../core/retention/rules';
import { placesLeft } from '../../core/waitlist';
import { isRemoved, MalformedDocument, readDoc, REMOVED, text, toStoredInstant } from './documents';
import {
  bool,
  docOf,
  fieldsOf,
  getRecord,
  integer,
  listOf,
  nullable,
  nullableText,
  oneOf,
  ordered,
  read,
  readWhile,
  recordOf,
  records,
  recordsOf,
  type Shape,
  updateChanged,
} from './fields';
import { fieldKey } from './keys';
import { stillPersonal } from './retention';
import type { CloudDatabase, CloudTransaction, DocData } from './sdk';
import {
  EMPTY_TALLY,
  knownIn,
  Place,
  readTally,
  type Tally,
  tallyAfter,
  tallyErased,
  type TallyRules,
} from './tally';
import { FEW_RACERS, MANY_RACERS, transact } from './transaction';
import { signUpDate } from './dates';

/**
 * Single-document operations a signUp() runs inside its one transaction, by outcome:
 * - created (signed or waitlisted): get the activity, get the date's calendar entry and set the
 *   date's gate (a request with its date: every resident's; dates.ts), set the activity, set the
 *   sign-up;
 * - existing (a retried request, or the resident's live sign-up): get the activity, get the
 *   sign-up;
 * - closed (the date is cancelled): get the activity, get the date.
 * A transaction retried after a conflict repeats them.
 */
export const SIGN_UP_OPERATIONS = { created: 5, existing: 2, closed: 2 } as const;
/**
 * A resident's sign-up with the limit adds, per attempt: get and set the resident's
 * signup_residents document, and get the activity of each sign-up it lists (at most the limit's
 * bound, LIMIT_BOUNDS.openSignUps, of today on). A refusal ('limited') writes nothing.
 */
export const SIGN_UP_LIMIT_OPERATIONS = { resident: 2, perListed: 1 } as const;
/** The most a signUp() without caps costs per attempt: "ops per sign-up" (plus the above). */
export const SIGN_UP_MAX_OPERATIONS = SIGN_UP_OPERATIONS.created;
/**
 * cancelSignUp(): get the activity, get the sign-up, update it, set the activity; each place given
 * to the waitlist adds get and update of that sign-up. Nothing to cancel: 1.
 */
export const CANCEL_SIGN_UP_OPERATIONS = { cancelled: 4, promoted: 6, none: 1 } as const;

type NoticeCollections = Record<
  | 'notices'
  | 'notice_activities'
  | 'activity_signups'
  | 'notice_pins'
  | 'signup_residents'
  | 'community_dates',
  string
>;

/** signup_residents/<id>: one per resident and community. */
export const signUpResidentId = (community: string, userId: string) =>
  `${community}:${fieldKey(userId)}`;

// --- mapping ---

/** The activity fields save() writes; `noticeId` and `community` are written once, on creation. */
const ACTIVITY_FIELDS: Shape<Omit<ActivityRecord, 'id' | 'noticeId' | 'community'>> = {
  name: text,
  date: text,
  startsAt: text,
  endsAt: text,
  place: text,
  // Always stored: null is unlimited.
  capacity: (doc, key, where) => (doc[key] === null ? null : integer(doc, key, where)),
  signUp: bool,
  code: text,
  sort: integer,
};
const ACTIVITY: Shape<Omit<ActivityRecord, 'id'>> = {
  noticeId: text,
  community: text,
  ...ACTIVITY_FIELDS,
};
/** An activity as embedded in its notice. */
const EMBEDDED: Shape<Omit<ActivityRecord, 'noticeId' | 'community'>> = {
  id: text,
  ...ACTIVITY_FIELDS,
};

const NOTICE: Shape<Omit<NoticeRecord, 'id' | 'activities'>> = {
  community: text,
  week: text,
  title: text,
  body: text,
  cover: nullableText,
  status: oneOf<NoticeStatus>(['draft', 'published', 'archived']),
  pinned: bool,
  createdBy: text,
  createdAt: text,
  updatedAt: text,
  publishedAt: nullableText,
  editedAt: nullableText,
};

const readSignUp = recordOf<SignUpRecord>('activity_signups', {
  activityId: text,
  community: text,
  userId: nullableText,
  name: text,
  status: oneOf<SignUpStatus>(['signed', 'waitlisted', 'cancelled']),
  requestId: text,
  createdAt: text,
  waitlistedAt: nullableText,
  promotedAt: nullableText,
  attendedAt: nullableText,
  checkIn: nullable(oneOf(['self', 'staff'])),
  // Absent on documents from before the method was kept: null, as for staff check-ins.
  checkInVia: nullable(oneOf<CheckInVia>(['scan', 'code'])),
  // Absent on documents from before the calendar kept it: null.
  cancelledReason: nullableText,
});

/** An activity's sign-up bookkeeping, kept in its document (see the header and tally.ts). */
type SignUpTally = Tally & { attended: number; made: number };
const COUNTS: Shape<Pick<SignUpTally, 'attended' | 'made'>> = { attended: integer, made: integer };
const EMPTY_SIGN_UP_TALLY: SignUpTally = { ...EMPTY_TALLY, attended: 0, made: 0 };

/** A REMOVED sign-up reads as missing. */
const liveSignUp = (id: string, doc: DocData) => (isRemoved(doc) ? null : readSignUp(id, doc));
const readActivity = recordOf<ActivityRecord>('notice_activities', ACTIVITY);

/** Activities in the order of the notice (sort, then id), as every store returns them. */
const bySort = (a: ActivityRecord, b: ActivityRecord) =>
  a.sort - b.sort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function noticeFromDoc(id: string, doc: DocData): NoticeRecord {
  const where = `notices/${id}`;
  const notice = read(NOTICE, doc, where);
  const embedded = nullable(listOf(EMBEDDED))(doc, 'activities', where) ?? [];
  const activities = embedded.map((a) => ({ ...a, noticeId: id, community: notice.community }));
  return { id, ...notice, activities: activities.sort(bySort) };
}

const noticeToDoc = (n: NoticeRecord): DocData => ({
  ...fieldsOf(NOTICE, n),
  listedAt: n.publishedAt ?? n.updatedAt,
  activities: n.activities.map((a) => fieldsOf(EMBEDDED, a)),
});

/** The core's rules for what a sign-up's status means in its activity's tally. */
const SIGN_UP_TALLY_RULES: TallyRules<SignUpRecord> = { holdsPlace, isLive };

/**
 * The sign-up tally once `after` replaced `before` (null: a new sign-up, which also takes the next
 * number): the generic tally (tally.ts) plus the attended and made counts.
 */
const tallyAfterSignUp = (
  tally: SignUpTally,
  before: SignUpRecord | null,
  after: SignUpRecord,
): SignUpTally => ({
  ...tallyAfter(tally, before, after, SIGN_UP_TALLY_RULES),
  attended: tally.attended + attendedChange(before, after),
  made: tally.made + (before === null ? 1 : 0),
});

// --- transactions ---

/** A transaction's (or the database's) documents, by collection and id. */
const docsIn =
  (tx: CloudTransaction, names: NoticeCollections) =>
  (collection: keyof NoticeCollections, id: string) =>
    tx.collection(names[collection]).doc(id);
type Docs = ReturnType<typeof docsIn>;

/**
 * One activity document as read: the activity and its tally. In a transaction, also the tally as
 * the transaction changes it and the sign-ups it read (a Place).
 */
class Activity extends Place<SignUpRecord, SignUpTally> {
  constructor(
    doc: Docs,
    readonly activity: ActivityRecord,
    tally: SignUpTally,
  ) {
    super(
      doc('notice_activities', activity.id),
      `notice_activities/${activity.id}`,
      fieldsOf(ACTIVITY, activity),
      'signed',
      tally,
      {
        label: 'sign-up',
        placed: 'signed',
        doc: (id) => doc('activity_signups', id),
        fromDoc: liveSignUp,
        after: tallyAfterSignUp,
      },
    );
  }

  /** Gets the activity: null when there is no such (live) activity. */
  static async open(doc: Docs, id: string): Promise<Activity | null> {
    const stored = await readDoc(doc('notice_activities', id));
    if (!stored || isRemoved(stored)) return null;
    const where = `notice_activities/${id}`;
    const activity = readActivity(id, stored);
    const tally = { ...readTally(stored, 'signed', where), ...read(COUNTS, stored, where) };
    return new Activity(doc, activity, tally);
  }

  /** The attended count alone, moved by `change`: a scalar, so update() is exact. */
  async countAttended(change: number) {
    await this.ref.update({ data: { attended: this.tally.attended + change } });
  }

  /** A new sign-up: the activity first (the document racers conflict on), then the sign-up. */
  async add(signUp: SignUpRecord) {
    this.added(signUp);
    await this.write();
    const data = { ...docOf(signUp), seq: this.tally.made };
    await this.records.doc(signUp.id).set({ data });
  }
}

/** The notice id a pin document names, or null. */
const pinnedOf = (doc: DocData | null, community: string) =>
  doc && nullableText(doc, 'noticeId', `notice_pins/${community}`);

/**
 * What `pinned` a saved notice gets, writing the pin document when that changes. A save never
 * takes the pin from another notice (SQLite's unique index refuses that too): a notice whose pin
 * moved on while it was being edited is saved unpinned.
 */
async function pinAfterSave(doc: Docs, old: NoticeRecord | null, next: NoticeRecord) {
  if (next.pinned === (old?.pinned ?? false)) return next.pinned;
  const ref = doc('notice_pins', next.community);
  const current = pinnedOf(await readDoc(ref), next.community);
  if (next.pinned) {
    if (current !== null && current !== next.id) return false;
    await ref.set({ data: { community: next.community, noticeId: next.id } });
    return true;
  }
  if (current === next.id) await ref.set({ data: { community: next.community, noticeId: null } });
  return false;
}

/** Overwrites a dropped activity and every sign-up it made with REMOVED: 1 read, 1 + n writes. */
async function dropActivity(doc: Docs, id: string) {
  const dropped = await Activity.open(doc, id);
  // Only cancelled sign-ups can remain on an activity being dropped (the core checks the rest).
  for (const signUpId of new Set(Object.values(dropped?.tally.requests ?? {}))) {
    await doc('activity_signups', signUpId).set({ data: REMOVED });
  }
  await doc('notice_activities', id).set({ data: REMOVED });
}

/**
 * get the notice, get each dropped activity (then overwrite it and its sign-ups with REMOVED), set
 * or update each listed activity, set the notice; a change of `pinned` adds the pin document.
 */
async function saveIn(doc: Docs, record: NoticeRecord) {
  const old = await getRecord(doc('notices', record.id), noticeFromDoc, record.id);
  const saved = savedNotice(old, record);
  const pinned = await pinAfterSave(doc, old, saved);
  const before = new Set(old?.activities.map((a) => a.id));
  const listed = new Set(record.activities.map((a) => a.id));
  for (const id of before) {
    if (!listed.has(id)) await dropActivity(doc, id);
  }
  for (const activity of saved.activities) {
    const ref = doc('notice_activities', activity.id);
    // update() merges these scalar fields and leaves the tally to the sign-up transactions.
    if (before.has(activity.id)) await ref.update({ data: fieldsOf(ACTIVITY_FIELDS, activity) });
    else await new Activity(doc, activity, EMPTY_SIGN_UP_TALLY).write();
  }
  await doc('notices', record.id).set({ data: noticeToDoc({ ...saved, pinned }) });
}

/**
 * get the pin document and the notice to pin, then update the notice losing the pin and the one
 * getting it and set the pin document; nothing is written when the pin stays where it is.
 */
async function pinIn(doc: Docs, community: string, id: string | null) {
  const current = pinnedOf(await readDoc(doc('notice_pins', community)), community);
  const notice = id === null ? null : await readDoc(doc('notices', id));
  // As SQLite: a notice of another community (or none) is not pinned; the others still unpin.
  const target = notice && text(notice, 'community', `notices/${id}`) === community ? id : null;
  if (current === target) return;
  if (current !== null) await doc('notices', current).update({ data: { pinned: false } });
  if (target !== null) await doc('notices', target).update({ data: { pinned: true } });
  await doc('notice_pins', community).set({ data: { community, noticeId: target } });
}

/** A sign-up as signup_residents lists it. */
type Listed = Pick<SignUpRecord, 'id' | 'activityId' | 'requestId'>;
const LISTED: Shape<Listed> = { id: text, activityId: text, requestId: text };

/**
 * With caps and a user: the resident's sign-ups the limit counts (those listed, each with its
 * activity's time as it is now, read here; one the resident no longer holds is left out, as
 * cancelled) and a way to write the list back with a new sign-up. Null otherwise.
 */
async function heldBy(doc: Docs, req: SignUpRequest) {
  if (!req.caps || !req.userId) return null;
  const id = signUpResidentId(req.community, req.userId);
  const ref = doc('signup_residents', id);
  const stored = await readDoc(ref);
  const listed = stored ? listOf(LISTED)(stored, 'signUps', `signup_residents/${id}`) : [];
  const user = fieldKey(req.userId);
  const kept: Listed[] = [];
  const held: HeldSignUp[] = [];
  // The activity signed up for now is not held (else the request was 'existing'): not read again.
  for (const entry of listed.filter((e) => e.activityId !== req.activityId)) {
    const at = await Activity.open(doc, entry.activityId);
    if (!at || at.activity.date < req.caps.from || at.tally.holders[user] !== entry.id) continue;
    const { date, startsAt } = at.activity;
    const status = at.tally.waitlist.includes(entry.id) ? 'waitlisted' : 'signed';
    held.push({ activityId: entry.activityId, requestId: entry.requestId, status, date, startsAt });
    kept.push(entry);
  }
  const save = async ({ id: signUpId, activityId, requestId }: SignUpRecord) => {
    const signUps = [...kept, { id: signUpId, activityId, requestId }];
    await ref.set({ data: { community: req.community, signUps } });
  };
  return { held, save };
}

/**
 * Retention: the resident's signup_residents list without `s` (named by the user id, so removed
 * once it lists nothing). Reads it now; the write it returns goes in the caller's transaction,
 * so a sign-up made meanwhile is never lost from the list.
 */
async function unlisted(doc: Docs, s: SignUpRecord) {
  if (!s.userId) return async () => {};
  const id = signUpResidentId(s.community, s.userId);
  const ref = doc('signup_residents', id);
  const stored = await readDoc(ref);
  const listed = stored ? listOf(LISTED)(stored, 'signUps', `signup_residents/${id}`) : [];
  const kept = listed.filter((e) => e.id !== s.id);
  return async () => {
    if (kept.length === listed.length) return;
    if (kept.length === 0) await ref.remove();
    else await ref.set({ data: { community: s.community, signUps: kept } });
  };
}

// --- list ---

/** The day after a "YYYY-MM-DD" week, so `week <= to` is the query's `week < dayAfter(to)`. */
function dayAfter(date: string): string {
  const at = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(at)) throw new Error(`Invalid week: ${date}`);
  return new Date(at + 86_400_000).toISOString().slice(0, 10);
}

const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/**
 * The list order, of the query and of the merge: pinned first, then week, then listedAt, newest
 * first; _id breaks ties.
 */
const LIST_ORDER = ['pinned', 'week', 'listedAt', '_id'];
const listOrder = (a: DocData, b: DocData) =>
  LIST_ORDER.reduce((order, key) => order || descending(String(a[key]), String(b[key])), 0);

/**
 * In a transaction (calendar.ts), the live sign-ups of `activities` a closing cancels, as
 * decideCloseSignUps decides (nobody promoted, the reason kept): per activity, get it and each
 * live sign-up it lists (its holders), update those cancelled, set the activity. Sign-ups without
 * a resident are made at the door: checked in, so never cancelled.
 */
export async function closeSignUpsIn(
  tx: CloudTransaction,
  names: NoticeCollections,
  activities: readonly string[],
  reason: string,
): Promise<SignUpRecord[]> {
  const cancelled: SignUpRecord[] = [];
  for (const id of activities) {
    const at = await Activity.open(docsIn(tx, names), id);
    if (!at) continue;
    const held: SignUpRecord[] = [];
    for (const s of Object.values(at.tally.holders)) held.push(await at.record(s));
    const closed = decideCloseSignUps(held, reason);
    if (closed.length === 0) continue;
    for (const s of closed)
      await at.change(
        held.find((h) => h.id === s.id)!,
        s,
      );
    await at.write();
    cancelled.push(...closed);
  }
  return cancelled;
}

export function noticeRepo(db: CloudDatabase, names: NoticeCollections): NoticeRepo {
  const doc = docsIn(db, names);
  const activityOf = (id: string) => Activity.open(doc, id);
  const notices = records(db, names, 'notices', noticeFromDoc);
  const signUps = records(db, names, 'activity_signups', readSignUp);

  /**
   * One status's notices in list order, at most `limit` of them, within the weeks. The query
   * holds the upper bound; the lower one is checked here: past the pinned notice the pages come
   * newest week first, so the first older week ends the reading.
   */
  function listStatus(community: string, status: NoticeStatus, filter: NoticeFilter) {
    const where: DocData = { community, status };
    if (filter.toWeek) where.week = db.command.lt(dayAfter(filter.toWeek));
    const order = LIST_ORDER.map((key) => `${key} desc`);
    return readWhile(
      () => ordered(notices.ref().where(where), order),
      (notice) => {
        const week = text(notice, 'week', `notices/${String(notice._id)}`);
        if (!filter.fromWeek || week >= filter.fromWeek) return true;
        return notice.pinned === true ? false : 'stop';
      },
      filter.limit ?? 100,
    );
  }

  /** Sign-ups by creation, then number: newest first, or in arrival order. */
  const signUpsWhere = (where: DocData, order: 'asc' | 'desc') =>
    signUps.find(where, `createdAt ${order}`, `seq ${order}`);

  /** `run` on the activity, in one transaction; `none` when there is no such (live) activity. */
  const onActivity = <T, N>(id: string, none: N, run: (at: Activity) => Promise<T>) =>
    transact(db, MANY_RACERS, async (tx) => {
      const at = await Activity.open(docsIn(tx, names), id);
      return at ? run(at) : none;
    });

  /** As onActivity, but no such activity is an error: "No activity <id> to <what>". */
  async function onExisting<T>(id: string, what: string, run: (at: Activity) => Promise<T>) {
    const outcome = await onActivity(id, null, run);
    if (outcome === null) throw new Error(`No activity ${id} to ${what}`);
    return outcome;
  }

  return {
    save: (notice) => transact(db, MANY_RACERS, (tx) => saveIn(docsIn(tx, names), notice)),
    get: notices.get,
    /** One query per status (at most three; the SDK slice has no `in`), merged in list order. */
    async list(community, filter) {
      const statuses = [...new Set(filter.statuses)];
      const pages = await Promise.all(statuses.map((s) => listStatus(community, s, filter)));
      const merged = pages.flat().sort(listOrder);
      return recordsOf('notices', noticeFromDoc)(merged.slice(0, filter.limit ?? 100));
    },
    pin: (community, id) =>
      transact(db, FEW_RACERS, (tx) => pinIn(docsIn(tx, names), community, id)),
    getActivity: async (id) => (await activityOf(id))?.activity ?? null,
    /**
     * One read per activity, no sign-up is read. As SQLite's GROUP BY over sign-ups: only
     * activities that ever had a sign-up, ordered by id.
     */
    async counts(ids) {
      const states = await Promise.all([...new Set(ids)].sort().map(activityOf));
      return states.flatMap((s): ActivityCount[] => {
        if (!s || s.tally.made === 0) return [];
        const { held: signed, waitlist, attended } = s.tally;
        return [{ activityId: s.activity.id, signed, waitlisted: waitlist.length, attended }];
      });
    },
    /** SIGN_UP_OPERATIONS, plus SIGN_UP_LIMIT_OPERATIONS for a resident's new sign-up. */
    signUp: (req) =>
      transact(db, MANY_RACERS, async (tx): Promise<SignUpOutcome> => {
        const docs = docsIn(tx, names);
        const at = await Activity.open(docs, req.activityId);
        if (!at) throw new Error(`No activity ${req.activityId} to sign up for`);
        const known = knownIn(at.tally, req);
        // A retried request or a held sign-up is answered before anything is counted.
        const answered = known.retried || known.held;
        const date = signUpDate(tx, names.community_dates, req);
        const closed = answered ? null : await date.closed();
        const mine = answered || closed ? null : await heldBy(docs, req);
        const decision = decideSignUp(known, at.tally.held, req, mine?.held ?? null, closed);
        if (decision.kind === 'existing') {
          return { kind: 'existing', signUp: await at.record(decision.id) };
        }
        if (decision.kind !== 'create') return decision;
        // Serializes with the date's cancellation (dates.ts).
        await date.pass();
        const signUp = newSignUp(req, newId(), decision.status, null);
        await at.add(signUp);
        await mine?.save(signUp);
        return { kind: 'created', signUp };
      }),
    signUpOf: async (activityId, userId) =>
      currentSignUp(await signUpsWhere({ activityId, userId }, 'desc')),
    getSignUp: (id) => getRecord(doc('activity_signups', id), liveSignUp, id),
    /** 0 when the sign-up is not on its activity's waitlist (any more). */
    async waitlistPosition(signUp) {
      const state = await activityOf(signUp.activityId);
      return state ? state.tally.waitlist.indexOf(signUp.id) + 1 : 0;
    },
    /** CANCEL_SIGN_UP_OPERATIONS. */
    cancelSignUp: (activityId, userId, now) =>
      onActivity(activityId, null, async (at) => {
        const heldId = at.tally.holders[fieldKey(userId)];
        if (!heldId) return null;
        const held = await at.record(heldId);
        const decided = decideCancelSignUp(held, at.tally.held, at.activity.capacity);
        if (!decided) {
          throw new MalformedDocument(`notice_activities/${activityId}`, `holder ${heldId}`);
        }
        await at.change(held, decided.cancelled);
        const [promoted = null] = await at.fill(decided.placesFreed, now.toISOString());
        await at.write();
        return { cancelled: decided.cancelled, promoted };
      }),
    /** get the activity, 2 per promotion, and set the activity only when someone was promoted. */
    fillPlaces: (activityId, capacity, now) =>
      onActivity(activityId, [], async (at) => {
        const promoted = await at.fill(placesLeft(capacity, at.tally.held), now.toISOString());
        if (promoted.length > 0) await at.write();
        return promoted;
      }),
    checkIn: (req) =>
      onExisting(req.activityId, 'check in to', async (at): Promise<CheckInOutcome> => {
        const { retried, held } = knownIn(at.tally, req);
        const state = {
          retried: retried ? await at.record(retried) : null,
          held: held ? await at.record(held) : null,
          signed: at.tally.held,
        };
        const decision = decideCheckIn(state, req, newId());
        if (decision.kind !== 'checked-in') return decision;
        const { signUp, before } = decision;
        if (before) await at.change(before, signUp);
        // A new sign-up writes the activity first; a changed one, after it.
        await (before ? at.write() : at.add(signUp));
        return { kind: 'checked-in', signUp };
      }),
    /**
     * get and update the sign-up; when that changes the activity's attended count, also get the
     * activity and update the count. Check-in at the door writes the same activity document as
     * every racer there.
     */
    setAttended: (id, attendedAt) =>
      transact(db, MANY_RACERS, async (tx) => {
        const docs = docsIn(tx, names);
        const before = await getRecord(docs('activity_signups', id), liveSignUp, id);
        const at = attendedAt === null ? null : toStoredInstant(attendedAt);
        const after = decideSetAttended(before, at);
        if (!before || !after) return null;
        const change = attendedChange(before, after);
        if (change !== 0) {
          const activity = await Activity.open(docs, before.activityId);
          if (!activity) {
            throw new MalformedDocument(`activity_signups/${id}`, `activity ${before.activityId}`);
          }
          await activity.countAttended(change);
        }
        await updateChanged(docs('activity_signups', id), before, after);
        return after;
      }),
    /** In arrival order. */
    signUpsOf: (activityId) => signUpsWhere({ activityId }, 'asc'),
    /** Newest first. */
    signUpsOfUser: (userId) => signUpsWhere({ userId }, 'desc'),
    /**
     * One query for the user's sign-ups, then per sign-up one transaction on its activity: get
     * the activity, get the sign-up, update it, set the activity (tallyErased).
     */
    async eraseSignUps(userId) {
      let count = 0;
      const communities = new Set<string>();
      for (const mine of await signUpsWhere({ userId }, 'asc')) {
        communities.add(mine.community);
        const erased = await onActivity(mine.activityId, false, async (at) => {
          const before = await at.record(mine.id);
          if (before.userId !== userId) return false;
          await at.change(before, erasedSignUp(before), tallyErased);
          await at.write();
          return true;
        });
        if (erased) count += 1;
      }
      // The sign-ups the limit counted are listed under the user id: the lists go too.
      const residents = db.collection(names.signup_residents);
      for (const community of communities) {
        await residents.doc(signUpResidentId(community, userId)).remove();
      }
      return count;
    },
    /**
     * Up to `limit` sign-ups left to anonymise (stillPersonal), each as eraseSignUps writes it,
     * and dropped from the resident's signup_residents list in the same transaction.
     */
    async anonymiseSignUpsBefore(cutoffAt, limit) {
      const before = { field: 'createdAt', value: cutoffAt };
      const old = await stillPersonal(db, signUps.first, before, PERSONAL_FIELDS.signUps, limit);
      let count = 0;
      for (const found of old) {
        const changed = await transact(db, MANY_RACERS, async (tx) => {
          const doc = docsIn(tx, names);
          const at = await Activity.open(doc, found.activityId);
          const current = at && (await at.record(found.id));
          const retained = current && retainedSignUp(current, cutoffAt);
          if (!at || !current || !retained) return false;
          const listed = await unlisted(doc, current);
          await at.change(current, retained, tallyErased);
          await at.write();
          await listed();
          return true;
        });
        if (changed) count += 1;
      }
      return count;
    },
  };
}
