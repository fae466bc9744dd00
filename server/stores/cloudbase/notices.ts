/**
 * Weekly notices and activity sign-up (通知与活动报名) on CloudBase: the NoticeRepo port, with the
 * same behaviour as server/stores/sqlite/notices.ts.
 *
 * Documents (collection names without the optional prefix):
 * - notices/<notice id>: the NoticeRecord fields without `id`, its activities embedded (each
 *   without `noticeId` and `community`, which are the notice's), plus `listedAt` (publishedAt, or
 *   updatedAt for a draft): the list's third sort key, which a query cannot compute.
 * - notice_activities/<activity id>: the ActivityRecord fields without `id`, plus the activity's
 *   sign-up bookkeeping:
 *   - signed: sign-ups holding a place (status 'signed'); waitlist: ids of the waitlisted ones,
 *     first in line first; attended: live (not cancelled) sign-ups marked attended;
 *   - made: sign-ups ever made for the activity, which numbers them (`seq`) in arrival order;
 *   - requests: { [requestKey(userId, requestId)]: signUpId }: every sign-up made here, so a
 *     retried request gets the same one;
 *   - holders: { [fieldKey(userId)]: signUpId }: each resident's live sign-up. Walk-ins staff
 *     check in (no user) have no entry.
 * - activity_signups/<random id>: the SignUpRecord fields without `id`, plus `seq`.
 * - notice_pins/<community>: { community, noticeId }: the community's pinned notice, or null.
 *
 * As with the booking slot (bookings.ts), a transaction cannot query: the activity document is
 * the one document every sign-up, cancellation, promotion and check-in of the activity reads and
 * writes, so snapshot isolation on it is what keeps two residents from taking the last place. The
 * pin document plays that part for pinning: every pin() writes it, so two pins at once cannot both
 * commit, and the pinned notice is known without a query.
 *
 * The activity is copied into the notice (so get() and list() read one document per notice) and
 * has its own document (so getActivity() is one read); save() writes both in one transaction and
 * is their only writer of activity fields.
 *
 * Dropping an activity: the SDK slice this adapter uses (sdk.ts) has no remove(), so save()
 * overwrites the activity's document and each of its sign-ups (all in its `requests` map) with
 * REMOVED in the same transaction. A removed document keeps no field: no query matches it, and
 * every read treats it as missing.
 */
import { newId } from '../../core/kernel/ids';
import type { NoticeStatus, SignUpStatus } from '../../../contract/notice';
import type {
  ActivityCount,
  ActivityRecord,
  CheckInOutcome,
  NoticeFilter,
  NoticeRecord,
  NoticeRepo,
  SignUpRecord,
  SignUpRequest,
  CheckInVia,
} from '../../core/ports';
import {
  type CheckInRequest,
  countsAttended,
  currentSignUp,
  decideCancelSignUp,
  decideCheckIn,
  decideSetAttended,
  decideSignUp,
  isLive,
  newSignUp,
} from '../../core/notice/decisions';
import { nextInLine, placesLeft, promoteNext } from '../../core/waitlist';
import {
  integer,
  isDoc,
  isRemoved,
  MalformedDocument,
  readDoc,
  REMOVED,
  text,
  toStoredInstant,
} from './documents';
import { nullableText, readAll } from './fields';
import { fieldKey } from './keys';
import { PAGE_SIZE, type CloudDatabase, type CloudTransaction, type DocData } from './sdk';
import {
  EMPTY_TALLY,
  knownIn,
  readTally,
  type Tally,
  tallyAfter,
  tallyFields,
  type TallyRules,
} from './tally';
import { FEW_RACERS, MANY_RACERS, transact } from './transaction';

/**
 * Single-document operations a signUp() runs inside its one transaction, by outcome:
 * - created (signed or waitlisted): get the activity, set the activity, set the sign-up;
 * - existing (a retried request, or the resident's live sign-up): get the activity, get the
 *   sign-up.
 * A transaction retried after a conflict repeats them.
 */
export const SIGN_UP_OPERATIONS = { created: 3, existing: 2 } as const;
/** The most a signUp() ever costs per attempt: "ops per sign-up". */
export const SIGN_UP_MAX_OPERATIONS = SIGN_UP_OPERATIONS.created;
/**
 * cancelSignUp(): get the activity, get the sign-up, update it, set the activity; each place given
 * to the waitlist adds get and update of that sign-up. Nothing to cancel: 1.
 */
