/**
 * The tally a booking slot (bookings.ts) and an activity (notices.ts) keep in their one document.
 * A transaction cannot query, so what the core's decisions need about the place — how many hold
 * it, the line, what a request or a user already has — is kept beside it, and snapshot isolation
 * on that document is what keeps two racers from taking the last place. What a status means (it
 * holds a place; it is the user's live record) is the core's rule, passed in as TallyRules.
 * A Place is such a document as a transaction reads, changes and writes it.
 */
import { nextInLine, promoteNext, type Known, type Waiting } from '../../core/waitlist';
import { isDoc, MalformedDocument } from './documents';
import { getRecord, integer, someStrings, updateChanged } from './fields';
import { fieldKey, requestKey } from './keys';
import type { CloudDocument, DocData } from './sdk';

export interface Tally {
  /** Records holding a place: a slot's seats taken, an activity's signed. */
  held: number;
  /** Ids of the waitlisted records, first in line first. */
  waitlist: string[];
  /** { [requestKey(userId, requestId)]: id }: every record made here, so a retry finds it. */
  requests: Record<string, string>;
  /**
   * { [fieldKey(userId)]: id }: each user's live record; records without a user (made by staff
   * for someone, walk-ins) have none.
   */
  holders: Record<string, string>;
}

export const EMPTY_TALLY: Tally = { held: 0, waitlist: [], requests: {}, holders: {} };

/** What the tally reads of a booking or a sign-up. */
export interface Tallied {
  id: string;
  userId: string | null;
  requestId: string;
  status: string;
}

export interface TallyRules<R> {
  holdsPlace(record: R): boolean;
  isLive(record: R): boolean;
}

/**
 * The tally once `after` replaced `before` (null: a new record, which also gets its request
 * entry). Only this record's own entries move.
 */
export function tallyAfter<T extends Tally, R extends Tallied>(
  tally: T,
  before: R | null,
  after: R,
  rules: TallyRules<R>,
): T {
  const place = (r: R | null) => (r !== null && rules.holdsPlace(r) ? 1 : 0);
  let waitlist = tally.waitlist;
  if (before?.status === 'waitlisted' && after.status !== 'waitlisted') {
    waitlist = waitlist.filter((id) => id !== after.id);
  } else if (after.status === 'waitlisted' && before?.status !== 'waitlisted') {
    waitlist = [...waitlist, after.id];
  }
  let holders = tally.holders;
  if (after.userId !== null) {
    const key = fieldKey(after.userId);
    if (rules.isLive(after)) {
      holders = { ...holders, [key]: after.id };
    } else if (holders[key] === after.id) {
      const { [key]: _gone, ...rest } = holders;
      holders = rest;
    }
  }
  const requests =
    before === null
      ? { ...tally.requests, [requestKey(after.userId, after.requestId)]: after.id }
      : tally.requests;
  return { ...tally, held: tally.held + place(after) - place(before), waitlist, holders, requests };
}

/** What the tally says a request already has, for the core's decision. */
export const knownIn = (
  tally: Tally,
  req: { userId: string | null; requestId: string },
): Known => ({
  retried: tally.requests[requestKey(req.userId, req.requestId)] ?? null,
  held: req.userId === null ? null : (tally.holders[fieldKey(req.userId)] ?? null),
});

function stringMap(doc: DocData, key: string, where: string): Record<string, string> {
  const value = doc[key] ?? {};
  if (!isDoc(value)) throw new MalformedDocument(where, key);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new MalformedDocument(where, `${key}.${k}`);
  }
  return value as Record<string, string>;
}

/** The tally stored in `doc`, its count under `heldKey` (a slot's `taken`, an activity's `signed`). */
export const readTally = (doc: DocData, heldKey: string, where: string): Tally => ({
  held: integer(doc, heldKey, where),
  waitlist: someStrings(doc, 'waitlist', where),
  requests: stringMap(doc, 'requests', where),
  holders: stringMap(doc, 'holders', where),
});

