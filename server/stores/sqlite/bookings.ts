import { newId } from '../../core/kernel/ids';
import type Database from 'better-sqlite3';
import type { BookingSettings, BookingStatus } from '../../../contract/booking';
import {
  type CancelDecision,
  decideBook,
  decideCancel,
  decideRemind,
  decideReschedule,
  decideUpdate,
  HOLDING,
  newBooking,
  pickCode,
  SEATED,
  type SlotState,
} from '../../core/booking/decisions';
import type {
  BookingRecord,
  BookingRepo,
  BookOutcome,
  BookRequest,
  SlotCount,
} from '../../core/ports';
import { promoteNext } from '../../core/waitlist';
import { maybe, rowParams, rowReader, type Row, type RowShape } from './rows';

const SETTINGS: RowShape = { json: ['bring', 'weekdays'] };
const toSettings = rowReader<BookingSettings>(SETTINGS);

/** The columns as BookingRecord fields, so a row reads as a record. */
const RECORD = `id, community_id AS community, service, date, starts_at AS startsAt, slot_id AS slotId,
  status, user_id AS userId, COALESCE(code, '') AS code, name, phone, request_id AS requestId,
  created_at AS createdAt, waitlisted_at AS waitlistedAt, promoted_at AS promotedAt,
  checked_in_at AS checkedInAt, closed_at AS closedAt, reminded_at AS remindedAt`;

/** A status list for SQL, from the core's list (only fixed status names, never input). */
const inList = (statuses: readonly string[]) => `(${statuses.map((st) => `'${st}'`).join(', ')})`;