export const CANCEL_SIGN_UP_OPERATIONS = { cancelled: 4, promoted: 6, none: 1 } as const;

export interface NoticeCollections {
  notices: string;
  activities: string;
  signUps: string;
  pins: string;
}


const NOTICE_STATUSES: ReadonlySet<string> = new Set<NoticeStatus>([
  'draft',
  'published',
  'archived',
]);
const SIGN_UP_STATUSES: ReadonlySet<string> = new Set<SignUpStatus>([
  'signed',
  'waitlisted',
  'cancelled',
]);

/** 12 URL-safe characters, like the other store-made ids (they pass the core's record-id check). */
export const newSignUpId = newId;

/** An activity's sign-up bookkeeping, kept in its document (see the header and tally.ts). */
interface SignUpTally extends Tally {
  attended: number;
  made: number;
}

const EMPTY_SIGN_UP_TALLY: SignUpTally = { ...EMPTY_TALLY, attended: 0, made: 0 };

/** The core's rules for what a sign-up's status means in its activity's tally. */
const SIGN_UP_TALLY_RULES: TallyRules<SignUpRecord> = {
  holdsPlace: (s) => s.status === 'signed',
  isLive,
};

interface ActivityState {
  activity: ActivityRecord;
  tally: SignUpTally;
}

// --- mapping ---

function flag(doc: DocData, key: string, where: string): boolean {
  const value = doc[key];
  if (typeof value !== 'boolean') throw new MalformedDocument(where, key);
  return value;
}

function nullableInteger(doc: DocData, key: string, where: string): number | null {
  return doc[key] === null ? null : integer(doc, key, where);
}

/** The activity fields save() writes; `noticeId` and `community` are written once, on creation. */
const activityFields = (a: ActivityRecord): DocData => ({
  name: a.name,
  date: a.date,
  startsAt: a.startsAt,
  endsAt: a.endsAt,
  place: a.place,
  capacity: a.capacity,
  signUp: a.signUp,
  code: a.code,
  sort: a.sort,
});

function activityFromFields(
  id: string,
  noticeId: string,
  community: string,
  doc: DocData,
  where: string,
): ActivityRecord {
  return {
    id,
    noticeId,
    community,
    name: text(doc, 'name', where),
    date: text(doc, 'date', where),
    startsAt: text(doc, 'startsAt', where),
    endsAt: text(doc, 'endsAt', where),
    place: text(doc, 'place', where),
    capacity: nullableInteger(doc, 'capacity', where),
    signUp: flag(doc, 'signUp', where),
    code: text(doc, 'code', where),
    sort: integer(doc, 'sort', where),
  };
}

function activityStateFromDoc(id: string, doc: DocData): ActivityState {
  const where = `notice_activities/${id}`;
  const noticeId = text(doc, 'noticeId', where);
  const community = text(doc, 'community', where);
  return {
    activity: activityFromFields(id, noticeId, community, doc, where),
    tally: {
      ...readTally(doc, 'signed', where),
      attended: integer(doc, 'attended', where),
      made: integer(doc, 'made', where),
    },
  };
}

const activityToDoc = ({ activity, tally }: ActivityState): DocData => ({
  noticeId: activity.noticeId,
  community: activity.community,
  ...activityFields(activity),
  ...tallyFields(tally, 'signed'),
  attended: tally.attended,
  made: tally.made,
});

/** Activities in the order of the notice (sort, then id), as every store returns them. */
const bySort = (a: ActivityRecord, b: ActivityRecord) =>
  a.sort - b.sort || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function noticeFromDoc(id: string, doc: DocData): NoticeRecord {
  const where = `notices/${id}`;
  const status = text(doc, 'status', where);
  if (!NOTICE_STATUSES.has(status)) throw new MalformedDocument(where, 'status');
  const community = text(doc, 'community', where);
  const embedded = doc.activities ?? [];
  if (!Array.isArray(embedded) || !embedded.every(isDoc)) {
    throw new MalformedDocument(where, 'activities');
  }
  const activities = embedded.map((a, i) => {
    const at = `${where} activities[${i}]`;
    return activityFromFields(text(a, 'id', at), id, community, a, at);
  });
  return {
    id,
    community,
    week: text(doc, 'week', where),
    title: text(doc, 'title', where),
    body: text(doc, 'body', where),
    cover: nullableText(doc, 'cover', where),
    status: status as NoticeStatus,
    pinned: flag(doc, 'pinned', where),
    createdBy: text(doc, 'createdBy', where),
    createdAt: text(doc, 'createdAt', where),
    updatedAt: text(doc, 'updatedAt', where),
    publishedAt: nullableText(doc, 'publishedAt', where),
    editedAt: nullableText(doc, 'editedAt', where),
    activities: activities.sort(bySort),
  };
}

