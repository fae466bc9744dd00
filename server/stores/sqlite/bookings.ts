import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { BookingSettings, BookingStatus } from '../../../contract/booking';
import type {
  BookingPatch,
  BookingRecord,
  BookingRepo,
  BookOutcome,
  BookRequest,
} from '../../core/ports';

interface BookingRow {
  id: string;
  community_id: string;
  service: string;
  date: string;
  starts_at: string;
  slot_id: string;
  status: BookingStatus;
  user_id: string | null;
  code: string | null;
  name: string;
  phone: string | null;
  request_id: string;
  created_at: string;
  waitlisted_at: string | null;
  promoted_at: string | null;
  checked_in_at: string | null;
  closed_at: string | null;
  reminded_at: string | null;
}

const toBooking = (r: BookingRow): BookingRecord => ({
  id: r.id,
  community: r.community_id,
  service: r.service,
  date: r.date,
  startsAt: r.starts_at,
  slotId: r.slot_id,
  status: r.status,
  userId: r.user_id,
  code: r.code ?? '',
  name: r.name,
  phone: r.phone,
  requestId: r.request_id,
  createdAt: r.created_at,
  waitlistedAt: r.waitlisted_at,
  promotedAt: r.promoted_at,
  checkedInAt: r.checked_in_at,
  closedAt: r.closed_at,
  remindedAt: r.reminded_at,
});

const COLUMNS: Record<keyof BookingPatch, string> = {
  status: 'status',
  checkedInAt: 'checked_in_at',
  closedAt: 'closed_at',
  remindedAt: 'reminded_at',
};

/** Statuses that hold a seat in the slot. */
const SEATED = "('confirmed', 'checked-in', 'completed', 'no-show')";

