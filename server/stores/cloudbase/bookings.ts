/**
 * Bookings (预约) on CloudBase: the BookingRepo port, with the same behaviour as the SQLite store.
 *
 * Documents (collection names without the optional prefix):
 * - booking_settings/<community>:<service>: { community, service, slotMinutes, seatsPerSlot,
 *   cutoffHours, bring: string[] }
 * - booking_slots/<slot id> (core/booking/slots.ts: "<community>_<service>_<YYYYMMDD>_<HHmm>"):
 *   { community, service, date, startsAt, taken, waitlist, requests, holders }
 *   - taken: seats in use, i.e. bookings confirmed, checked in, completed or no-show.
 *   - waitlist: ids of the slot's waitlisted bookings, first in line first.
 *   - requests: { [fieldKey(userId ?? '') + '|' + fieldKey(requestId)]: bookingId }: every book
 *     or reschedule request that made a booking here, so a retried request gets the same one.
 *   - holders: { [fieldKey(userId)]: bookingId }: each resident's live (confirmed, waitlisted or
 *     checked-in) booking in this slot. Bookings staff make for someone (no user) have no entry.
 * - bookings/<random id>: the BookingRecord fields without `id`; instants as UTC ISO strings.
 *   Documents from before booking codes have no `code`: they read with a 5-character one spelled
 *   from their id (legacyCode), which never equals a new 4-character code.
 * - booking_codes/<community>_<YYYYMMDD>_<code>: { bookingId }: the code a booking took on its
 *   community's evening, created in the booking's transaction. A transaction cannot query, so
 *   this is how the store knows, in one read, that no other booking of the evening has the code.
 * - booking_residents/<community>:<fieldKey(userId)>: { community, bookings: [{ id, date }] }:
 *   the bookings a resident made with limits (core/community/limits.ts), so that a booking's
 *   transaction, which cannot query, finds them: it reads this document and each listed booking
 *   of today on (their status decides whether they count), and writes it back with the new
 *   booking, dropping past and cancelled ones. Two bookings by one resident at once both write
 *   it, so only one commits on a stale count. Bookings staff make are not listed.
 *
 * As with the queue's evening document (queues.ts), a transaction cannot query: the slot document
 * is the one document every booking of the slot reads and writes, so the seat count, the waitlist
 * and both lookup maps live there, and snapshot isolation on it is what keeps two residents from
 * getting the last seat. A slot document exists from its first booking on; a missing one reads as
 * an empty slot when booking, and as corruption when a booking points at it.
 */
import { newId } from '../../core/kernel/ids';
import type { BookingSettings, BookingStatus } from '../../../contract/booking';
import type { BookingPatch, BookingRecord, BookingRepo, BookRequest } from '../../core/ports';
import {
  type CancelDecision,
  decideBook,
  decideCancel,
  decideRemind,
  decideReschedule,
  decideUpdate,
  holdsSeat,
  holdsSlot,
  legacyCode,
  movesSlot,
  erasedBooking,
  newBooking,
  pickCode,
  SEATED,
} from '../../core/booking/decisions';
import { nextInLine, promoteNext } from '../../core/waitlist';
import { MalformedDocument, readDoc, toStoredInstant } from './documents';
import {
  changedFields,
  docOf,
  fieldsOf,
  getRecord,
  integer,
  listOf,
  nullableText,
  oneOf,
  read,
  readAll,
  readUpTo,
  recordOf,
  recordsOf,
  someStrings,
  text,
  type Reader,
  type Shape,
} from './fields';
import type { CloudDatabase, CloudQuery, CloudTransaction, DocData } from './sdk';
import {
  EMPTY_TALLY,
  knownIn,
  readTally,
  type Tally,
  tallyAfter,
  tallyErased,
  tallyFields,
} from './tally';
import { MANY_RACERS, transact } from './transaction';
import { fieldKey } from './keys';

/**
 * Single-document operations a book() runs inside its one transaction, by outcome:
 * - created (confirmed or waitlisted): get the slot, get the code (free: the usual case), set the
 *   code, set the booking, set the slot (seat or waitlist, request, holder); each candidate code
 *   already taken adds a get;
 * - existing (a retried request, or the resident's live booking in the slot): get the slot, get
 *   the booking;
 * - full (no seat, and the request takes no waitlist): get the slot.
 * A transaction retried after a conflict repeats them.
 */
export const BOOK_OPERATIONS = { created: 5, existing: 2, full: 1 } as const;
/** The most a book() ever costs per attempt: "ops per booking". */
export const BOOK_MAX_OPERATIONS = BOOK_OPERATIONS.created;
/**
 * cancel(): get the booking, get the slot, update the booking, set the slot; a freed seat given to
 * the waitlist adds get and update of the promoted booking. Stale (status moved on): 1.
 */
