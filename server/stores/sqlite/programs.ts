/** The rules are the core's (core/program/roster.ts and survey.ts): each transaction loads rows, asks the decision and writes it. */
import type Database from 'better-sqlite3';
import type { RoundStatus } from '../../../contract/survey';
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
} from '../../core/roster/rules';
import { patchRoundIfStatus, type RoundPatch } from '../../core/survey/rules';
import { maybe, rowParams, rowReader, type Row, type RowShape } from './rows';

const ROUND: RowShape = { json: ['candidates', 'menu'] };
const toRound = rowReader<RoundRecord>(ROUND);
const toVote = rowReader<VoteRecord>({ json: ['choices'], bool: ['paper'] });

export function surveyRepo(db: Database.Database): SurveyRepo {
  const insert = db.prepare(
    `INSERT INTO survey_rounds (id, community_id, title, candidates, max_choices, closes_on, status, menu, created_by, created_at, published_at)
     VALUES (@id, @community, @title, @candidates, @maxChoices, @closesOn, @status, @menu, @createdBy, @createdAt, @publishedAt)`,
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM survey_rounds WHERE id = ?');
  const rounds = db.prepare<[string], Row>(
    'SELECT * FROM survey_rounds WHERE community_id = ? ORDER BY created_at DESC, rowid DESC',
  );
  // The primary key (round, voter) makes one ballot per voter; a new vote replaces it.
  const vote = db.prepare(
    `INSERT INTO survey_votes (round_id, voter_key, choices, paper, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (round_id, voter_key) DO UPDATE SET choices = excluded.choices, updated_at = excluded.updated_at`,
  );
  const votes = db.prepare<[string], Row>(
    'SELECT * FROM survey_votes WHERE round_id = ? ORDER BY updated_at, voter_key',
  );
  const write = db.prepare(
    'UPDATE survey_rounds SET status = ?, menu = ?, published_at = ? WHERE id = ?',
  );
  const update = db.transaction((id: string, from: RoundStatus[], patch: RoundPatch) => {
    const next = patchRoundIfStatus(maybe(toRound, byId.get(id)), from, patch);
    if (next)
      write.run(next.status, next.menu ? JSON.stringify(next.menu) : null, next.publishedAt, id);
    return next;
  });
  return {
    createRound: async (r) => {
      insert.run(rowParams(r, ROUND));
    },
    getRound: async (id) => maybe(toRound, byId.get(id)),
    rounds: async (community) => rounds.all(community).map(toRound),
    updateRound: async (id, from, patch) => update.immediate(id, from, patch),
    vote: async (v) => {
      vote.run(v.roundId, v.voterKey, JSON.stringify(v.choices), v.paper ? 1 : 0, v.updatedAt);
    },
    votes: async (roundId) => votes.all(roundId).map(toVote),
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
