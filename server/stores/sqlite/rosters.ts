/** The evening roster, companions and comp-time leave (伴 and 调休). The rules are the core's (core/roster/rules.ts): each transaction loads rows, asks the decision and writes it. */
import type Database from 'better-sqlite3';
import type { CompanionRecord, LeaveRecord, RosterRepo, ShiftRecord } from '../../core/ports';
import {
  assignedCompanion,
  decidedLeave,
  erasedCompanion,
  erasedNote,
  firstCompanion,
} from '../../core/roster/rules';
import { maybe, rowReader, type Row } from './rows';

const toShift = rowReader<ShiftRecord>();
const toCompanion = rowReader<CompanionRecord>();
const toLeave = rowReader<LeaveRecord>();

export function rosterRepo(db: Database.Database): RosterRepo {
  const addShift = db.prepare(
    `INSERT INTO shifts (id, community_id, date, worker, name, start, end, logged_end, comp_minutes, created_at)
     VALUES (@id, @community, @date, @worker, @name, @start, @end, @loggedEnd, @compMinutes, @createdAt)`,
  );
  const shiftById = db.prepare<[string], Row>('SELECT * FROM shifts WHERE id = ?');
  const shifts = db.prepare<[string, string], Row>(
    'SELECT * FROM shifts WHERE community_id = ? AND date = ? ORDER BY start, rowid',
  );
  const shiftsOf = db.prepare<[string], Row>(
    'SELECT * FROM shifts WHERE worker = ? ORDER BY date DESC, start',
  );
  const logEnd = db.prepare('UPDATE shifts SET logged_end = ?, comp_minutes = ? WHERE id = ?');
  const insertCompanion = db.prepare(
    `INSERT INTO companions (id, community_id, date, user_id, subject, about, note, worker, worker_name, status, created_at)
     VALUES (@id, @community, @date, @userId, @subject, @about, @note, @worker, @workerName, @status, @createdAt)`,
  );
  const writeCompanion = db.prepare(
    'UPDATE companions SET note = @note, worker = @worker, worker_name = @workerName, status = @status WHERE id = @id',
  );
  const companionBySubject = db.prepare<[string], Row>(
    'SELECT * FROM companions WHERE subject = ?',
  );
  const companionsOfUser = db.prepare<[string], Row>('SELECT * FROM companions WHERE user_id = ?');
  const writeErased = db.prepare(
    'UPDATE companions SET user_id = @userId, subject = @subject, about = @about, note = @note WHERE id = @id',
  );
  const deleteCompanion = db.prepare('DELETE FROM companions WHERE id = ?');
  const withNotesBefore = db.prepare<[string], Row>(
    "SELECT * FROM companions WHERE date < ? AND note != ''",
  );
  const companionById = db.prepare<[string], Row>('SELECT * FROM companions WHERE id = ?');
  const companions = db.prepare<[string, string], Row>(
    'SELECT * FROM companions WHERE community_id = ? AND date = ? ORDER BY created_at, rowid',
  );
  const companionsOf = db.prepare<[string], Row>(
    'SELECT * FROM companions WHERE worker = ? ORDER BY date DESC, created_at',
  );
  const addLeave = db.prepare(
    `INSERT INTO comp_leave (id, worker, name, community_id, date, minutes, note, status, created_at, decided_by)
     VALUES (@id, @worker, @name, @community, @date, @minutes, @note, @status, @createdAt, @decidedBy)`,
  );
  const leaveById = db.prepare<[string], Row>('SELECT * FROM comp_leave WHERE id = ?');
  const pending = db.prepare<[], Row>(
    "SELECT * FROM comp_leave WHERE status = 'pending' ORDER BY created_at, rowid",
  );
  const leaveOf = db.prepare<[string], Row>(
    'SELECT * FROM comp_leave WHERE worker = ? ORDER BY created_at DESC, rowid DESC',
  );
  const writeLeave = db.prepare(
    'UPDATE comp_leave SET status = @status, decided_by = @decidedBy WHERE id = @id',
  );
  const one = <T>(row: Row | undefined, map: (r: Row) => T) => maybe(map, row);
  /** Writes a companion request the core decided on (null: nothing to write). */
  const saveCompanion = (next: CompanionRecord | null) => {
    if (next) writeCompanion.run(next);
    return next;
  };
  const addCompanion = db.transaction((request: CompanionRecord) => {
    const decided = firstCompanion(
      one(companionBySubject.get(request.subject), toCompanion),
      request,
    );
    if (decided.created) insertCompanion.run(request);
    return decided.record;
  });
  const assign = db.transaction((id: string, worker: string, workerName: string) => {
    const current = one(companionById.get(id), toCompanion);
    return saveCompanion(current && assignedCompanion(current, worker, workerName));
  });
  const erase = db.transaction((userId: string) => {
    const mine = companionsOfUser.all(userId).map(toCompanion);
    for (const c of mine) {
      const erased = erasedCompanion(c);
      if (erased === 'delete') deleteCompanion.run(c.id);
      else writeErased.run(erased);
    }
    return mine.length;
  });
  const clearNotes = db.transaction(
    (before: string) =>
      withNotesBefore.all(before).filter((r) => saveCompanion(erasedNote(toCompanion(r)))).length,
  );
  const decide = db.transaction((id: string, status: 'approved' | 'refused', by: string) => {
    const next = decidedLeave(one(leaveById.get(id), toLeave), status, by);
    if (next) writeLeave.run(next);
    return next;
  });
  return {
    addShift: async (s) => {
      addShift.run(s);
    },
    getShift: async (id) => one(shiftById.get(id), toShift),
    shifts: async (community, date) => shifts.all(community, date).map(toShift),
    shiftsOf: async (worker) => shiftsOf.all(worker).map(toShift),
    logEnd: async (id, loggedEnd, compMinutes) => {
      logEnd.run(loggedEnd, compMinutes, id);
      return one(shiftById.get(id), toShift);
    },
    // IMMEDIATE: each decision reads under the write lock.
    addCompanion: async (c) => addCompanion.immediate(c),
    getCompanion: async (id) => one(companionById.get(id), toCompanion),
    companionOf: async (subject) => one(companionBySubject.get(subject), toCompanion),
    companions: async (community, date) => companions.all(community, date).map(toCompanion),
    companionsOf: async (worker) => companionsOf.all(worker).map(toCompanion),
    assignCompanion: async (id, worker, workerName) => assign.immediate(id, worker, workerName),
    eraseCompanions: async (userId) => erase.immediate(userId),
    clearNotes: async (before) => clearNotes.immediate(before),
    addLeave: async (l) => {
      addLeave.run(l);
    },
    getLeave: async (id) => one(leaveById.get(id), toLeave),
    pendingLeave: async () => pending.all().map(toLeave),
    leaveOf: async (worker) => leaveOf.all(worker).map(toLeave),
    decideLeave: async (id, status, by) => decide.immediate(id, status, by),
  };
}
