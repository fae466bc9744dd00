/**
 * The tally a booking slot (bookings.ts) and an activity (notices.ts) keep in their one document.
 * A transaction cannot query, so what the core's decisions need about the place — how many hold
 * it, the line, what a request or a user already has — is kept beside it, and snapshot isolation
 * on that document is what keeps two racers from taking the last place. What a status means (it
 * holds a place; it is the user's live record) is the core's rule, passed in as TallyRules.
 */
import type { Known } from '../../core/waitlist';
import { isDoc, MalformedDocument } from './documents';
import { integer, someStrings } from './fields';
import { fieldKey, requestKey } from './keys';
import type { DocData } from './sdk';

export interface Tally {
  /** Records holding a place: a slot's seats taken, an activity's signed. */
  held: number;
  /** Ids of the waitlisted records, first in line first. */
  waitlist: string[];
  /** { [requestKey(userId, requestId)]: id }: every record made here, so a retry finds it. */
  requests: Record<string, string>;
  /** { [fieldKey(userId)]: id }: each user's live record; records without a user have none. */
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

export const tallyFields = (tally: Tally, heldKey: string): DocData => ({
  [heldKey]: tally.held,
  waitlist: tally.waitlist,
  requests: tally.requests,
  holders: tally.holders,
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