export const CANCEL_OPERATIONS = { cancelled: 4, promoted: 6, stale: 1 } as const;
/**
 * reschedule() between two slots: get the old booking, get the new slot, get the old slot, get
 * and set the new booking's code, set the new booking, update the old booking, set the new slot,
 * set the old slot; plus 2 when the old seat goes to that slot's waitlist. Full: the first two
 * reads only.
 */
export const RESCHEDULE_OPERATIONS = { moved: 9, promoted: 11, full: 2 } as const;
/**
 * update(): get and update the booking; a status move that changes the slot's seats, waitlist or
 * holders (e.g. completed, no-show) also gets and sets the slot. Check-in and reminders do not.
 */
export const UPDATE_OPERATIONS = { booking: 2, slot: 4 } as const;

export interface BookingCollections {
  settings: string;
  slots: string;
  bookings: string;
  codes: string;
  residents: string;
}

/** booking_residents/<id>: one per resident and community. */
export const residentId = (community: string, userId: string) => `${community}:${fieldKey(userId)}`;

const HELD_ENTRY: Shape<{ id: string; date: string }> = { id: text, date: text };

/** Where a slot is, stored on its document as on each of its bookings. */
type Place = Pick<BookingRecord, 'community' | 'service' | 'date' | 'startsAt'>;
const PLACE: Shape<Place> = { community: text, service: text, date: text, startsAt: text };

/** The slot document as this adapter reads and writes it: the tally's `held` is stored as `taken`. */
type SlotDoc = Place & Tally;

export const settingsId = (community: string, service: string) => `${community}:${service}`;

/** booking_codes/<id>: one per code taken on a community's evening. */
export const codeId = (community: string, date: string, code: string) =>
  `${community}_${date.replace(/-/g, '')}_${code}`;

// --- mapping ---

const readBooking = recordOf<BookingRecord>('bookings', {
  community: text,
  service: text,
  date: text,
  startsAt: text,
  slotId: text,
  // Every status: the seated ones, the waitlist and cancelled.
  status: oneOf<BookingStatus>([...SEATED, 'waitlisted', 'cancelled']),
  userId: nullableText,
  code: text,
  name: text,
  phone: nullableText,
  requestId: text,
  createdAt: text,
  waitlistedAt: nullableText,
  promotedAt: nullableText,
  checkedInAt: nullableText,
  closedAt: nullableText,
  remindedAt: nullableText,
});

/** A document stored before booking codes reads with its legacyCode. */
const bookingFromDoc = (id: string, doc: DocData): BookingRecord =>
  readBooking(id, doc.code === undefined ? { ...doc, code: legacyCode(id) } : doc);

const bookingsFrom = recordsOf('bookings', bookingFromDoc);

/** Added after the first release: documents saved before it mean "every evening". */
const weekdays: Reader<number[]> = (doc, key, where) => {
  const value = doc[key] ?? [];
  if (!Array.isArray(value) || !value.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) {
    throw new Error(`${where}: weekdays must be a list of weekdays 0–6`);
  }
  return value as number[];
};

const SETTINGS: Shape<BookingSettings> = {
  slotMinutes: integer,
  seatsPerSlot: integer,
  cutoffHours: integer,
  bring: someStrings,
  weekdays,
};

const slotFromDoc = (id: string, doc: DocData): SlotDoc => {
  const where = `booking_slots/${id}`;
  return { ...read(PLACE, doc, where), ...readTally(doc, 'taken', where) };
};

/** A slot's counts from a projected document ({ _id, taken, waitlist }). */
function countFromDoc(doc: DocData) {
  const slotId = text(doc, '_id', 'booking_slots/?');
  const where = `booking_slots/${slotId}`;
  return {
    slotId,
    taken: integer(doc, 'taken', where),
    waitlisted: someStrings(doc, 'waitlist', where).length,
  };
}

const INSTANTS = ['checkedInAt', 'closedAt', 'remindedAt'] as const;

/** The patch with its instants normalized to UTC ISO, as every instant is stored. */
function withStoredInstants(patch: BookingPatch): BookingPatch {
  const stored = { ...patch };
  for (const key of INSTANTS) {
    const at = patch[key];
    if (typeof at === 'string') stored[key] = toStoredInstant(at);
  }
  return stored;
}

