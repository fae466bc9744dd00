/**
 * The evening roster, companions and comp-time leave (伴 and 调休) on CloudBase: the RosterRepo
 * port, with the same behaviour as rosterRepo in server/stores/sqlite/rosters.ts.
 *
 * Documents (collection names without the optional prefix):
 * - roster_shifts/<shift id>: the ShiftRecord fields without `id`.
 * - roster_companions/<request id>: the CompanionRecord fields without `id`.
 * - roster_keys/companion_<digest(subject)> (companionKeyId): { companionId }: the request
 *   already made for a ticket or booking ("ticket:<id>"), so a retry, a second tap or a second
 *   device gets the same request (SQLite's unique subject). A transaction cannot query, so
 *   addCompanion() finds it by this deterministic `_id`; two adds for one subject both write it,
 *   so only one can commit. Documents from before requests had a subject read as "legacy:<id>".
 * - roster_leave/<leave id>: the LeaveRecord fields without `id`.
 *
 * logEnd(), assignCompanion() and decideLeave() read, ask the core's decision (core/roster/
 * rules.ts) and update what it changed in one transaction (changeDoc): a missing document stays
 * missing (null), and decidedLeave() refuses a request no longer 'pending', so two admins
 * deciding at once cannot both win.
 */
import type { CompanionRecord, LeaveRecord, RosterRepo, ShiftRecord } from '../../core/ports';
import {
  assignedCompanion,
  decidedLeave,
  erasedNote,
  firstCompanion,
} from '../../core/roster/rules';
import { MalformedDocument, readDoc } from './documents';
import {
  changeDoc,
  docOf,
  getRecord,
  integer,
  nullableText,
  oneOf,
  readAll,
  recordOf,
  recordsOf,
  text,
} from './fields';
import { digest } from './keys';
import type { CloudDatabase, CloudTransaction, DocData } from './sdk';
import { FEW_RACERS, transact } from './transaction';

/**
 * Single-document operations an addCompanion() runs inside its one transaction, by outcome:
 * - created: get the request key, set it, set the companion request;
 * - existing: get the request key, get the companion request.
 */
export const ADD_COMPANION_OPERATIONS = { created: 3, existing: 2 } as const;

/** decideLeave(): get the request, then update it (only get when it was no longer pending). */
export const DECIDE_LEAVE_OPERATIONS = { decided: 2, stale: 1 } as const;

export interface RosterCollections {
  shifts: string;
  companions: string;
  keys: string;
  leave: string;
}

export const companionKeyId = (subject: string) => `companion_${digest(subject)}`;

// --- mapping ---

const shiftFromDoc = recordOf<ShiftRecord>('roster_shifts', {
  community: text,
  date: text,
  worker: text,
  name: text,
  start: text,
  end: text,
  loggedEnd: nullableText,
  compMinutes: integer,
  createdAt: text,
});
const companionShape = {
  community: text,
  date: text,
  userId: text,
  // Requests made before they had a subject read as "legacy:<id>" (set in companionFromDoc).
  subject: (doc: DocData) => (typeof doc.subject === 'string' ? doc.subject : ''),
  about: text,
  note: text,
  worker: nullableText,
  workerName: nullableText,
  status: oneOf<CompanionRecord['status']>(['waiting', 'assigned', 'done']),
  createdAt: text,
};
function companionFromDoc(id: string, doc: DocData): CompanionRecord {
  const c = recordOf<CompanionRecord>('roster_companions', companionShape)(id, doc);
  return typeof doc.subject === 'string' ? c : { ...c, subject: `legacy:${id}` };
}
const leaveFromDoc = recordOf<LeaveRecord>('roster_leave', {
  worker: text,
  name: text,
  community: text,
  date: text,
  minutes: integer,
  note: text,
  status: oneOf<LeaveRecord['status']>(['pending', 'approved', 'refused']),
  createdAt: text,
  decidedBy: nullableText,
});

const shiftsFrom = recordsOf('roster_shifts', shiftFromDoc);
const companionsFrom = recordsOf('roster_companions', companionFromDoc);
const leaveFrom = recordsOf('roster_leave', leaveFromDoc);

// --- transactions ---

/** ADD_COMPANION_OPERATIONS: the request made first for the subject (firstCompanion), or this one. */
async function addCompanionIn(
  tx: CloudTransaction,
  names: RosterCollections,
  request: CompanionRecord,
): Promise<CompanionRecord> {
  const keyId = companionKeyId(request.subject);
  const keyRef = tx.collection(names.keys).doc(keyId);
  const key = await readDoc(keyRef);
  const id = key && text(key, 'companionId', `roster_keys/${keyId}`);
  const doc = id ? await readDoc(tx.collection(names.companions).doc(id)) : null;
  if (id && !doc) throw new MalformedDocument(`roster_keys/${keyId}`, `companion ${id}`);
  const decided = firstCompanion(id && doc ? companionFromDoc(id, doc) : null, request);
  if (!decided.created) return decided.record;
  await keyRef.set({ data: { companionId: request.id } });
  const written = docOf(request);
  await tx.collection(names.companions).doc(request.id).set({ data: written });
  return companionFromDoc(request.id, written);
}

