/**
 * Bookings (预约, the BookingRepo port):
 * - booking_settings/<community>:<service>: { community, service, slotMinutes, seatsPerSlot,
 *   cutoffHours, bring: string[] }
 * - booking_slots/<slot id> (core/booking/slots.ts: "<community>_<service>_<YYYYMMDD>_<HHmm>"):
 *   { community, service, date, startsAt } and the slot's tally (tally.ts): `taken`, the seats
 *   in use (bookings confirmed, checked in, completed or no-show), waitlist, requests (book and
 *   reschedule requests) and holders (live: confirmed, waitlisted or checked in).
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
 *   it, so only one commits on a stale count. Bookings staff make are not listed. Retention
 *   drops the entries past it (and the list once empty) as it anonymises their bookings.
 *
 * The slot document is the one document every booking of the slot reads and writes (tally.ts).
 * It exists from its first booking on; a missing one reads as an empty slot when booking, and as
 * corruption when a booking points at it.
 */
import { newId } from '../../core/kernel/ids';
import type { BookingSettings, BookingStatus } from '../../../contract/booking';
import type {
  BookingPatch,
  BookingRecord,
  BookingRepo,
  BookRequest,
  Closing,
} from '../../core/ports';
import {
  type CancelDecision,
  decideBook,
  decideCancel,
  decideRemind,
  decideReschedule,
  decideUpdate,
  erasedBooking,
  holdsSeat,
  holdsSlot,
  legacyCode,
  movesSlot,
  newBooking,
  pickCode,
  SEATED,
} from '../../core/booking/decisions';
import { decideCloseBookings } from '../../core/community/calendar';
import { PERSONAL_FIELDS, pastRetention, retainedBooking } from '../../core/retention/rules';
import { stillPersonal } from './retention';
import { MalformedDocument, readDoc, toStoredInstant } from './documents';
import {
  docOf,
  fieldsOf,
  getRecord,
  integer,
  listOf,
  nullableText,
  oneOf,
  read,
  readAll,
  recordOf,
  records,
  someStrings,
  text,
  type Reader,
  type Shape,
  updateChanged,
} from './fields';
import { fieldKey } from './keys';
import type { CloudDatabase, CloudTransaction, DocData } from './sdk';
import {
  EMPTY_TALLY,
  knownIn,
  Place,
  readTally,
  type Tally,
  tallyAfter,
  tallyErased,
} from './tally';
import { MANY_RACERS, transact } from './transaction';
import { dateClosedIn, passGate } from './dates';

/**
 * Single-document operations a book() runs inside its one transaction, by outcome:
 * - created (confirmed or waitlisted): get the slot, get the date's calendar entry, set the
 *   date's gate (dates.ts: what serializes a booking with the date's cancellation), get the code
 *   (free: the usual case), set the code, set the booking, set the slot (seat or waitlist,
 *   request, holder); each candidate code already taken adds a get;
 * - existing (a retried request, or the resident's live booking in the slot): get the slot, get
 *   the booking;
 * - full (no seat, and the request takes no waitlist): get the slot, get the date;
 * - closed (the date is cancelled): get the slot, get the date.
 * A transaction retried after a conflict repeats them.
 */
export const BOOK_OPERATIONS = { created: 7, existing: 2, full: 2, closed: 2 } as const;
export const BOOK_MAX_OPERATIONS = BOOK_OPERATIONS.created;
/**
 * cancel(): get the booking, get the slot, update the booking, set the slot; a freed seat given to
 * the waitlist adds get and update of the promoted booking. Stale (status moved on): 1.
 */
export const CANCEL_OPERATIONS = { cancelled: 4, promoted: 6, stale: 1 } as const;
/**
 * reschedule() between two slots: get the old booking, get the new slot, get the new slot's date
 * (its calendar entry) and set its gate (dates.ts), get the old slot, get and set the new
 * booking's code, set the new booking, update the old booking, set the new slot, set the old
 * slot; plus 2 when the old seat goes to that slot's waitlist. Full or closed: the first three
 * reads only.
 */