const noticeToDoc = (n: NoticeRecord): DocData => ({
  community: n.community,
  week: n.week,
  title: n.title,
  body: n.body,
  cover: n.cover,
  status: n.status,
  pinned: n.pinned,
  createdBy: n.createdBy,
  createdAt: n.createdAt,
  updatedAt: n.updatedAt,
  publishedAt: n.publishedAt,
  editedAt: n.editedAt,
  listedAt: n.publishedAt ?? n.updatedAt,
  activities: n.activities.map((a) => ({ id: a.id, ...activityFields(a) })),
});

function signUpFromDoc(id: string, doc: DocData): SignUpRecord {
  const where = `activity_signups/${id}`;
  const status = text(doc, 'status', where);
  if (!SIGN_UP_STATUSES.has(status)) throw new MalformedDocument(where, 'status');
  const checkIn = doc.checkIn ?? null;
  if (checkIn !== null && checkIn !== 'self' && checkIn !== 'staff') {
    throw new MalformedDocument(where, 'checkIn');
  }
  return {
    id,
    activityId: text(doc, 'activityId', where),
    community: text(doc, 'community', where),
    userId: nullableText(doc, 'userId', where),
    name: text(doc, 'name', where),
    status: status as SignUpStatus,
    requestId: text(doc, 'requestId', where),
    createdAt: text(doc, 'createdAt', where),
    waitlistedAt: nullableText(doc, 'waitlistedAt', where),
    promotedAt: nullableText(doc, 'promotedAt', where),
    attendedAt: nullableText(doc, 'attendedAt', where),
    checkIn,
    checkInVia: checkInViaOf(doc, where),
  };
}

/** Absent on documents from before the method was kept: null, as for staff check-ins. */
function checkInViaOf(doc: DocData, where: string): CheckInVia | null {
  const via = doc.checkInVia ?? null;
  if (via !== null && via !== 'scan' && via !== 'code') {
    throw new MalformedDocument(where, 'checkInVia');
  }
  return via;
}

function signUpToDoc(s: SignUpRecord, seq: number): DocData {
  const { id: _id, ...fields } = s;
  return { ...fields, seq };
}

const signUpsFrom = (docs: DocData[]) =>
  docs.map((doc) => signUpFromDoc(text(doc, '_id', 'activity_signups/?'), doc));

// --- sign-up tally bookkeeping ---

/**
 * The sign-up tally once `after` replaced `before` (null: a new sign-up, which also takes the next
 * number): the generic tally (tally.ts) plus the attended and made counts.
 */
function tallyAfterSignUp(
  tally: SignUpTally,
  before: SignUpRecord | null,
  after: SignUpRecord,
): SignUpTally {
  const attended = (countsAttended(after) ? 1 : 0) - (countsAttended(before) ? 1 : 0);
  return {
    ...tallyAfter(tally, before, after, SIGN_UP_TALLY_RULES),
    attended: tally.attended + attended,
    made: tally.made + (before === null ? 1 : 0),
  };
}

/** The fields of `after` that differ from `before`, for an update(). */
function changes(before: SignUpRecord, after: SignUpRecord): DocData {
  const fields: DocData = {};
  for (const key of Object.keys(after) as Array<keyof SignUpRecord>) {
    if (after[key] !== before[key]) fields[key] = after[key];
  }
  return fields;
}

// --- transactions ---

/** A transaction's view of one activity: its document reference and what it read there. */
class ActivityTx {
  private readonly signUpCache = new Map<string, SignUpRecord>();

  constructor(
    private readonly tx: CloudTransaction,
    private readonly names: NoticeCollections,
    readonly id: string,
  ) {}

  private get ref() {
    return this.tx.collection(this.names.activities).doc(this.id);
  }

  signUpRef(id: string) {
    return this.tx.collection(this.names.signUps).doc(id);
  }

