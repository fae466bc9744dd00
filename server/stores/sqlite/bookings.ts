/**
 * Bookings on SQLite: each method that changes bookings reads the rows its core decision
 * (core/booking/decisions.ts) needs and writes the answer, in one IMMEDIATE transaction.
 */
import { newId } from '../../core/kernel/ids';
import type Database from 'better-sqlite3';
import type { BookingSettings } from '../../../contract/booking';
import {
  type CancelDecision,
  decideBook,
  decideCancel,
  decideRemind,
  decideReschedule,
  decideUpdate,
  erasedBooking,
  HOLDING,
  newBooking,
  pickCode,
  SEATED,
  type SlotState,
} from '../../core/booking/decisions';
import type { BookingRecord, BookingRepo, BookRequest, SlotCount } from '../../core/ports';
import type { HeldBooking } from '../../core/community/limits';
import { retainedBooking } from '../../core/retention/rules';
import { connectionCache, grouped, immediate, maybe, statements, table, waitlist } from './rows';
import { dateClosed } from './calendar';

/** A status list for SQL, from the core's list (only fixed status names, never input). */
const inList = (statuses: readonly string[]) => `(${statuses.map((st) => `'${st}'`).join(', ')})`;

export function bookingRepo(db: Database.Database): BookingRepo {
  const bookings = table<BookingRecord>(db, 'bookings');
  const settings = table<BookingSettings>(db, 'booking_settings', {
    json: ['bring', 'weekdays'],
  });
  const line = waitlist(db, bookings, 'slot_id');
  const sql = statements(db);
  /** The write lock is taken before the seat count is read. */
  const atomic = immediate(db);
  /**
   * Bookings made together share a commit (the residents of one evening's opening minute). A
   * booking's one write is its last statement (create's insert): no savepoint each.
   */
  const together = grouped(db, { lastWriteOnly: true });
  const load = (id: string) => bookings.get('id = ?', id);

  const isClosed = dateClosed(db);

  // What every booking asks, spelled once: the texts are not rebuilt nor looked up per request.
  const retriedBy = sql<{ id: string }>(
    "SELECT id FROM bookings WHERE COALESCE(user_id, '') = ? AND request_id = ?",
  );
  const heldIn = sql<{ id: string }>(
    `SELECT id FROM bookings WHERE user_id = ? AND slot_id = ? AND status IN ${inList(HOLDING)}`,
  );
  const seatsTaken = sql<{ n: number }>(
    `SELECT COUNT(*) AS n FROM bookings WHERE slot_id = ? AND status IN ${inList(SEATED)}`,
  );

  /** Inside a transaction: what book() and reschedule() decide on. */
  const slotState = (req: BookRequest): SlotState => ({
    known: {
      retried: retriedBy.get(req.userId ?? '', req.requestId)?.id ?? null,
      held: req.userId ? (heldIn.get(req.userId, req.slotId)?.id ?? null) : null,
    },
    taken: seatsTaken.get(req.slotId)!.n,
    // Read under the same write lock as CalendarRepo.close: a cancellation either committed
    // before (and is read here) or comes after and cancels what this transaction makes.
    closed: isClosed(req.community, req.date),
  });

  const heldOf = sql<HeldBooking>(
    "SELECT id, date, starts_at AS startsAt, status FROM bookings WHERE COALESCE(user_id, '') = ? AND community_id = ? AND date >= ?",
  );
  /** Inside a transaction: the resident's bookings the limits count (any status), or null when uncapped. */
  const heldBy = (req: BookRequest): HeldBooking[] | null =>
    req.caps && req.userId ? heldOf.all(req.userId, req.community, req.caps.from) : null;

  const codeInUse = sql<{ one: 1 }>(
    'SELECT 1 AS one FROM bookings WHERE community_id = ? AND date = ? AND code = ?',
  );
  const create = (req: BookRequest, status: 'confirmed' | 'waitlisted'): BookingRecord => {
    // The candidates tried in order, up to the first free one (pickCode): nearly always the first,
    // one probe of the code index instead of a look-up of all of them.
    const taken = new Set<string>();
    for (const candidate of req.codes) {
      if (codeInUse.get(req.community, req.date, candidate) === undefined) break;
      taken.add(candidate);
    }
    const code = pickCode(req.codes, taken);
    const booking = newBooking(req, newId(), status, code);
    bookings.insert(booking);
    return booking;
  };

  /** Inside a transaction: writes a decided cancellation and the freed seat's promotion. */
  const cancelled = (decided: CancelDecision, now: Date) => {
    bookings.update(decided.cancelled);
    const promoted = line.promote(decided.cancelled.slotId, decided.seatsFreed, 'confirmed', now);
    return { cancelled: decided.cancelled, promoted: promoted[0] ?? null };
  };

  /**
   * A service's settings, kept while data_version holds (another connection's write clears
   * them; this one's own below): every booking reads them, and staff change them rarely. Each
   * caller gets its own copy.
   */
  const kept = connectionCache<BookingSettings | null>(db);
  const readSettings = sql(
    'SELECT slot_minutes, seats_per_slot, cutoff_hours, bring, weekdays FROM booking_settings WHERE community_id = ? AND service = ?',
  );
  const settingsOf = (community: string, service: string): BookingSettings | null => {
    const hit = kept.get(`${community}\u0000${service}`, () =>
      maybe(settings.read, readSettings.get(community, service)),
    );
    return hit && { ...hit, bring: [...hit.bring], weekdays: [...hit.weekdays] };
  };

  return {
    getSettings: async (community, service) => settingsOf(community, service),
    saveSettings: async (community, service, s) => {
      settings.upsert({ community, service, ...s }, ['community', 'service']);
      kept.map.clear();
    },
    book: (req) =>
      together(() => {
        const decision = decideBook(slotState(req), req, heldBy(req));
        if (decision.kind === 'existing') return { kind: 'existing', booking: load(decision.id)! };
        if (decision.kind !== 'create') return decision;
        return { kind: 'created', booking: create(req, decision.status) };
      }),
    getBooking: async (id) => load(id),
    slotCounts: async (community, service, date) =>
      sql<SlotCount>(
        `SELECT slot_id AS slotId, SUM(status IN ${inList(SEATED)}) AS taken, SUM(status = 'waitlisted') AS waitlisted
         FROM bookings WHERE community_id = ? AND service = ? AND date = ? GROUP BY slot_id`,
      ).all(community, service, date),
    waitlistPosition: async (b) => line.position(b.id, b.slotId),
    ofUser: async (userId) =>
      bookings.all("COALESCE(user_id, '') = ? ORDER BY date DESC, starts_at DESC", userId),
    // Every service when none (or '') is given.
    listForDate: async (community, date, service) =>
      bookings.all(
        'community_id = @community AND date = @date AND (@service IS NULL OR service = @service) ORDER BY starts_at, created_at',
        { community, date, service: service || null },
      ),
    update: async (id, from, patch) =>
      atomic(() => bookings.save(decideUpdate(load(id), from, patch))),
    cancel: async (id, from, now) =>
      atomic(() => {
        const decided = decideCancel(load(id), from, now);
        return decided && cancelled(decided, now);
      }),
    reschedule: async (id, req) =>
      atomic(() => {
        const decision = decideReschedule(load(id), slotState(req), req, heldBy(req));
        if (decision.kind === 'existing') {
          return { kind: 'existing', booking: load(decision.id)!, promoted: null };
        }
        if (decision.kind !== 'move') return decision;
        // Cancel first: the unique holder index allows one live booking per user and slot.
        const { promoted } = cancelled(decision.cancel, req.now);
        return { kind: 'moved', booking: create(req, 'confirmed'), promoted };
      }),
    dueReminders: async (date, limit) =>
      bookings.all(
        "date = ? AND status = 'confirmed' AND reminded_at IS NULL ORDER BY starts_at, id LIMIT ?",
        date,
        limit,
      ),
    markReminded: async (id, at) => atomic(() => bookings.save(decideRemind(load(id), at))),
    erasePersonal: async (userId) =>
      atomic(
        () =>
          bookings
            .all("COALESCE(user_id, '') = ?", userId)
            .map((b) => bookings.update(erasedBooking(b))).length,
      ),
    anonymiseBefore: async (cutoff, limit) =>
      atomic(
        () =>
          bookings
            .all(
              "date < ? AND (user_id IS NOT NULL OR name != '' OR phone IS NOT NULL) ORDER BY date, id LIMIT ?",
              cutoff,
              limit,
            )
            .filter((b) => bookings.save(retainedBooking(b, cutoff))).length,
      ),
  };
}