export const RESCHEDULE_OPERATIONS = { moved: 11, promoted: 13, full: 3 } as const;
/**
 * update(): get and update the booking; a status move that changes the slot's seats, waitlist or
 * holders (e.g. completed, no-show) also gets and sets the slot. Check-in and reminders do not.
 */
export const UPDATE_OPERATIONS = { booking: 2, slot: 4 } as const;

type BookingCollections = Record<
  | 'booking_settings'
  | 'booking_slots'
  | 'bookings'
  | 'booking_codes'
  | 'booking_residents'
  | 'community_dates',
  string
>;

const settingsId = (community: string, service: string) => `${community}:${service}`;

/** booking_codes/<id>: one per code taken on a community's evening. */
const codeId = (community: string, date: string, code: string) =>
  `${community}_${date.replace(/-/g, '')}_${code}`;

/** booking_residents/<id>: one per resident and community. */
export const residentId = (community: string, userId: string) => `${community}:${fieldKey(userId)}`;

// --- mapping ---

/** Where a slot is, stored on its document as on each of its bookings. */
const SLOT_AT: Shape<Pick<BookingRecord, 'community' | 'service' | 'date' | 'startsAt'>> = {
  community: text,
  service: text,
  date: text,
  startsAt: text,
};

const readBooking = recordOf<BookingRecord>('bookings', {
  ...SLOT_AT,
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
  // Absent on documents from before the calendar kept it: null.
  cancelledReason: nullableText,
});

/** A document stored before booking codes reads with its legacyCode. */
const bookingFromDoc = (id: string, doc: DocData): BookingRecord =>
  readBooking(id, doc.code === undefined ? { ...doc, code: legacyCode(id) } : doc);

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

/** A slot document: where the slot is, and its tally (`held` stored as `taken`). */
const slotFromDoc = (id: string, doc: DocData) => {
  const where = `booking_slots/${id}`;
  return { at: read(SLOT_AT, doc, where), tally: readTally(doc, 'taken', where) };
};

const HELD_ENTRY: Shape<{ id: string; date: string }> = { id: text, date: text };

/** The patch with its instants normalized to UTC ISO, as every instant is stored. */
const withStoredInstants = (patch: BookingPatch): BookingPatch => ({
  ...patch,
  ...Object.fromEntries(
    (['checkedInAt', 'closedAt', 'remindedAt'] as const)
      .filter((key) => typeof patch[key] === 'string')
      .map((key) => [key, toStoredInstant(patch[key]!)]),
  ),
});

/** The slot once `after` replaced `before` (null: a new booking), by the core's rules: see tally.ts. */
const slotAfter = (slot: Tally, before: BookingRecord | null, after: BookingRecord) =>
  tallyAfter(slot, before, after, {
    holdsPlace: (b) => holdsSeat(b.status),
    isLive: (b) => holdsSlot(b.status),
  });

// --- transactions ---