  /** The activity and its tally, or null when there is no such (live) activity. */
  async read(): Promise<ActivityState | null> {
    const doc = await readDoc(this.ref);
    return doc && !isRemoved(doc) ? activityStateFromDoc(this.id, doc) : null;
  }

  /** A sign-up the tally points at: written in the same transaction, so a gap is corruption. */
  async signUp(id: string): Promise<SignUpRecord> {
    const cached = this.signUpCache.get(id);
    if (cached) return cached;
    const doc = await readDoc(this.signUpRef(id));
    if (!doc || isRemoved(doc)) {
      throw new MalformedDocument(`notice_activities/${this.id}`, `sign-up ${id}`);
    }
    const record = signUpFromDoc(id, doc);
    this.signUpCache.set(id, record);
    return record;
  }

  /** set(), not update(): the tally's maps lose entries, which update() would merge back. */
  async write(state: ActivityState) {
    await this.ref.set({ data: activityToDoc(state) });
  }

  /** A new sign-up: the activity first (the document racers conflict on), then the sign-up. */
  async add(state: ActivityState, signUp: SignUpRecord) {
    const tally = tallyAfterSignUp(state.tally, null, signUp);
    await this.write({ ...state, tally });
    await this.signUpRef(signUp.id).set({ data: signUpToDoc(signUp, tally.made) });
  }

  async change(before: SignUpRecord, after: SignUpRecord) {
    await this.signUpRef(before.id).update({ data: changes(before, after) });
    this.signUpCache.set(after.id, after);
  }

  /** The first `free` of the waitlist get a place (promoteNext): 2 operations per promotion. */
  async fill(tally: SignUpTally, free: number, now: Date) {
    const line: SignUpRecord[] = [];
    for (const id of nextInLine(tally.waitlist, free)) {
      const waiting = await this.signUp(id);
      if (waiting.status !== 'waitlisted') {
        throw new MalformedDocument(`notice_activities/${this.id}`, `waitlist ${id}`);
      }
      line.push(waiting);
    }
    let next = tally;
    const promoted = promoteNext(line, free, 'signed', now.toISOString());
    for (const [i, signed] of promoted.entries()) {
      await this.change(line[i]!, signed);
      next = tallyAfterSignUp(next, line[i]!, signed);
    }
    return { tally: next, promoted };
  }
}

type SignUpOutcome = Awaited<ReturnType<NoticeRepo['signUp']>>;

/** SIGN_UP_OPERATIONS; null when the activity does not exist. */
async function signUpIn(
  tx: CloudTransaction,
  names: NoticeCollections,
  req: SignUpRequest,
): Promise<SignUpOutcome | null> {
  const at = new ActivityTx(tx, names, req.activityId);
  const state = await at.read();
  if (!state) return null;
  const decision = decideSignUp(knownIn(state.tally, req), state.tally.held, req.capacity);
  if (decision.kind === 'existing')
    return { kind: 'existing', signUp: await at.signUp(decision.id) };
  const signUp = newSignUp(req, newSignUpId(), decision.status, null);
  await at.add(state, signUp);
  return { kind: 'created', signUp };
}

/** CANCEL_SIGN_UP_OPERATIONS. */
async function cancelIn(
  tx: CloudTransaction,
  names: NoticeCollections,
  activityId: string,
  userId: string,
  now: Date,
) {
  const at = new ActivityTx(tx, names, activityId);
  const state = await at.read();
  const heldId = state?.tally.holders[fieldKey(userId)];
  if (!state || !heldId) return null;
  const held = await at.signUp(heldId);
  const { capacity } = state.activity;
  const decided = decideCancelSignUp(held, state.tally.held, capacity);
  if (!decided) throw new MalformedDocument(`notice_activities/${activityId}`, `holder ${heldId}`);
  const { cancelled, placesFreed } = decided;
  await at.change(held, cancelled);
  const after = tallyAfterSignUp(state.tally, held, cancelled);
  const { tally, promoted } = await at.fill(after, placesFreed, now);
  await at.write({ ...state, tally });
  return { cancelled, promoted: promoted[0] ?? null };
}