/** The tally as stored, its count under `heldKey`; a tally's own counts (an activity's) beside it. */
export const tallyFields = ({ held, ...rest }: Tally, heldKey: string): DocData => ({
  [heldKey]: held,
  ...rest,
});

/**
 * The tally once an erase replaced `before` by `after` (same status, no user): the record's
 * request and holder entries, keyed by the user, go; its request entry under the new request id
 * comes (records without a user are found by it, as any). Counts and the line stay.
 */
export function tallyErased<T extends Tally>(tally: T, before: Tallied, after: Tallied): T {
  const requests = { ...tally.requests };
  delete requests[requestKey(before.userId, before.requestId)];
  requests[requestKey(after.userId, after.requestId)] = after.id;
  const holders = { ...tally.holders };
  if (before.userId !== null && holders[fieldKey(before.userId)] === before.id) {
    delete holders[fieldKey(before.userId)];
  }
  return { ...tally, requests, holders };
}

/** What a Place needs of the records it tallies (bookings, sign-ups). */
export interface PlaceRecords<R extends Waiting, T> {
  /** What a record is called where it is missing: "booking b1". */
  label: string;
  /** The status a record promoted from the waitlist gets. */
  placed: R['status'];
  doc(id: string): CloudDocument;
  /** null: missing. */
  fromDoc(id: string, doc: DocData): R | null;
  /** The tally once `after` replaced `before` (null: a new record): tallyAfter by the core's rules. */
  after(tally: T, before: R | null, after: R): T;
}

/**
 * One place document in a transaction: its stored fields besides the tally, the tally as the
 * transaction changes it, and the records it points at, each read once. write() sets it whole:
 * the tally's maps lose entries, which update() would merge back.
 */
export class Place<R extends Tallied & Waiting, T extends Tally> {
  private readonly read = new Map<string, R>();

  constructor(
    protected readonly ref: CloudDocument,
    /** "booking_slots/<id>", as MalformedDocument names it. */
    readonly where: string,
    readonly fields: DocData,
    private readonly heldKey: string,
    public tally: T,
    protected readonly records: PlaceRecords<R, T>,
  ) {}

  async write() {
    await this.ref.set({ data: { ...this.fields, ...tallyFields(this.tally, this.heldKey) } });
  }

  /** A record the tally points at: written in the same transaction, so a gap is corruption. */
  async record(id: string): Promise<R> {
    const { doc, fromDoc, label } = this.records;
    const record = this.read.get(id) ?? (await getRecord(doc(id), fromDoc, id));
    if (!record) throw new MalformedDocument(this.where, `${label} ${id}`);
    this.read.set(id, record);
    return record;
  }

  /** A new record, in the tally only: the caller writes it. */
  added(record: R) {
    this.tally = this.records.after(this.tally, null, record);
  }

  /** Updates what `after` changed of `before`; the tally follows it (`tallyOf`), for write(). */
  async change(
    before: R,
    after: R,
    tallyOf: (tally: T, before: R, after: R) => T = this.records.after,
  ) {
    await updateChanged(this.records.doc(before.id), before, after);
    this.read.set(after.id, after);
    this.tally = tallyOf(this.tally, before, after);
  }

  /** The first `free` of the waitlist get a place (promoteNext): 2 operations per promotion. */
  async fill(free: number, at: string): Promise<R[]> {
    const line: R[] = [];
    for (const id of nextInLine(this.tally.waitlist, free)) {
      const waiting = await this.record(id);
      if (waiting.status !== 'waitlisted')
        throw new MalformedDocument(this.where, `waitlist ${id}`);
      line.push(waiting);
    }
    const promoted = promoteNext(line, free, this.records.placed, at);
    for (const [i, record] of promoted.entries()) await this.change(line[i]!, record);
    return promoted;
  }
}