/** One transaction's reads and writes of slot, booking and code documents. */
function inTransaction(tx: CloudTransaction, names: BookingCollections) {
  const doc = (collection: keyof BookingCollections, id: string) =>
    tx.collection(names[collection]).doc(id);
  const bookingAt = (id: string) => getRecord(doc('bookings', id), bookingFromDoc, id);
  type Slot = Place<BookingRecord, Tally>;

  /**
   * The slot of a booking or request (its document, stored `taken`): a missing document is an
   * empty slot when booking into it, and corruption when `of`, a booking written with it, points
   * at it. A set() of it creates it.
   */
  async function slotAt(at: BookingRecord | BookRequest, of?: BookingRecord): Promise<Slot> {
    const ref = doc('booking_slots', at.slotId);
    const stored = await getRecord(ref, slotFromDoc, at.slotId);
    if (!stored && of) throw new MalformedDocument(`bookings/${of.id}`, `slot ${of.slotId}`);
    const fields = fieldsOf(SLOT_AT, stored?.at ?? at);
    const tally = stored?.tally ?? EMPTY_TALLY;
    return new Place(ref, `booking_slots/${at.slotId}`, fields, 'taken', tally, {
      label: 'booking',
      placed: 'confirmed',
      doc: (id) => doc('bookings', id),
      fromDoc: bookingFromDoc,
      after: slotAfter,
    });
  }

  /**
   * A new booking with its code (pickCode), in `slot`'s tally: writes its code document and
   * itself; the caller writes the slot. Candidates are read in order only up to the first free
   * one, the one pickCode keeps. Two bookings taking the same code at once both create its
   * document, so only one commits; the other, retried, finds it taken.
   */
  async function made(slot: Slot, req: BookRequest, status: 'confirmed' | 'waitlisted') {
    const code = (c: string) => doc('booking_codes', codeId(req.community, req.date, c));
    const taken = new Set<string>();
    for (const c of req.codes) {
      if (!(await readDoc(code(c)))) break;
      taken.add(c);
    }
    const booking = newBooking(req, newId(), status, pickCode(req.codes, taken));
    await code(booking.code).set({ data: { bookingId: booking.id } });
    await doc('bookings', booking.id).set({ data: docOf(booking) });
    slot.added(booking);
    return booking;
  }

  /**
   * The cancellation as decided, and the first of the slot's waitlist promoted into a freed seat
   * (promoteNext). Writes the bookings, not the slot: the caller writes it once, also when it
   * changed it too.
   */
  async function cancelIn(slot: Slot, { booking, cancelled, seatsFreed }: CancelDecision) {
    await slot.change(booking, cancelled);
    const [promoted = null] = await slot.fill(seatsFreed, cancelled.closedAt!);
    return { cancelled, promoted };
  }

  /** The date's calendar entry, read in this transaction: cancelled or not (dates.ts). */
  const closedOn = (req: BookRequest) =>
    dateClosedIn(tx, names.community_dates, req.community, req.date);
  /** Before making a booking on the date: serializes with its cancellation (dates.ts). */
  const gate = (req: BookRequest) =>
    passGate(tx, names.community_dates, req.community, req.date, req.now);

  /**
   * With caps and a user: the resident's bookings the limits count (the listed ones of
   * `caps.from` on, read here, cancelled ones included: bookingLimit skips them) and a way to
   * write the list back with a new booking (minus `moved`, a booking moved away). Null otherwise.
   */
  async function heldBy(req: BookRequest) {
    if (!req.caps || !req.userId) return null;
    const id = residentId(req.community, req.userId);
    const ref = doc('booking_residents', id);
    const stored = await readDoc(ref);
    const listed = stored ? listOf(HELD_ENTRY)(stored, 'bookings', `booking_residents/${id}`) : [];
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

  /**
   * Retention: the resident's booking_residents list without `booking` and without any entry past
   * retention (the limits count today on only, and the list is named by the user id), removed
   * once it lists nothing. Reads it now (one read, none for a staff booking); the write it
   * returns goes in the same transaction, so a booking made meanwhile is never lost from it.
   */
  async function unlisted(booking: BookingRecord, cutoff: string) {
    if (!booking.userId) return async () => {};
    const id = residentId(booking.community, booking.userId);
    const ref = doc('booking_residents', id);
    const stored = await readDoc(ref);
    const listed = stored ? listOf(HELD_ENTRY)(stored, 'bookings', `booking_residents/${id}`) : [];
    const kept = listed.filter((e) => e.id !== booking.id && !pastRetention(e.date, cutoff));
    return async () => {
      if (kept.length === listed.length) return;
      if (kept.length === 0) await ref.remove();
      else await ref.set({ data: { community: booking.community, bookings: kept } });
    };
  }

  return {
    /** At most BOOK_MAX_OPERATIONS single-document operations; see BOOK_OPERATIONS. */
    async book(req: BookRequest) {
      const slot = await slotAt(req);
      const known = knownIn(slot.tally, req);
      // A retried request is answered before anything is counted (decideBook looks at it first).
      const answered = known.retried || known.held;
      const closed = answered ? null : await closedOn(req);
      const mine = answered || closed ? null : await heldBy(req);
      const state = { known, taken: slot.tally.held, closed };
      const decision = decideBook(state, req, mine?.held ?? null);
      if (decision.kind === 'existing') {
        return { kind: 'existing' as const, booking: await slot.record(decision.id) };
      }
      if (decision.kind !== 'create') return decision;
      await gate(req);
      const booking = await made(slot, req, decision.status);
      await slot.write();
      await mine?.save(booking);
      return { kind: 'created' as const, booking };
    },

    /** CANCEL_OPERATIONS: 4, or 6 with a promotion. */
    async cancel(id: string, from: BookingStatus[], now: Date) {
      const decided = decideCancel(await bookingAt(id), from, now);
      if (!decided) return null;
      const slot = await slotAt(decided.booking, decided.booking);
      const cancelled = await cancelIn(slot, decided);
      await slot.write();
      return cancelled;
    },

    /**
     * RESCHEDULE_OPERATIONS: 11 between two slots, 13 with a promotion in the old one. The new
     * booking first, then the old one cancelled as decided, promotion included.
     */
    async reschedule(id: string, req: BookRequest) {
      const old = await bookingAt(id);
      const slot = await slotAt(req);
      const known = knownIn(slot.tally, req);
      const closed = known.retried ? null : await closedOn(req);
      const mine = known.retried || closed ? null : await heldBy(req);
      const target = { known, taken: slot.tally.held, closed };
      const decision = decideReschedule(old, target, req, mine?.held ?? null);
      if (decision.kind === 'existing') {
        return {
          kind: 'existing' as const,
          booking: await slot.record(decision.id),
          promoted: null,
        };
      }
      if (decision.kind !== 'move') return decision;
      await gate(req);
      const moving = decision.cancel.booking;
      // Within one slot, one slot document for both: both changes apply to it, written once.
      const oldSlot = moving.slotId === req.slotId ? slot : await slotAt(moving, moving);
      const booking = await made(slot, req, 'confirmed');
      const { promoted } = await cancelIn(oldSlot, decision.cancel);
      await slot.write();
      if (oldSlot !== slot) await oldSlot.write();
      await mine?.save(booking, id);
      return { kind: 'moved' as const, booking, promoted };
    },

    /**
     * erasedBooking over one booking of `userId`, with its slot's entries keyed by the user
     * (tallyErased): get booking, get slot, update booking, set slot. False when it is not theirs.
     */
    async erase(id: string, userId: string) {
      const booking = await bookingAt(id);
      if (!booking || booking.userId !== userId) return false;
      const slot = await slotAt(booking, booking);
      await slot.change(booking, erasedBooking(booking), tallyErased);
      await slot.write();
      return true;
    },

    /**
     * retainedBooking over one booking, as erase() writes erasedBooking (the same operations).
     * False when the booking is no longer past retention with personal fields.
     */
    async retain(id: string, cutoff: string) {
      const booking = await bookingAt(id);
      const retained = booking && retainedBooking(booking, cutoff);
      if (!booking || !retained) return false;
      const slot = await slotAt(booking, booking);
      const listed = await unlisted(booking, cutoff);
      await slot.change(booking, retained, tallyErased);
      await slot.write();
      await listed();
      return true;
    },

    /**
     * The live bookings among `ids` a closing cancels, as decideCloseBookings decides (nobody
     * promoted, the reason kept): get and update each booking, get and set each slot once.
     */
    async close(ids: string[], closing: Pick<Closing, 'after' | 'reason' | 'now'>) {
      const found: BookingRecord[] = [];
      for (const id of ids) {
        const booking = await bookingAt(id);
        if (booking) found.push(booking);
      }
      const slots = new Map<string, Slot>();
      const decisions = decideCloseBookings(found, closing);
      for (const { booking, cancelled } of decisions) {
        const slot = slots.get(booking.slotId) ?? (await slotAt(booking, booking));
        slots.set(booking.slotId, slot);
        await slot.change(booking, cancelled);
      }
      for (const slot of slots.values()) await slot.write();
      return decisions.map((d) => d.cancelled);
    },

    /**
     * Load, decide, write what changed: UPDATE_OPERATIONS, 2, or 4 when the status move changes
     * the slot (movesSlot). For update() and markReminded().
     */
    async change(id: string, decide: (b: BookingRecord | null) => BookingRecord | null) {
      const booking = await bookingAt(id);
      const changed = booking && decide(booking);
      if (!booking || !changed) return null;
      if (movesSlot(booking.status, changed.status)) {
        const slot = await slotAt(booking, booking);
        await slot.change(booking, changed);
        await slot.write();
      } else await updateChanged(doc('bookings', id), booking, changed);
      return changed;
    },
  };
}

/** close() of a transaction that also writes the date's calendar entry (calendar.ts). */
export const closeBookingsIn = (
  tx: CloudTransaction,
  names: BookingCollections,
  ids: string[],
  closing: Pick<Closing, 'after' | 'reason' | 'now'>,
) => inTransaction(tx, names).close(ids, closing);

export function bookingRepo(db: CloudDatabase, names: BookingCollections): BookingRepo {
  const bookings = records(db, names, 'bookings', bookingFromDoc);
  const slots = () => db.collection(names.booking_slots);
  const settings = (community: string, service: string) =>
    db.collection(names.booking_settings).doc(settingsId(community, service));
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
    getBooking: bookings.get,
    /**
     * One query on the slot documents, whatever the number of bookings: every slot ever booked,
     * zeros included once all its bookings are cancelled (as SQLite's GROUP BY over bookings).
     */
    async slotCounts(community, service, date) {
      const query = slots().where({ community, service, date }).orderBy('startsAt', 'asc');
      const docs = await readAll(() => query.field({ _id: true, taken: true, waitlist: true }));
      return docs.map((doc) => {
        const slotId = text(doc, '_id', 'booking_slots/?');
        const where = `booking_slots/${slotId}`;
        const waitlisted = someStrings(doc, 'waitlist', where).length;
        return { slotId, taken: integer(doc, 'taken', where), waitlisted };
      });
    },
    /** 0 when the booking is not on its slot's waitlist (any more). */
    async waitlistPosition(booking) {
      const slot = await getRecord(slots().doc(booking.slotId), slotFromDoc, booking.slotId);
      return slot ? slot.tally.waitlist.indexOf(booking.id) + 1 : 0;
    },
    /** Newest evening first; within one slot, the latest booking first. */
    ofUser: (userId) =>
      bookings.find({ userId }, 'date desc', 'startsAt desc', 'createdAt desc', '_id'),
    /** One query for the user's bookings, then one small transaction per booking (erase). */
    async erasePersonal(userId) {
      let count = 0;
      const mine = await bookings.find({ userId }, '_id');
      for (const b of mine) {
        if (await run((t) => t.erase(b.id, userId))) count += 1;
      }
      // The per-resident list the limits read is named by the user id: it goes too.
      for (const community of new Set(mine.map((b) => b.community))) {
        await db.collection(names.booking_residents).doc(residentId(community, userId)).remove();
      }
      return count;
    },
    /**
     * Up to `limit` bookings left to anonymise (stillPersonal), one transaction each, which also
     * drops the booking (and any other entry past retention) from the resident's
     * booking_residents list, and the list once it is empty.
     */
    async anonymiseBefore(cutoff, limit) {
      const before = { field: 'date', value: cutoff };
      const old = await stillPersonal(db, bookings.first, before, PERSONAL_FIELDS.bookings, limit);
      let count = 0;
      for (const b of old) if (await run((t) => t.retain(b.id, cutoff))) count += 1;
      return count;
    },
    /** In slot order, then in booking order. */
    listForDate: (community, date, service) =>
      bookings.find(
        service === undefined ? { community, date } : { community, date, service },
        'startsAt',
        'createdAt',
        '_id',
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
      bookings.first(limit, { date, status: 'confirmed', remindedAt: null }, 'startsAt', '_id'),
  };
}