/** get the activity, 2 per promotion, and set the activity only when someone was promoted. */
async function fillPlacesIn(
  tx: CloudTransaction,
  names: NoticeCollections,
  activityId: string,
  capacity: number | null,
  now: Date,
) {
  const at = new ActivityTx(tx, names, activityId);
  const state = await at.read();
  if (!state) return [];
  const free = placesLeft(capacity, state.tally.held);
  const { tally, promoted } = await at.fill(state.tally, free, now);
  if (promoted.length > 0) await at.write({ ...state, tally });
  return promoted;
}

/** null when the activity does not exist. */
async function checkInIn(
  tx: CloudTransaction,
  names: NoticeCollections,
  req: CheckInRequest,
): Promise<CheckInOutcome | null> {
  const at = new ActivityTx(tx, names, req.activityId);
  const state = await at.read();
  if (!state) return null;
  const { retried, held } = knownIn(state.tally, req);
  const decision = decideCheckIn(
    {
      retried: retried ? await at.signUp(retried) : null,
      held: held ? await at.signUp(held) : null,
      signed: state.tally.held,
    },
    req,
    newSignUpId(),
  );
  if (decision.kind !== 'checked-in') return decision;
  const { signUp, before } = decision;
  if (before) {
    await at.change(before, signUp);
    await at.write({ ...state, tally: tallyAfterSignUp(state.tally, before, signUp) });
  } else {
    await at.add(state, signUp);
  }
  return { kind: 'checked-in', signUp };
}

/**
 * get and update the sign-up; when that changes the activity's attended count, also get the
 * activity and update the count (a scalar, so update() is exact).
 */
async function setAttendedIn(
  tx: CloudTransaction,
  names: NoticeCollections,
  id: string,
  attendedAt: string | null,
): Promise<SignUpRecord | null> {
  const ref = tx.collection(names.signUps).doc(id);
  const doc = await readDoc(ref);
  if (!doc || isRemoved(doc)) return null;
  const before = signUpFromDoc(id, doc);
  const after = decideSetAttended(
    before,
    attendedAt === null ? null : toStoredInstant(attendedAt),
  )!;
  const delta = (countsAttended(after) ? 1 : 0) - (countsAttended(before) ? 1 : 0);
  if (delta !== 0) {
    const activityRef = tx.collection(names.activities).doc(before.activityId);
    const activity = await readDoc(activityRef);
    if (!activity || isRemoved(activity)) {
      throw new MalformedDocument(`activity_signups/${id}`, `activity ${before.activityId}`);
    }
    const { tally } = activityStateFromDoc(before.activityId, activity);
    await activityRef.update({ data: { attended: tally.attended + delta } });
  }
  const fields = changes(before, after);
  if (Object.keys(fields).length > 0) await ref.update({ data: fields });
  return after;
}

/** The notice id a pin document names, or null. */
function pinnedOf(doc: DocData | null, community: string): string | null {
  if (!doc) return null;
  return nullableText(doc, 'noticeId', `notice_pins/${community}`);
}

/**
 * What `pinned` a saved notice gets, writing the pin document when that changes. A save never
 * takes the pin from another notice (SQLite's unique index refuses that too): a notice whose pin
 * moved on while it was being edited is saved unpinned.
 */
