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
import { promoteNext } from '../../core/waitlist';
import type { HeldBooking } from '../../core/community/limits';
import { maybe, rowParams, rowReader, type Row, type RowShape } from './rows';

const SETTINGS: RowShape = { json: ['bring', 'weekdays'] };
const toSettings = rowReader<BookingSettings>(SETTINGS);
const toBooking = rowReader<BookingRecord>();

/** A status list for SQL, from the core's list (only fixed status names, never input). */
const inList = (statuses: readonly string[]) => `(${statuses.map((st) => `'${st}'`).join(', ')})`;

export function bookingRepo(db: Database.Database): BookingRepo {
  /** `work` in one IMMEDIATE transaction: the write lock is taken before the seat count is read. */
  const atomic = db.transaction((work: () => unknown) => work());
  const immediate = <R>(work: () => R) => atomic.immediate(work) as R;
  const select = <P extends unknown[]>(where: string) =>
    db.prepare<P, Row>(`SELECT * FROM bookings WHERE ${where}`);

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
  const byId = select<[string]>('id = ?');
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
  const waiting = select<[string, number]>(
    "slot_id = ? AND status = 'waitlisted' ORDER BY waitlisted_at, rowid LIMIT ?",
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
  const ofUser = select<[string]>('user_id = ? ORDER BY date DESC, starts_at DESC');
  // Every service when none (or '') is given.
  const forDate = select<[{ community: string; date: string; service: string | null }]>(
    'community_id = @community AND date = @date AND (@service IS NULL OR service = @service) ORDER BY starts_at, created_at',
  );
  const due = select<[string, number]>(
    "date = ? AND status = 'confirmed' AND reminded_at IS NULL ORDER BY starts_at, id LIMIT ?",
  );
  // A resident's bookings in a community from a day on, any status: what the limits count.
  const heldStmt = db.prepare<[string, string, string], HeldBooking>(
    'SELECT id, date, starts_at AS startsAt, status FROM bookings WHERE community_id = ? AND user_id = ? AND date >= ?',
  );
  const ofUserForErase = select<[string]>('user_id = ?');
  const writeErased = db.prepare(
    'UPDATE bookings SET user_id = @userId, name = @name, phone = @phone, request_id = @requestId WHERE id = @id',
  );
  const erase = db.transaction(
    (userId: string) =>
      ofUserForErase.all(userId).map((row) => writeErased.run(erasedBooking(toBooking(row))))
        .length,
  );

  const load = (id: string) => maybe(toBooking, byId.get(id));

  /** Inside a transaction: what book() and reschedule() decide on. */
  const slotState = (req: BookRequest): SlotState => ({
    known: {
      retried: byRequest.get(req.userId ?? '', req.requestId)?.id ?? null,
      held: req.userId ? (holderOf.get(req.userId, req.slotId)?.id ?? null) : null,
    },
    taken: seatsTaken.get(req.slotId)!.n,
  });

  /** Inside a transaction: the resident's bookings the limits count, or null when uncapped. */
  const heldBy = (req: BookRequest): HeldBooking[] | null =>
    req.caps && req.userId ? heldStmt.all(req.community, req.userId, req.caps.from) : null;

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
    const line = waiting.all(decided.cancelled.slotId, decided.seatsFreed).map(toBooking);
    const promoted = promoteNext(line, decided.seatsFreed, 'confirmed', now.toISOString());
    for (const b of promoted) write.run(b);
    return { cancelled: decided.cancelled, promoted: promoted[0] ?? null };
  };

  /** Load, decide, write: for update() and markReminded(). */
  const change = (id: string, decide: (b: BookingRecord | null) => BookingRecord | null) =>
    immediate(() => {
      const changed = decide(load(id));
      if (changed) write.run(changed);
      return changed;
    });

  return {
    getSettings: async (community, service) =>
      maybe(toSettings, settingsStmt.get(community, service)),
    saveSettings: async (community, service, settings) => {
      saveSettingsStmt.run(rowParams({ community, service, ...settings }, SETTINGS));
    },
    book: async (req) =>
      immediate(() => {
        const decision = decideBook(slotState(req), req, heldBy(req));
        if (decision.kind === 'existing') return { kind: 'existing', booking: load(decision.id)! };
        if (decision.kind === 'full' || decision.kind === 'limited') return decision;
        return { kind: 'created', booking: create(req, decision.status) };
      }),
    getBooking: async (id) => load(id),
    slotCounts: async (community, service, date) => counts.all(community, service, date),
    waitlistPosition: async (b) => position.get(b.id, b.slotId)!.n,
    ofUser: async (userId) => ofUser.all(userId).map(toBooking),
    listForDate: async (community, date, service) =>
      forDate.all({ community, date, service: service || null }).map(toBooking),
    update: async (id, from, patch) => change(id, (b) => decideUpdate(b, from, patch)),
    cancel: async (id, from, now) =>
      immediate(() => {
        const decided = decideCancel(load(id), from, now);
        return decided && cancelled(decided, now);
      }),
    reschedule: async (id, req) =>
      immediate(() => {
        const decision = decideReschedule(load(id), slotState(req), req, heldBy(req));
        if (decision.kind === 'existing') {
          return { kind: 'existing', booking: load(decision.id)!, promoted: null };
        }
        if (decision.kind !== 'move') return decision;
        // Cancel first: the unique holder index allows one live booking per user and slot.
        const { promoted } = cancelled(decision.cancel, req.now);
        return { kind: 'moved', booking: create(req, 'confirmed'), promoted };
      }),
    dueReminders: async (date, limit) => due.all(date, limit).map(toBooking),
    markReminded: async (id, at) => change(id, (b) => decideRemind(b, at)),
    erasePersonal: async (userId) => erase.immediate(userId),
  };
}
