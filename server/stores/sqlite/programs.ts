/** The rules are the core's (core/program/roster.ts and survey.ts): each transaction loads rows, asks the decision and writes it. */
import type Database from 'better-sqlite3';
import type { Candidate, RoundStatus } from '../../../contract/program';
import type {
  CompanionRecord,
  LeaveRecord,
  ReportRepo,
  RosterRepo,
  RoundRecord,
  ShiftRecord,
  SurveyRepo,
  VoteRecord,
} from '../../core/ports';
import {
  assignedCompanion,
  decidedLeave,
  erasedNote,
  firstCompanion,
} from '../../core/program/roster';
import { patchRoundIfStatus, type RoundPatch } from '../../core/program/survey';

interface RoundRow {
  id: string;
  community_id: string;
  title: string;
  candidates: string;
  max_choices: number;
  closes_on: string;
  status: RoundStatus;
  menu: string | null;
  created_by: string;
  created_at: string;
  published_at: string | null;
}

const toRound = (r: RoundRow): RoundRecord => ({
  id: r.id,
  community: r.community_id,
  title: r.title,
  candidates: JSON.parse(r.candidates) as Candidate[],
  maxChoices: r.max_choices,
  closesOn: r.closes_on,
  status: r.status,
  menu: r.menu ? (JSON.parse(r.menu) as string[]) : null,
  createdBy: r.created_by,
  createdAt: r.created_at,
  publishedAt: r.published_at,
});

export function surveyRepo(db: Database.Database): SurveyRepo {
  const insert = db.prepare(
    `INSERT INTO survey_rounds (id, community_id, title, candidates, max_choices, closes_on, status, menu, created_by, created_at, published_at)
     VALUES (@id, @community, @title, @candidates, @maxChoices, @closesOn, @status, @menu, @createdBy, @createdAt, @publishedAt)`,
  );
  const byId = db.prepare<[string], RoundRow>('SELECT * FROM survey_rounds WHERE id = ?');
  const rounds = db.prepare<[string], RoundRow>(
    'SELECT * FROM survey_rounds WHERE community_id = ? ORDER BY created_at DESC, rowid DESC',
  );
  // The primary key (round, voter) makes one ballot per voter; a new vote replaces it.
  const vote = db.prepare(
    `INSERT INTO survey_votes (round_id, voter_key, choices, paper, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (round_id, voter_key) DO UPDATE SET choices = excluded.choices, updated_at = excluded.updated_at`,
  );
  const votes = db.prepare<
    [string],
    { round_id: string; voter_key: string; choices: string; paper: number; updated_at: string }
  >('SELECT * FROM survey_votes WHERE round_id = ? ORDER BY updated_at, voter_key');
  const write = db.prepare(
    'UPDATE survey_rounds SET status = ?, menu = ?, published_at = ? WHERE id = ?',
  );
  const update = db.transaction((id: string, from: RoundStatus[], patch: RoundPatch) => {
    const row = byId.get(id);
    const next = patchRoundIfStatus(row ? toRound(row) : null, from, patch);
    if (next)
      write.run(next.status, next.menu ? JSON.stringify(next.menu) : null, next.publishedAt, id);
    return next;
  });
  return {
    createRound: async (r) => {
      insert.run({
        ...r,
        candidates: JSON.stringify(r.candidates),
        menu: r.menu ? JSON.stringify(r.menu) : null,
      });
    },
    getRound: async (id) => {
      const row = byId.get(id);
      return row ? toRound(row) : null;
    },
    rounds: async (community) => rounds.all(community).map(toRound),
    updateRound: async (id, from, patch) => update.immediate(id, from, patch),
    vote: async (v) => {
      vote.run(v.roundId, v.voterKey, JSON.stringify(v.choices), v.paper ? 1 : 0, v.updatedAt);
    },
    votes: async (roundId): Promise<VoteRecord[]> =>
      votes.all(roundId).map((r) => ({
        roundId: r.round_id,
        voterKey: r.voter_key,
        choices: JSON.parse(r.choices) as string[],
        paper: r.paper === 1,
        updatedAt: r.updated_at,
      })),
  };
}

export function reportRepo(db: Database.Database): ReportRepo {
  const get = db.prepare<[string], { costs: string }>(
    'SELECT costs FROM report_costs WHERE community_id = ?',
  );
  const save = db.prepare(
    'INSERT INTO report_costs (community_id, costs) VALUES (?, ?) ON CONFLICT (community_id) DO UPDATE SET costs = excluded.costs',
  );
  return {
    getCosts: async (community) => {
      const row = get.get(community);
      return row ? (JSON.parse(row.costs) as Record<string, number>) : null;
    },
    saveCosts: async (community, costs) => {
      save.run(community, JSON.stringify(costs));
    },
  };
}