/** The slot once `after` replaced `before` (null: a new booking), by the core's rules: see tally.ts. */
const slotAfter = (slot: SlotDoc, before: BookingRecord | null, after: BookingRecord) =>
  tallyAfter(slot, before, after, {
    holdsPlace: (b) => holdsSeat(b.status),
    isLive: (b) => holdsSlot(b.status),
  });

// --- transactions ---

/** One transaction's reads and writes of slot, booking and code documents. */
function inTransaction(tx: CloudTransaction, names: BookingCollections) {
  const bookingRef = (id: string) => tx.collection(names.bookings).doc(id);
  const slotRef = (id: string) => tx.collection(names.slots).doc(id);

  /**
   * The slot at `place`: a missing document is an empty slot when booking into it, and
   * corruption when `of`, a booking written with it, points at it.
   */
  async function slotAt(place: Place & { slotId: string }, of?: BookingRecord): Promise<SlotDoc> {
    const doc = await readDoc(slotRef(place.slotId));
    if (doc) return slotFromDoc(place.slotId, doc);
    if (of) throw new MalformedDocument(`bookings/${of.id}`, `slot ${of.slotId}`);
    return { ...(fieldsOf(PLACE, place) as Place), ...EMPTY_TALLY };
  }

  // set() writes the whole document: a first booking creates the slot, and removed map entries
  // really go (update() would merge the maps).
  const saveSlot = (id: string, slot: SlotDoc) =>
    slotRef(id).set({ data: { ...fieldsOf(PLACE, slot), ...tallyFields(slot, 'taken') } });

  /** A booking a slot document points at: written in the same transaction, so a gap is corruption. */
  async function bookingIn(id: string, slotId: string): Promise<BookingRecord> {
    const doc = await readDoc(bookingRef(id));
    if (!doc) throw new MalformedDocument(`booking_slots/${slotId}`, `booking ${id}`);
    return bookingFromDoc(id, doc);
  }

  async function bookingAt(id: string): Promise<BookingRecord | null> {
    const doc = await readDoc(bookingRef(id));
    return doc && bookingFromDoc(id, doc);
  }

  /** Writes what `after` changed of `before`: nothing when nothing did. */
  async function rewrite(before: BookingRecord, after: BookingRecord) {
    const data = changedFields(before, after);
    if (Object.keys(data).length > 0) await bookingRef(after.id).update({ data });
  }

  /**
   * A new booking with its code (pickCode): writes its code document and itself; the caller
   * writes the slot. Candidates are read in order only up to the first free one, the one
   * pickCode keeps. Two bookings taking the same code at once both create its document, so only
   * one commits; the other, retried, finds it taken.
   */
  async function made(req: BookRequest, status: 'confirmed' | 'waitlisted') {
    const ref = (code: string) =>
      tx.collection(names.codes).doc(codeId(req.community, req.date, code));
    const taken = new Set<string>();
    for (const code of req.codes) {
      if (!(await readDoc(ref(code)))) break;
      taken.add(code);
    }
    const booking = newBooking(req, newId(), status, pickCode(req.codes, taken));
    await ref(booking.code).set({ data: { bookingId: booking.id } });
    await bookingRef(booking.id).set({ data: docOf(booking) });
    return booking;
  }

  /**
   * Writes the cancellation of `booking` (whose slot is `slot`) as decided, and promotes the first
   * of the slot's waitlist into a freed seat (promoteNext). Writes the bookings, not the slot: the
   * caller writes it once, also when it changed it too.
   */
  async function cancelAgainst(slot: SlotDoc, { booking, cancelled, seatsFreed }: CancelDecision) {
    await rewrite(booking, cancelled);
    let next = slotAfter(slot, booking, cancelled);
    const line: BookingRecord[] = [];
    for (const id of nextInLine(next.waitlist, seatsFreed)) {
      const waiting = await bookingIn(id, booking.slotId);
      if (waiting.status !== 'waitlisted') {
        throw new MalformedDocument(`booking_slots/${booking.slotId}`, `waitlist ${id}`);
      }
      line.push(waiting);
    }
    const promoted = promoteNext(line, seatsFreed, 'confirmed', cancelled.closedAt!);
    for (const [i, p] of promoted.entries()) {
      await rewrite(line[i]!, p);
      next = slotAfter(next, line[i]!, p);
    }
    return { cancelled, promoted: promoted[0] ?? null, slot: next };
  }

  /**
   * With caps and a user: the resident's bookings the limits count (the listed ones of
   * `caps.from` on, read here, cancelled ones included: bookingLimit skips them) and a way to
   * write the list back with a new booking (minus `moved`, a booking moved away). Null otherwise.
   */
  async function heldBy(req: BookRequest) {
    if (!req.caps || !req.userId) return null;
    const id = residentId(req.community, req.userId);
    const ref = tx.collection(names.residents).doc(id);
    const doc = await readDoc(ref);
    const listed = doc ? listOf(HELD_ENTRY)(doc, 'bookings', `booking_residents/${id}`) : [];
    const held: BookingRecord[] = [];
    for (const entry of listed.filter((e) => e.date >= req.caps!.from)) {
      const booking = await bookingAt(entry.id);
      if (booking) held.push(booking);
    }
    const save = async (booking: BookingRecord, moved: string | null = null) => {
      const kept = held.filter((b) => b.status !== 'cancelled' && b.id !== moved);
      const bookings = [...kept, booking].map((b) => ({ id: b.id, date: b.date }));
      await ref.set({ data: { community: req.community, bookings } });
    };
    return { held, save };
  }

  /** The new booking first, then the old one cancelled as decided, promotion included. */
  async function move(slot: SlotDoc, req: BookRequest, cancel: CancelDecision) {
    const old = cancel.booking;
    const oldSlot = old.slotId === req.slotId ? null : await slotAt(old, old);
    const booking = await made(req, 'confirmed');
    const withNew = slotAfter(slot, null, booking);
    // One slot document for both: both changes apply to it, and it is written once.
    const result = await cancelAgainst(oldSlot ?? withNew, cancel);
    await saveSlot(req.slotId, oldSlot ? withNew : result.slot);
    if (oldSlot) await saveSlot(old.slotId, result.slot);
    return { kind: 'moved' as const, booking, promoted: result.promoted };
  }

  return {
    /** At most BOOK_MAX_OPERATIONS single-document operations; see BOOK_OPERATIONS. */
    async book(req: BookRequest) {
      const slot = await slotAt(req);
      const known = knownIn(slot, req);
      // A retried request is answered before anything is counted (decideBook looks at it first).
      const mine = known.retried || known.held ? null : await heldBy(req);
      const decision = decideBook({ known, taken: slot.held }, req, mine?.held ?? null);
      if (decision.kind === 'existing') {
        return { kind: 'existing' as const, booking: await bookingIn(decision.id, req.slotId) };
      }
      if (decision.kind === 'full' || decision.kind === 'limited') return decision;
      const booking = await made(req, decision.status);
      await saveSlot(req.slotId, slotAfter(slot, null, booking));
      await mine?.save(booking);
      return { kind: 'created' as const, booking };
    },

    /** CANCEL_OPERATIONS: 4, or 6 with a promotion. */
    async cancel(id: string, from: BookingStatus[], now: Date) {
      const decided = decideCancel(await bookingAt(id), from, now);
      if (!decided) return null;
      const slot = await slotAt(decided.booking, decided.booking);
      const { cancelled, promoted, slot: next } = await cancelAgainst(slot, decided);
      await saveSlot(decided.booking.slotId, next);
      return { cancelled, promoted };
    },

    /** RESCHEDULE_OPERATIONS: 9 between two slots, 11 with a promotion in the old one. */
    async reschedule(id: string, req: BookRequest) {
      const old = await bookingAt(id);
      const slot = await slotAt(req);
      const known = knownIn(slot, req);
      const mine = known.retried ? null : await heldBy(req);
      const target = { known, taken: slot.held };
      const decision = decideReschedule(old, target, req, mine?.held ?? null);
      if (decision.kind === 'existing') {
        const booking = await bookingIn(decision.id, req.slotId);
        return { kind: 'existing' as const, booking, promoted: null };
      }
      if (decision.kind !== 'move') return decision;
      const moved = await move(slot, req, decision.cancel);
      await mine?.save(moved.booking, id);
      return moved;
    },

    /**
     * Load, decide, write what changed: UPDATE_OPERATIONS, 2, or 4 when the status move changes
     * the slot (movesSlot). For update() and markReminded().
     */
    /**
     * erasedBooking over one booking of `userId`, with its slot's entries keyed by the user
     * (tallyErased): get booking, get slot, update booking, set slot. False when it is not theirs.
     */
    async erase(id: string, userId: string) {
      const booking = await bookingAt(id);
      if (!booking || booking.userId !== userId) return false;
      const erased = erasedBooking(booking);
      const slot = await slotAt(booking, booking);
      await rewrite(booking, erased);
      await saveSlot(booking.slotId, tallyErased(slot, booking, erased));
      return true;
    },
    async change(id: string, decide: (b: BookingRecord | null) => BookingRecord | null) {
      const booking = await bookingAt(id);
      const changed = booking && decide(booking);
      if (!booking || !changed) return null;
      const slot = movesSlot(booking.status, changed.status) && (await slotAt(booking, booking));
      await rewrite(booking, changed);
      if (slot) await saveSlot(booking.slotId, slotAfter(slot, booking, changed));
      return changed;
    },
  };
}

