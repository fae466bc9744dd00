/** The evening roster, companions and comp-time leave (伴 and 调休). The rules are the core's (core/roster/rules.ts): each transaction loads rows, asks the decision and writes it. */
import type Database from 'better-sqlite3';
import type { CompanionRecord, LeaveRecord, RosterRepo, ShiftRecord } from '../../core/ports';
import { retainedCompanion } from '../../core/retention/rules';
import {
  assignedCompanion,
  decidedLeave,
  erasedCompanion,
  erasedNote,
  firstCompanion,
} from '../../core/roster/rules';
import { immediate, table } from './rows';

export function rosterRepo(db: Database.Database): RosterRepo {
  const shifts = table<ShiftRecord>(db, 'shifts');
  const companions = table<CompanionRecord>(db, 'companions');
  const leave = table<LeaveRecord>(db, 'comp_leave');
  // IMMEDIATE: each decision reads under the write lock.
  const atomic = immediate(db);
  const companion = (id: string) => companions.get('id = ?', id);
  /** Erase and retention: the request removed, or written anonymised, as the core decided. */
  const rewrite = (c: CompanionRecord, outcome: CompanionRecord | 'delete') =>
    outcome === 'delete' ? companions.remove('id = ?', c.id) : companions.update(outcome);
  return {
    addShift: async (s) => {
      shifts.insert(s);
    },
    getShift: async (id) => shifts.get('id = ?', id),
    shifts: async (community, date) =>
      shifts.all('community_id = ? AND date = ? ORDER BY start, rowid', community, date),
    shiftsOf: async (worker) => shifts.all('worker = ? ORDER BY date DESC, start', worker),
    logEnd: async (id, loggedEnd, compMinutes) => {
      shifts.update({ id, loggedEnd, compMinutes });
      return shifts.get('id = ?', id);
    },
    addCompanion: async (request) =>
      atomic(() => {
        const decided = firstCompanion(companions.get('subject = ?', request.subject), request);
        if (decided.created) companions.insert(request);
        return decided.record;
      }),
    getCompanion: async (id) => companion(id),
    companionOf: async (subject) => companions.get('subject = ?', subject),
    companions: async (community, date) =>
      companions.all('community_id = ? AND date = ? ORDER BY created_at, rowid', community, date),
    companionsOf: async (worker) =>
      companions.all('worker = ? ORDER BY date DESC, created_at', worker),
    assignCompanion: async (id, worker, workerName) =>
      atomic(() => {
        const current = companion(id);
        return companions.save(current && assignedCompanion(current, worker, workerName));
      }),
    eraseCompanions: async (userId) =>
      atomic(() => {
        const mine = companions.all('user_id = ?', userId);
        for (const c of mine) rewrite(c, erasedCompanion(c));
        return mine.length;
      }),
    anonymiseCompanionsBefore: async (cutoff, limit) =>
      atomic(
        () =>
          companions
            .all("date < ? AND user_id != '' ORDER BY date, id LIMIT ?", cutoff, limit)
            .filter((c) => {
              const retained = retainedCompanion(c, cutoff);
              if (retained !== null) rewrite(c, retained);
              return retained !== null;
            }).length,
      ),
    clearNotes: async (before) =>
      atomic(
        () =>
          companions
            .all("date < ? AND note != ''", before)
            .filter((c) => companions.save(erasedNote(c))).length,
      ),
    addLeave: async (l) => {
      leave.insert(l);
    },
    getLeave: async (id) => leave.get('id = ?', id),
    pendingLeave: async () => leave.all("status = 'pending' ORDER BY created_at, rowid"),
    leaveOf: async (worker) => leave.all('worker = ? ORDER BY created_at DESC, rowid DESC', worker),
    decideLeave: async (id, status, by) =>
      atomic(() => leave.save(decidedLeave(leave.get('id = ?', id), status, by))),
  };
}