interface ShiftRow {
  id: string;
  community_id: string;
  date: string;
  worker: string;
  name: string;
  start: string;
  end: string;
  logged_end: string | null;
  comp_minutes: number;
  created_at: string;
}
interface CompanionRow {
  id: string;
  community_id: string;
  date: string;
  user_id: string;
  subject: string;
  about: string;
  note: string;
  worker: string | null;
  worker_name: string | null;
  status: CompanionRecord['status'];
  created_at: string;
}
interface LeaveRow {
  id: string;
  worker: string;
  name: string;
  community_id: string;
  date: string;
  minutes: number;
  note: string;
  status: LeaveRecord['status'];
  created_at: string;
  decided_by: string | null;
}

const toShift = (r: ShiftRow): ShiftRecord => ({
  id: r.id,
  community: r.community_id,
  date: r.date,
  worker: r.worker,
  name: r.name,
  start: r.start,
  end: r.end,
  loggedEnd: r.logged_end,
  compMinutes: r.comp_minutes,
  createdAt: r.created_at,
});
const toCompanion = (r: CompanionRow): CompanionRecord => ({
  id: r.id,
  community: r.community_id,
  date: r.date,
  userId: r.user_id,
  subject: r.subject,
  about: r.about,
  note: r.note,
  worker: r.worker,
  workerName: r.worker_name,
  status: r.status,
  createdAt: r.created_at,
});
const toLeave = (r: LeaveRow): LeaveRecord => ({
  id: r.id,
  worker: r.worker,
  name: r.name,
  community: r.community_id,
  date: r.date,
  minutes: r.minutes,
  note: r.note,
  status: r.status,
  createdAt: r.created_at,
  decidedBy: r.decided_by,
});

export function rosterRepo(db: Database.Database): RosterRepo {
  const addShift = db.prepare(
    `INSERT INTO shifts (id, community_id, date, worker, name, start, end, logged_end, comp_minutes, created_at)
     VALUES (@id, @community, @date, @worker, @name, @start, @end, @loggedEnd, @compMinutes, @createdAt)`,
  );
  const shiftById = db.prepare<[string], ShiftRow>('SELECT * FROM shifts WHERE id = ?');
  const shifts = db.prepare<[string, string], ShiftRow>(
    'SELECT * FROM shifts WHERE community_id = ? AND date = ? ORDER BY start, rowid',
  );
  const shiftsOf = db.prepare<[string], ShiftRow>(
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
  const companionBySubject = db.prepare<[string], CompanionRow>(
    'SELECT * FROM companions WHERE subject = ?',
  );
  const companionsOfUser = db.prepare<[string], CompanionRow>(
    'SELECT * FROM companions WHERE user_id = ?',
  );
  const companionById = db.prepare<[string], CompanionRow>('SELECT * FROM companions WHERE id = ?');
  const companions = db.prepare<[string, string], CompanionRow>(
    'SELECT * FROM companions WHERE community_id = ? AND date = ? ORDER BY created_at, rowid',
  );
  const companionsOf = db.prepare<[string], CompanionRow>(
    'SELECT * FROM companions WHERE worker = ? ORDER BY date DESC, created_at',
  );
  const addLeave = db.prepare(
    `INSERT INTO comp_leave (id, worker, name, community_id, date, minutes, note, status, created_at, decided_by)
     VALUES (@id, @worker, @name, @community, @date, @minutes, @note, @status, @createdAt, @decidedBy)`,
  );
  const leaveById = db.prepare<[string], LeaveRow>('SELECT * FROM comp_leave WHERE id = ?');
  const pending = db.prepare<[], LeaveRow>(
    "SELECT * FROM comp_leave WHERE status = 'pending' ORDER BY created_at, rowid",
  );
  const leaveOf = db.prepare<[string], LeaveRow>(
    'SELECT * FROM comp_leave WHERE worker = ? ORDER BY created_at DESC, rowid DESC',
  );
  const writeLeave = db.prepare(
    'UPDATE comp_leave SET status = @status, decided_by = @decidedBy WHERE id = @id',
  );
  const one = <R, T>(row: R | undefined, map: (r: R) => T) => (row ? map(row) : null);
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
  const eraseNotes = db.transaction(
    (userId: string) =>
      companionsOfUser.all(userId).filter((r) => saveCompanion(erasedNote(toCompanion(r)))).length,
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
    eraseCompanionNotes: async (userId) => eraseNotes.immediate(userId),
    addLeave: async (l) => {
      addLeave.run(l);
    },
    getLeave: async (id) => one(leaveById.get(id), toLeave),
    pendingLeave: async () => pending.all().map(toLeave),
    leaveOf: async (worker) => leaveOf.all(worker).map(toLeave),
    decideLeave: async (id, status, by) => decide.immediate(id, status, by),
  };
}