/** `query` in `order`, written as in SQL: "field [desc], …". */
const ordered = (query: CloudQuery, order: string) =>
  order.split(', ').reduce((q, by) => {
    const [field, direction] = by.split(' ');
    return q.orderBy(field!, direction === 'desc' ? 'desc' : 'asc');
  }, query);

export function bookingRepo(db: CloudDatabase, names: BookingCollections): BookingRepo {
  const bookings = () => db.collection(names.bookings);
  const slots = () => db.collection(names.slots);
  const settings = (community: string, service: string) =>
    db.collection(names.settings).doc(settingsId(community, service));
  /** The bookings `where` finds in `order`: all of them, or the first `limit`. */
  const listed = async (where: DocData, order: string, limit?: number) => {
    const query = () => ordered(bookings().where(where), order);
    return bookingsFrom(await (limit === undefined ? readAll(query) : readUpTo(limit, query)));
  };
  const run = <R>(work: (t: ReturnType<typeof inTransaction>) => Promise<R>) =>
    transact(db, MANY_RACERS, (tx) => work(inTransaction(tx, names)));

  return {
    getSettings(community, service) {
      const id = settingsId(community, service);
      const fromDoc = (_: string, doc: DocData) => read(SETTINGS, doc, `booking_settings/${id}`);
      return getRecord(settings(community, service), fromDoc, id);
    },
    async saveSettings(community, service, value) {
      const data = { community, service, ...fieldsOf(SETTINGS, value) };
      await settings(community, service).set({ data });
    },
    book: (request) => run((t) => t.book(request)),
    getBooking: (id) => getRecord(bookings().doc(id), bookingFromDoc, id),
    /**
     * One query on the slot documents, whatever the number of bookings: every slot ever booked,
     * zeros included once all its bookings are cancelled (as SQLite's GROUP BY over bookings).
     */
    async slotCounts(community, service, date) {
      const query = slots().where({ community, service, date }).orderBy('startsAt', 'asc');
      const docs = await readAll(() => query.field({ _id: true, taken: true, waitlist: true }));
      return docs.map(countFromDoc);
    },
    /** 0 when the booking is not on its slot's waitlist (any more). */
    async waitlistPosition(booking) {
      const doc = await readDoc(slots().doc(booking.slotId));
      return doc ? slotFromDoc(booking.slotId, doc).waitlist.indexOf(booking.id) + 1 : 0;
    },
    /** Newest evening first; within one slot, the latest booking first. */
    ofUser: (userId) => listed({ userId }, 'date desc, startsAt desc, createdAt desc, _id'),
    /** One query for the user's bookings, then one small transaction per booking (erase). */
    async erasePersonal(userId) {
      let count = 0;
      const mine = await listed({ userId }, '_id');
      for (const b of mine) {
        if (await run((t) => t.erase(b.id, userId))) count += 1;
      }
      // The per-resident list the limits read is named by the user id: it goes too.
      for (const community of new Set(mine.map((b) => b.community))) {
        await db.collection(names.residents).doc(residentId(community, userId)).remove();
      }
      return count;
    },
    /** In slot order, then in booking order. */
    listForDate: (community, date, service) =>
      listed(
        service === undefined ? { community, date } : { community, date, service },
        'startsAt, createdAt, _id',
      ),
    /**
     * Plain compare-and-set. A move to 'cancelled' here gives the seat back but promotes nobody:
     * cancel() is the path for cancellations; update() serves check-in, completion, no-show and
     * reminders.
     */
    update: (id, from, patch) =>
      run((t) => t.change(id, (b) => decideUpdate(b, from, withStoredInstants(patch)))),
    cancel: (id, from, now) => run((t) => t.cancel(id, from, now)),
    reschedule: (id, request) => run((t) => t.reschedule(id, request)),
    // Two runs marking at once both write the booking: only one commits, and the other, retried,
    // finds it reminded.
    markReminded: (id, at) => run((t) => t.change(id, (b) => decideRemind(b, toStoredInstant(at)))),
    // Every booking is written with remindedAt: null, so equality with null finds the unsent.
    // A batch up to PAGE_SIZE (the reminder job's) is one read.
    dueReminders: (date, limit) =>
      listed({ date, status: 'confirmed', remindedAt: null }, 'startsAt, _id', limit),
  };
}