export function rosterRepo(db: CloudDatabase, names: RosterCollections): RosterRepo {
  const shifts = () => db.collection(names.shifts);
  const companions = () => db.collection(names.companions);
  const leave = () => db.collection(names.leave);

  return {
    async addShift(shift) {
      await shifts()
        .doc(shift.id)
        .set({ data: docOf(shift) });
    },
    getShift: (id) => getRecord(shifts().doc(id), shiftFromDoc, id),
    /** One evening's roster by start time, then in the order staff added them (SQLite's rowid). */
    async shifts(community, date) {
      const docs = await readAll(() =>
        shifts()
          .where({ community, date })
          .orderBy('start', 'asc')
          .orderBy('createdAt', 'asc')
          .orderBy('_id', 'asc'),
      );
      return shiftsFrom(docs);
    },
    /** A worker's shifts, every community: latest evening first, then by start, as SQLite. */
    async shiftsOf(worker) {
      const docs = await readAll(() =>
        shifts()
          .where({ worker })
          .orderBy('date', 'desc')
          .orderBy('start', 'asc')
          .orderBy('_id', 'asc'),
      );
      return shiftsFrom(docs);
    },
    logEnd: (id, loggedEnd, compMinutes) =>
      transact(db, FEW_RACERS, (tx) =>
        changeDoc(tx, names.shifts, id, shiftFromDoc, (s) => ({ ...s, loggedEnd, compMinutes })),
      ),
    // A resident tapping twice races only themselves.
    addCompanion: (request) => transact(db, FEW_RACERS, (tx) => addCompanionIn(tx, names, request)),
    getCompanion: (id) => getRecord(companions().doc(id), companionFromDoc, id),
    /** Two reads by _id: the subject's key, then its request. */
    async companionOf(subject) {
      const keyId = companionKeyId(subject);
      const key = await readDoc(db.collection(names.keys).doc(keyId));
      if (!key) return null;
      const id = text(key, 'companionId', `roster_keys/${keyId}`);
      const doc = await readDoc(companions().doc(id));
      return doc ? companionFromDoc(id, doc) : null;
    },
    /** One evening's requests in arrival order. */
    async companions(community, date) {
      const docs = await readAll(() =>
        companions().where({ community, date }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'),
      );
      return companionsFrom(docs);
    },
    /** The requests a worker was assigned: latest evening first, then in arrival order. */
    async companionsOf(worker) {
      const docs = await readAll(() =>
        companions()
          .where({ worker })
          .orderBy('date', 'desc')
          .orderBy('createdAt', 'asc')
          .orderBy('_id', 'asc'),
      );
      return companionsFrom(docs);
    },
    assignCompanion: (id, worker, workerName) =>
      transact(db, FEW_RACERS, (tx) =>
        changeDoc(tx, names.companions, id, companionFromDoc, (c) =>
          assignedCompanion(c, worker, workerName),
        ),
      ),
    /** One write per request that still has a note. */
    async eraseCompanionNotes(userId) {
      const mine = companionsFrom(
        await readAll(() => companions().where({ userId }).orderBy('_id', 'asc')),
      );
      const erased = mine.map(erasedNote).filter((c) => c !== null);
      for (const c of erased)
        await companions()
          .doc(c.id)
          .update({ data: { note: c.note } });
      return erased.length;
    },
    async addLeave(record) {
      await leave()
        .doc(record.id)
        .set({ data: docOf(record) });
    },
    getLeave: (id) => getRecord(leave().doc(id), leaveFromDoc, id),
    /** Every community's undecided requests, oldest first. */
    async pendingLeave() {
      const docs = await readAll(() =>
        leave().where({ status: 'pending' }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'),
      );
      return leaveFrom(docs);
    },
    /** A worker's requests, any status, newest first. */
    async leaveOf(worker) {
      const docs = await readAll(() =>
        leave().where({ worker }).orderBy('createdAt', 'desc').orderBy('_id', 'desc'),
      );
      return leaveFrom(docs);
    },
    decideLeave: (id, status, by) =>
      transact(db, FEW_RACERS, (tx) =>
        changeDoc(tx, names.leave, id, leaveFromDoc, (l) => decidedLeave(l, status, by)),
      ),
  };
}