export function bookingRepo(db: Database.Database): BookingRepo {
  const settingsStmt = db.prepare<[string, string], Row>(
    'SELECT slot_minutes, seats_per_slot, cutoff_hours, bring, weekdays FROM booking_settings WHERE community_id = ? AND service = ?',
  );
  const saveSettingsStmt = db.prepare(
    `INSERT INTO booking_settings (community_id, service, slot_minutes, seats_per_slot, cutoff_hours, bring, weekdays)
     VALUES (@community, @service, @slotMinutes, @seatsPerSlot, @cutoffHours, @bring, @weekdays)
     ON CONFLICT (community_id, service) DO UPDATE SET slot_minutes = excluded.slot_minutes,
       seats_per_slot = excluded.seats_per_slot, cutoff_hours = excluded.cutoff_hours, bring = excluded.bring,
       weekdays = excluded.weekdays`,
  );
  const byId = db.prepare<[string], BookingRecord>(`SELECT ${RECORD} FROM bookings WHERE id = ?`);
  const byRequest = db.prepare<[string, string], { id: string }>(
    "SELECT id FROM bookings WHERE COALESCE(user_id, '') = ? AND request_id = ?",
  );
  const holderOf = db.prepare<[string, string], { id: string }>(
    `SELECT id FROM bookings WHERE user_id = ? AND slot_id = ? AND status IN ${inList(HOLDING)}`,
  );
  const seatsTaken = db.prepare<[string], { n: number }>(
    `SELECT COUNT(*) AS n FROM bookings WHERE slot_id = ? AND status IN ${inList(SEATED)}`,
  );
  // The line in arrival order: waitlistedAt, then insertion order for the same instant.
  const waiting = db.prepare<[string, number], BookingRecord>(
    `SELECT ${RECORD} FROM bookings WHERE slot_id = ? AND status = 'waitlisted' ORDER BY waitlisted_at, rowid LIMIT ?`,
  );
  const insert = db.prepare(
    `INSERT INTO bookings (id, community_id, service, date, starts_at, slot_id, status, user_id, code, name, phone, request_id, created_at, waitlisted_at)
     VALUES (@id, @community, @service, @date, @startsAt, @slotId, @status, @userId, @code, @name, @phone, @requestId, @createdAt, @waitlistedAt)`,
  );
  const codesTaken = db.prepare<[string, string, string], { code: string }>(
    'SELECT code FROM bookings WHERE community_id = ? AND date = ? AND code IN (SELECT value FROM json_each(?))',
  );
  // Every field a decision may change, from the record it answered.
  const write = db.prepare(
    `UPDATE bookings SET status = @status, waitlisted_at = @waitlistedAt, promoted_at = @promotedAt,
       checked_in_at = @checkedInAt, closed_at = @closedAt, reminded_at = @remindedAt WHERE id = @id`,
  );
  const counts = db.prepare<[string, string, string], SlotCount>(
    `SELECT slot_id AS slotId, SUM(status IN ${inList(SEATED)}) AS taken, SUM(status = 'waitlisted') AS waitlisted
     FROM bookings WHERE community_id = ? AND service = ? AND date = ? GROUP BY slot_id`,
  );
  // Arrival order: waitlistedAt, then insertion order (rowid) for bookings made in the same instant.
  const position = db.prepare<[string, string], { n: number }>(
    `SELECT COUNT(*) AS n FROM bookings b, (SELECT waitlisted_at AS w, rowid AS r FROM bookings WHERE id = ?) me
     WHERE b.slot_id = ? AND b.status = 'waitlisted' AND (b.waitlisted_at < me.w OR (b.waitlisted_at = me.w AND b.rowid <= me.r))`,
  );
  const ofUser = db.prepare<[string], BookingRecord>(
    `SELECT ${RECORD} FROM bookings WHERE user_id = ? ORDER BY date DESC, starts_at DESC`,
  );
  const forDate = db.prepare<[string, string], BookingRecord>(
    `SELECT ${RECORD} FROM bookings WHERE community_id = ? AND date = ? ORDER BY starts_at, created_at`,
  );
  const forDateService = db.prepare<[string, string, string], BookingRecord>(
    `SELECT ${RECORD} FROM bookings WHERE community_id = ? AND date = ? AND service = ? ORDER BY starts_at, created_at`,
  );
  const due = db.prepare<[string, number], BookingRecord>(
    `SELECT ${RECORD} FROM bookings WHERE date = ? AND status = 'confirmed' AND reminded_at IS NULL ORDER BY starts_at, id LIMIT ?`,
  );

  const load = (id: string) => byId.get(id) ?? null;

  /** Inside a transaction: what book() and reschedule() decide on. */
  const slotState = (req: BookRequest): SlotState => ({
    known: {
      retried: byRequest.get(req.userId ?? '', req.requestId)?.id ?? null,
      held: req.userId ? (holderOf.get(req.userId, req.slotId)?.id ?? null) : null,
    },
    taken: seatsTaken.get(req.slotId)!.n,
  });

  const create = (req: BookRequest, status: 'confirmed' | 'waitlisted'): BookingRecord => {
    const taken = codesTaken.all(req.community, req.date, JSON.stringify(req.codes));
    const code = pickCode(req.codes, new Set(taken.map((r) => r.code)));
    const booking = newBooking(req, newId(), status, code);
    insert.run(booking);
    return booking;
  };

  /** Inside a transaction: writes a decided cancellation and the freed seat's promotion. */
  const cancelled = (decided: CancelDecision, now: Date) => {
    write.run(decided.cancelled);
    const line = waiting.all(decided.cancelled.slotId, decided.seatsFreed);
    const promoted = promoteNext(line, decided.seatsFreed, 'confirmed', now.toISOString());
    for (const b of promoted) write.run(b);
    return { cancelled: decided.cancelled, promoted: promoted[0] ?? null };
  };

  const book = db.transaction((req: BookRequest): BookOutcome => {
    const decision = decideBook(slotState(req), req);
    if (decision.kind === 'existing') return { kind: 'existing', booking: load(decision.id)! };
    if (decision.kind === 'full') return decision;
    return { kind: 'created', booking: create(req, decision.status) };
  });

  const cancel = db.transaction((id: string, from: BookingStatus[], now: Date) => {
    const decided = decideCancel(load(id), from, now);
    return decided && cancelled(decided, now);
  });

  const reschedule = db.transaction((id: string, req: BookRequest) => {
    const decision = decideReschedule(load(id), slotState(req), req);
    if (decision.kind === 'existing') {
      return { kind: 'existing' as const, booking: load(decision.id)!, promoted: null };
    }
    if (decision.kind !== 'move') return decision;
    // Cancel first: the unique holder index allows one live booking per user and slot.
    const { promoted } = cancelled(decision.cancel, req.now);
    return { kind: 'moved' as const, booking: create(req, 'confirmed'), promoted };
  });

  /** Load, decide, write: for update() and markReminded(). */
  const change = db.transaction(
    (id: string, decide: (b: BookingRecord | null) => BookingRecord | null) => {
      const changed = decide(load(id));
      if (changed) write.run(changed);
      return changed;
    },
  );

  return {
    getSettings: async (community, service) =>
      maybe(toSettings, settingsStmt.get(community, service)),
    saveSettings: async (community, service, settings) => {
      saveSettingsStmt.run(rowParams({ community, service, ...settings }, SETTINGS));
    },
    // IMMEDIATE: the write lock is taken before the seat count is read.
    book: async (request) => book.immediate(request),
    getBooking: async (id) => load(id),
    slotCounts: async (community, service, date) => counts.all(community, service, date),
    waitlistPosition: async (b) => position.get(b.id, b.slotId)!.n,
    ofUser: async (userId) => ofUser.all(userId),
    listForDate: async (community, date, service) =>
      service ? forDateService.all(community, date, service) : forDate.all(community, date),
    update: async (id, from, patch) => change.immediate(id, (b) => decideUpdate(b, from, patch)),
    cancel: async (id, from, now) => cancel.immediate(id, from, now),
    reschedule: async (id, request) => reschedule.immediate(id, request),
    dueReminders: async (date, limit) => due.all(date, limit),
    markReminded: async (id, at) => change.immediate(id, (b) => decideRemind(b, at)),
    erasePersonal: async (userId) =>
      db
        .prepare(
          "UPDATE bookings SET phone = NULL, name = '' WHERE user_id = ? AND (phone IS NOT NULL OR name != '')",
        )
        .run(userId).changes,
  };
}