export function bookingRepo(db: Database.Database): BookingRepo {
  const settingsStmt = db.prepare<
    [string, string],
    {
      slot_minutes: number;
      seats_per_slot: number;
      cutoff_hours: number;
      bring: string;
      weekdays: string;
    }
  >(
    'SELECT slot_minutes, seats_per_slot, cutoff_hours, bring, weekdays FROM booking_settings WHERE community_id = ? AND service = ?',
  );
  const saveSettingsStmt = db.prepare(
    `INSERT INTO booking_settings (community_id, service, slot_minutes, seats_per_slot, cutoff_hours, bring, weekdays)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (community_id, service) DO UPDATE SET slot_minutes = excluded.slot_minutes,
       seats_per_slot = excluded.seats_per_slot, cutoff_hours = excluded.cutoff_hours, bring = excluded.bring,
       weekdays = excluded.weekdays`,
  );
  const byId = db.prepare<[string], BookingRow>('SELECT * FROM bookings WHERE id = ?');
  const byRequest = db.prepare<[string, string], BookingRow>(
    "SELECT * FROM bookings WHERE COALESCE(user_id, '') = ? AND request_id = ?",
  );
  const holderOf = db.prepare<[string, string], BookingRow>(
    "SELECT * FROM bookings WHERE user_id = ? AND slot_id = ? AND status IN ('confirmed', 'waitlisted', 'checked-in')",
  );
  const seatsTaken = db.prepare<[string], { n: number }>(
    `SELECT COUNT(*) AS n FROM bookings WHERE slot_id = ? AND status IN ${SEATED}`,
  );
  const firstWaiting = db.prepare<[string], BookingRow>(
    "SELECT * FROM bookings WHERE slot_id = ? AND status = 'waitlisted' ORDER BY waitlisted_at, rowid LIMIT 1",
  );
  const insert = db.prepare(
    `INSERT INTO bookings (id, community_id, service, date, starts_at, slot_id, status, user_id, code, name, phone, request_id, created_at, waitlisted_at)
     VALUES (@id, @community, @service, @date, @startsAt, @slotId, @status, @userId, @code, @name, @phone, @requestId, @createdAt, @waitlistedAt)`,
  );
  const codeTaken = db.prepare<[string, string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM bookings WHERE community_id = ? AND date = ? AND code = ?',
  );
  const promote = db.prepare(
    "UPDATE bookings SET status = 'confirmed', promoted_at = ?, waitlisted_at = NULL WHERE id = ? AND status = 'waitlisted'",
  );
  const cancelStmt = db.prepare(
    "UPDATE bookings SET status = 'cancelled', closed_at = ? WHERE id = ?",
  );
  const counts = db.prepare<
    [string, string, string],
    { slot_id: string; taken: number; waitlisted: number }
  >(
    `SELECT slot_id, SUM(status IN ${SEATED}) AS taken, SUM(status = 'waitlisted') AS waitlisted
     FROM bookings WHERE community_id = ? AND service = ? AND date = ? GROUP BY slot_id`,
  );
  // Arrival order: waitlistedAt, then insertion order (rowid) for bookings made in the same instant.
  const position = db.prepare<[string, string], { n: number }>(
    `SELECT COUNT(*) AS n FROM bookings b, (SELECT waitlisted_at AS w, rowid AS r FROM bookings WHERE id = ?) me
     WHERE b.slot_id = ? AND b.status = 'waitlisted' AND (b.waitlisted_at < me.w OR (b.waitlisted_at = me.w AND b.rowid <= me.r))`,
  );
  const ofUser = db.prepare<[string], BookingRow>(
    'SELECT * FROM bookings WHERE user_id = ? ORDER BY date DESC, starts_at DESC',
  );
  const forDate = db.prepare<[string, string], BookingRow>(
    'SELECT * FROM bookings WHERE community_id = ? AND date = ? ORDER BY starts_at, created_at',
  );
  const forDateService = db.prepare<[string, string, string], BookingRow>(
    'SELECT * FROM bookings WHERE community_id = ? AND date = ? AND service = ? ORDER BY starts_at, created_at',
  );
  const due = db.prepare<[string, number], BookingRow>(
    "SELECT * FROM bookings WHERE date = ? AND status = 'confirmed' AND reminded_at IS NULL ORDER BY starts_at, id LIMIT ?",
  );

  // One statement whose condition is the compare: two connections cannot both mark a booking.
  const markRemindedStmt = db.prepare(
    "UPDATE bookings SET reminded_at = ? WHERE id = ? AND status = 'confirmed' AND reminded_at IS NULL",
  );

  /** Inside a transaction: the same request, or this user's live booking of the slot. */
  const existing = (req: BookRequest): BookingRecord | null => {
    const retried = byRequest.get(req.userId ?? '', req.requestId);
    if (retried) return toBooking(retried);
    const held = req.userId ? holderOf.get(req.userId, req.slotId) : undefined;
    return held ? toBooking(held) : null;
  };

  /** Inside the booking's transaction: the first candidate no booking of that evening has. */
  const freeCode = (req: BookRequest): string => {
    const code = req.codes.find((c) => codeTaken.get(req.community, req.date, c)!.n === 0);
    if (code === undefined) throw new Error(`No free booking code among ${req.codes.length}`);
    return code;
  };

  const create = (req: BookRequest, status: 'confirmed' | 'waitlisted'): BookingRecord => {
    const id = crypto.randomBytes(9).toString('base64url');
    const at = req.now.toISOString();
    insert.run({
      id,
      community: req.community,
      service: req.service,
      date: req.date,
      startsAt: req.startsAt,
      slotId: req.slotId,
      status,
      userId: req.userId,
      code: freeCode(req),
      name: req.name,
      phone: req.phone,
      requestId: req.requestId,
      createdAt: at,
      waitlistedAt: status === 'waitlisted' ? at : null,
    });
    return toBooking(byId.get(id)!);
  };

  /** Inside a transaction: cancels and hands a freed seat to the first on the waitlist. */
  const cancelRow = (row: BookingRow, now: Date) => {
    const at = now.toISOString();
    cancelStmt.run(at, row.id);
    let promoted: BookingRecord | null = null;
    if (row.status === 'confirmed' || row.status === 'checked-in') {
      const next = firstWaiting.get(row.slot_id);
      if (next && promote.run(at, next.id).changes === 1) promoted = toBooking(byId.get(next.id)!);
    }
    return { cancelled: toBooking(byId.get(row.id)!), promoted };
  };

  const book = db.transaction((req: BookRequest): BookOutcome => {
    const found = existing(req);
    if (found) return { kind: 'existing', booking: found };
    const seated = seatsTaken.get(req.slotId)!.n < req.seats;
    if (!seated && !req.waitlist) return { kind: 'full' };
    return { kind: 'created', booking: create(req, seated ? 'confirmed' : 'waitlisted') };
  });

  const cancel = db.transaction((id: string, from: BookingStatus[], now: Date) => {
    const row = byId.get(id);
    if (!row || !from.includes(row.status)) return null;
    return cancelRow(row, now);
  });

  const reschedule = db.transaction((id: string, req: BookRequest) => {
    const found = existing(req);
    if (found && found.id !== id)
      return { kind: 'existing' as const, booking: found, promoted: null };
    const old = byId.get(id);
    if (!old || (old.status !== 'confirmed' && old.status !== 'waitlisted'))
      return { kind: 'stale' as const };
    if (seatsTaken.get(req.slotId)!.n >= req.seats) return { kind: 'full' as const };
    // Cancel first: the unique holder index allows one live booking per user and slot.
    const { promoted } = cancelRow(old, req.now);
    const booking = create(req, 'confirmed');
    return { kind: 'moved' as const, booking, promoted };
  });

  const update = db.transaction((id: string, from: BookingStatus[], patch: BookingPatch) => {
    const row = byId.get(id);
    if (!row || !from.includes(row.status)) return null;
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as Array<
      [keyof BookingPatch, unknown]
    >;
    if (entries.length > 0) {
      db.prepare(
        `UPDATE bookings SET ${entries.map(([k]) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`,
      ).run(...entries.map(([, v]) => v), id);
    }
    return toBooking(byId.get(id)!);
  });

  return {
    getSettings: async (community, service): Promise<BookingSettings | null> => {
      const row = settingsStmt.get(community, service);
      return row
        ? {
            slotMinutes: row.slot_minutes,
            seatsPerSlot: row.seats_per_slot,
            cutoffHours: row.cutoff_hours,
            bring: JSON.parse(row.bring) as string[],
            weekdays: JSON.parse(row.weekdays) as number[],
          }
        : null;
    },
    saveSettings: async (community, service, s) => {
      saveSettingsStmt.run(
        community,
        service,
        s.slotMinutes,
        s.seatsPerSlot,
        s.cutoffHours,
        JSON.stringify(s.bring),
        JSON.stringify(s.weekdays),
      );
    },
    // IMMEDIATE: the write lock is taken before the seat count is read.
    book: async (request) => book.immediate(request),
    getBooking: async (id) => {
      const row = byId.get(id);
      return row ? toBooking(row) : null;
    },
    slotCounts: async (community, service, date) =>
      counts
        .all(community, service, date)
        .map((r) => ({ slotId: r.slot_id, taken: r.taken, waitlisted: r.waitlisted })),
    waitlistPosition: async (b) => position.get(b.id, b.slotId)!.n,
    ofUser: async (userId) => ofUser.all(userId).map(toBooking),
    listForDate: async (community, date, service) =>
      (service ? forDateService.all(community, date, service) : forDate.all(community, date)).map(
        toBooking,
      ),
    update: async (id, from, patch) => update.immediate(id, from, patch),
    cancel: async (id, from, now) => cancel.immediate(id, from, now),
    reschedule: async (id, request) => reschedule.immediate(id, request),
    dueReminders: async (date, limit) => due.all(date, limit).map(toBooking),
    markReminded: async (id, at) => {
      if (markRemindedStmt.run(at, id).changes !== 1) return null;
      return toBooking(byId.get(id)!);
    },
    erasePersonal: async (userId) =>
      db
        .prepare(
          "UPDATE bookings SET phone = NULL, name = '' WHERE user_id = ? AND (phone IS NOT NULL OR name != '')",
        )
        .run(userId).changes,
  };
}