async function pinAfterSave(
  tx: CloudTransaction,
  names: NoticeCollections,
  old: NoticeRecord | null,
  next: NoticeRecord,
): Promise<boolean> {
  if (next.pinned === (old?.pinned ?? false)) return next.pinned;
  const ref = tx.collection(names.pins).doc(next.community);
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
async function dropActivity(tx: CloudTransaction, names: NoticeCollections, id: string) {
  const at = new ActivityTx(tx, names, id);
  const state = await at.read();
  // Only cancelled sign-ups can remain on an activity being dropped (the core checks the rest).
  for (const signUpId of new Set(Object.values(state?.tally.requests ?? {}))) {
    await at.signUpRef(signUpId).set({ data: REMOVED });
  }
  await tx.collection(names.activities).doc(id).set({ data: REMOVED });
}

/**
 * The stored notice's fields a save keeps, as SQLite's upsert: the community, author and creation
 * time of the first save, and each kept activity's check-in code.
 */
function merged(old: NoticeRecord | null, record: NoticeRecord): NoticeRecord {
  if (!old) return record;
  const codes = new Map(old.activities.map((a) => [a.id, a.code]));
  return {
    ...record,
    community: old.community,
    createdBy: old.createdBy,
    createdAt: old.createdAt,
    activities: record.activities.map((a) => ({ ...a, code: codes.get(a.id) ?? a.code })),
  };
}

/**
 * get the notice, get each dropped activity (then overwrite it and its sign-ups with REMOVED), set
 * or update each listed activity, set the notice; a change of `pinned` adds the pin document.
 */
async function saveIn(tx: CloudTransaction, names: NoticeCollections, record: NoticeRecord) {
  const ref = tx.collection(names.notices).doc(record.id);
  const stored = await readDoc(ref);
  const old = stored ? noticeFromDoc(record.id, stored) : null;
  const base = merged(old, record);
  const pinned = await pinAfterSave(tx, names, old, base);
  const before = new Set((old?.activities ?? []).map((a) => a.id));
  const listed = new Set(record.activities.map((a) => a.id));
  for (const id of before) {
    if (!listed.has(id)) await dropActivity(tx, names, id);
  }
  const activities = base.activities.map((a): ActivityRecord => ({
    ...a,
    noticeId: record.id,
    community: base.community,
  }));
  for (const a of activities) {
    const doc = tx.collection(names.activities).doc(a.id);
    // update() merges these scalar fields and leaves the tally to the sign-up transactions.
    if (before.has(a.id)) await doc.update({ data: activityFields(a) });
    else await doc.set({ data: activityToDoc({ activity: a, tally: EMPTY_SIGN_UP_TALLY }) });
  }
  await ref.set({ data: noticeToDoc({ ...base, pinned, activities }) });
}

/**
 * get the pin document and the notice to pin, then update the notice losing the pin and the one
 * getting it and set the pin document; nothing is written when the pin stays where it is.
 */
async function pinIn(
  tx: CloudTransaction,
  names: NoticeCollections,
  community: string,
  id: string | null,
) {
  const pinRef = tx.collection(names.pins).doc(community);
  const current = pinnedOf(await readDoc(pinRef), community);
  const notice = (nid: string) => tx.collection(names.notices).doc(nid);
  let target: string | null = null;
  if (id !== null) {
    const doc = await readDoc(notice(id));
    // As SQLite: a notice of another community (or none) is not pinned; the others still unpin.
    if (doc && text(doc, 'community', `notices/${id}`) === community) target = id;
  }
  if (current === target) return;
  if (current !== null) await notice(current).update({ data: { pinned: false } });
  if (target !== null) await notice(target).update({ data: { pinned: true } });
  await pinRef.set({ data: { community, noticeId: target } });
}

// --- list ---

/** The day after a "YYYY-MM-DD" week, so `week <= to` is the query's `week < dayAfter(to)`. */
function dayAfter(date: string): string {
  const at = Date.parse(`${date}T00:00:00.000Z`);
  if (Number.isNaN(at)) throw new Error(`Invalid week: ${date}`);
  return new Date(at + 86_400_000).toISOString().slice(0, 10);
}

const descending = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/** The list order: pinned first, then week, then listedAt, newest first; _id breaks ties. */
const listOrder = (a: DocData, b: DocData) =>
  Number(b.pinned === true) - Number(a.pinned === true) ||
  descending(String(a.week), String(b.week)) ||
  descending(String(a.listedAt), String(b.listedAt)) ||
  descending(String(a._id), String(b._id));

export function noticeRepo(db: CloudDatabase, names: NoticeCollections): NoticeRepo {
  const notices = () => db.collection(names.notices);
  const activities = () => db.collection(names.activities);
  const signUps = () => db.collection(names.signUps);

  async function readActivity(id: string): Promise<ActivityState | null> {
    const doc = await readDoc(activities().doc(id));
    return doc && !isRemoved(doc) ? activityStateFromDoc(id, doc) : null;
  }

  /**
   * One status's notices in list order, at most `limit` of them, within the weeks. The query
   * holds the upper bound; the lower one is checked here: past the pinned notice the pages come
   * newest week first, so the first older week ends the reading.
   */
  async function listStatus(community: string, status: NoticeStatus, filter: NoticeFilter) {
    const limit = filter.limit ?? 100;
    const where: DocData = { community, status };
    if (filter.toWeek) where.week = db.command.lt(dayAfter(filter.toWeek));
    const found: DocData[] = [];
    for (let skip = 0; ; skip += PAGE_SIZE) {
      const { data } = await notices()
        .where(where)
        .orderBy('pinned', 'desc')
        .orderBy('week', 'desc')
        .orderBy('listedAt', 'desc')
        .orderBy('_id', 'desc')
        .skip(skip)
        .limit(PAGE_SIZE)
        .get();
      for (const doc of data) {
        const week = text(doc, 'week', `notices/${String(doc._id)}`);
        if (filter.fromWeek && week < filter.fromWeek) {
          if (doc.pinned === true) continue;
          return found;
        }
        found.push(doc);
        if (found.length >= limit) return found;
      }
      if (data.length < PAGE_SIZE) return found;
    }
  }

  return {
    save: (notice) => transact(db, MANY_RACERS, (tx) => saveIn(tx, names, notice)),
    async get(id) {
      const doc = await readDoc(notices().doc(id));
      return doc ? noticeFromDoc(id, doc) : null;
    },
    /** One query per status (at most three; the SDK slice has no `in`), merged in list order. */
    async list(community, filter) {
      const statuses = [...new Set(filter.statuses)];
      const pages = await Promise.all(statuses.map((s) => listStatus(community, s, filter)));
      return pages
        .flat()
        .sort(listOrder)
        .slice(0, filter.limit ?? 100)
        .map((doc) => noticeFromDoc(text(doc, '_id', 'notices/?'), doc));
    },
    pin: (community, id) => transact(db, FEW_RACERS, (tx) => pinIn(tx, names, community, id)),
    getActivity: async (id) => (await readActivity(id))?.activity ?? null,
    /**
     * One read per activity, no sign-up is read. As SQLite's GROUP BY over sign-ups: only
     * activities that ever had a sign-up, ordered by id.
     */
    async counts(ids) {
      const states = await Promise.all([...new Set(ids)].map(readActivity));
      return states
        .filter((s): s is ActivityState => s !== null && s.tally.made > 0)
        .sort((a, b) => (a.activity.id < b.activity.id ? -1 : 1))
        .map(({ activity, tally }): ActivityCount => ({
          activityId: activity.id,
          signed: tally.held,
          waitlisted: tally.waitlist.length,
          attended: tally.attended,
        }));
    },
    async signUp(request) {
      const outcome = await transact(db, MANY_RACERS, (tx) => signUpIn(tx, names, request));
      if (!outcome) throw new Error(`No activity ${request.activityId} to sign up for`);
      return outcome;
    },
    async signUpOf(activityId, userId) {
      const docs = await readAll(() =>
        signUps().where({ activityId, userId }).orderBy('createdAt', 'desc').orderBy('seq', 'desc'),
      );
      return currentSignUp(signUpsFrom(docs));
    },
    async getSignUp(id) {
      const doc = await readDoc(signUps().doc(id));
      return doc && !isRemoved(doc) ? signUpFromDoc(id, doc) : null;
    },
    /** 0 when the sign-up is not on its activity's waitlist (any more). */
    async waitlistPosition(signUp) {
      const state = await readActivity(signUp.activityId);
      return state ? state.tally.waitlist.indexOf(signUp.id) + 1 : 0;
    },
    cancelSignUp: (activityId, userId, now) =>
      transact(db, MANY_RACERS, (tx) => cancelIn(tx, names, activityId, userId, now)),
    fillPlaces: (activityId, capacity, now) =>
      transact(db, MANY_RACERS, (tx) => fillPlacesIn(tx, names, activityId, capacity, now)),
    async checkIn(request) {
      const outcome = await transact(db, MANY_RACERS, (tx) => checkInIn(tx, names, request));
      if (!outcome) throw new Error(`No activity ${request.activityId} to check in to`);
      return outcome;
    },
    // Check-in at the door writes the same activity document as every racer there.
    setAttended: (id, attendedAt) =>
      transact(db, MANY_RACERS, (tx) => setAttendedIn(tx, names, id, attendedAt)),
    /** In arrival order. */
    async signUpsOf(activityId) {
      const docs = await readAll(() =>
        signUps().where({ activityId }).orderBy('createdAt', 'asc').orderBy('seq', 'asc'),
      );
      return signUpsFrom(docs);
    },
    /** Newest first. */
    async signUpsOfUser(userId) {
      const docs = await readAll(() =>
        signUps().where({ userId }).orderBy('createdAt', 'desc').orderBy('seq', 'desc'),
      );
      return signUpsFrom(docs);
    },
  };
}
