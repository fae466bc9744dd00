/**
 * The evening roster, companions and comp-time leave (伴 and 调休, the RosterRepo port; rules in
 * core/roster/rules.ts):
 * - roster_shifts/<shift id>: the ShiftRecord fields without `id`.
 * - roster_companions/<request id>: the CompanionRecord fields without `id`.
 * - roster_keys/companion_<digest(subject)> (companionKeyId): { companionId }: the request
 *   already made for a ticket or booking ("ticket:<id>"), so a retry, a second tap or a second
 *   device gets the same request (SQLite's unique subject). A transaction cannot query, so
 *   addCompanion() finds it by this deterministic `_id`; two adds for one subject both write it,
 *   so only one can commit. Documents from before requests had a subject read as "legacy:<id>".
 * - roster_leave/<leave id>: the LeaveRecord fields without `id`.
 *
 * logEnd(), assignCompanion() and decideLeave() read, decide and update what changed in one
 * transaction (records' change): a missing document stays missing (null), and decidedLeave()
 * refuses a request no longer 'pending', so two admins deciding at once cannot both win.
 */
import type { CompanionRecord, LeaveRecord, RosterRepo, ShiftRecord } from '../../core/ports';
import { PERSONAL_FIELDS, retainedCompanion } from '../../core/retention/rules';
import {
  assignedCompanion,
  decidedLeave,
  erasedCompanion,
  erasedNote,
  firstCompanion,
} from '../../core/roster/rules';
import { readDoc } from './documents';
import { docOf, integer, nullableText, oneOf, keysIn, recordOf, records, text } from './fields';
import { digest } from './keys';
import { stillPersonal } from './retention';
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

type RosterCollections = Record<
  'roster_shifts' | 'roster_companions' | 'roster_keys' | 'roster_leave',
  string
>;

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
const readCompanion = recordOf<CompanionRecord>('roster_companions', {
  community: text,
  date: text,
  userId: text,
  subject: text,
  about: text,
  note: text,
  worker: nullableText,
  workerName: nullableText,
  status: oneOf<CompanionRecord['status']>(['waiting', 'assigned', 'done']),
  createdAt: text,
});
/** Requests made before they had a subject read as "legacy:<id>". */
const companionFromDoc = (id: string, doc: DocData) =>
  readCompanion(id, typeof doc.subject === 'string' ? doc : { ...doc, subject: `legacy:${id}` });
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

export function rosterRepo(db: CloudDatabase, names: RosterCollections): RosterRepo {
  const shifts = records(db, names, 'roster_shifts', shiftFromDoc);
  const companions = records(db, names, 'roster_companions', companionFromDoc);
  const leave = records(db, names, 'roster_leave', leaveFromDoc);
  /** In `tx`: the subject's key goes, and the request is removed or set anonymised (`outcome`). */
  const rewrite = async (
    tx: CloudTransaction,
    c: CompanionRecord,
    outcome: CompanionRecord | 'delete',
  ) => {
    await tx.collection(names.roster_keys).doc(companionKeyId(c.subject)).remove();
    const ref = companions.in(tx).doc(c.id);
    await (outcome === 'delete' ? ref.remove() : ref.set({ data: docOf(outcome) }));
  };

  return {
    addShift: shifts.put,
    getShift: shifts.get,
    /** One evening's roster by start time, then in the order staff added them (SQLite's rowid). */
    shifts: (community, date) => shifts.find({ community, date }, 'start', 'createdAt', '_id'),
    /** A worker's shifts, every community: latest evening first, then by start, as SQLite. */
    shiftsOf: (worker) => shifts.find({ worker }, 'date desc', 'start', '_id'),
    logEnd: (id, loggedEnd, compMinutes) =>
      shifts.change(id, (s) => ({ ...s, loggedEnd, compMinutes })),
    /**
     * ADD_COMPANION_OPERATIONS: the request made first for the subject (firstCompanion), or this
     * one. A resident tapping twice races only themselves.
     */
    addCompanion: (request) =>
      transact(db, FEW_RACERS, async (tx) => {
        const keys = keysIn(tx, names, 'roster_keys');
        const keyId = companionKeyId(request.subject);
        const known = await keys.pointedTo(keyId, 'companionId', companions.in(tx).get);
        const decided = firstCompanion(known.record, request);
        if (!decided.created) return decided.record;
        await known.key.set({ data: { companionId: request.id } });
        const written = docOf(request);
        await companions.in(tx).doc(request.id).set({ data: written });
        return companionFromDoc(request.id, written);
      }),
    getCompanion: companions.get,
    /** Two reads by _id: the subject's key, then its request. */
    async companionOf(subject) {
      const keyId = companionKeyId(subject);
      const key = await readDoc(db.collection(names.roster_keys).doc(keyId));
      return key && companions.get(text(key, 'companionId', `roster_keys/${keyId}`));
    },
    /** One evening's requests in arrival order. */
    companions: (community, date) => companions.find({ community, date }, 'createdAt', '_id'),
    /** The requests a worker was assigned: latest evening first, then in arrival order. */
    companionsOf: (worker) => companions.find({ worker }, 'date desc', 'createdAt', '_id'),
    assignCompanion: (id, worker, workerName) =>
      companions.change(id, (c) => assignedCompanion(c, worker, workerName)),
    /**
     * One query for the user's requests, then per request one transaction: the subject's key
     * goes, and the request is removed or set anonymised, as erasedCompanion decides.
     */
    async eraseCompanions(userId) {
      const mine = await companions.find({ userId }, '_id');
      for (const c of mine)
        await transact(db, FEW_RACERS, (tx) => rewrite(tx, c, erasedCompanion(c)));
      return mine.length;
    },
    /**
     * Up to `limit` requests left to anonymise (stillPersonal), then per request one
     * transaction as eraseCompanions writes it, decided on the request as read there.
     */
    async anonymiseCompanionsBefore(cutoff, limit) {
      const before = { field: 'date', value: cutoff };
      const blanks = PERSONAL_FIELDS.companions;
      const old = await stillPersonal(db, companions.first, before, blanks, limit);
      let count = 0;
      for (const { id } of old) {
        const changed = await transact(db, FEW_RACERS, async (tx) => {
          const current = await companions.in(tx).get(id);
          const retained = current && retainedCompanion(current, cutoff);
          if (!current || !retained) return false;
          await rewrite(tx, current, retained);
          return true;
        });
        if (changed) count += 1;
      }
      return count;
    },
    /** One query for the requests that still have a note, then one transaction per past one. */
    clearNotes: (before) =>
      companions.changeAll({ note: db.command.neq('') }, (c) =>
        c.date < before ? erasedNote(c) : null,
      ),
    addLeave: leave.put,
    getLeave: leave.get,
    /** Every community's undecided requests, oldest first. */
    pendingLeave: () => leave.find({ status: 'pending' }, 'createdAt', '_id'),
    /** A worker's requests, any status, newest first. */
    leaveOf: (worker) => leave.find({ worker }, 'createdAt desc', '_id desc'),
    decideLeave: (id, status, by) => leave.change(id, (l) => decidedLeave(l, status, by)),
  };
}
