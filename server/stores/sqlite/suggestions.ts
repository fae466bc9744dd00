/** The rules are the core's (core/suggestion/rules.ts): each transaction loads rows, asks the decision and writes it. */
import type Database from 'better-sqlite3';
import type { SuggestionStatus } from '../../../contract/suggestion';
import type {
  ChangeRecord,
  SubmitOutcome,
  SuggestionPatch,
  SuggestionRecord,
  SuggestionRepo,
} from '../../core/ports';
import {
  adoptedBy,
  countsTowardLimit,
  decideSubmit,
  erasedSuggestion,
  numbered,
  patchIfStatus,
  type DailyLimit,
  type Submission,
} from '../../core/suggestion/rules';
import { maybe, rowParams, rowReader, type Row, type RowShape } from './rows';

const toRecord = rowReader<SuggestionRecord>();
const CHANGE: RowShape = { json: ['suggestionIds'] };
const toChange = rowReader<ChangeRecord>(CHANGE);

export function suggestionRepo(db: Database.Database): SuggestionRepo {
  const byId = db.prepare<[string], Row>('SELECT * FROM suggestions WHERE id = ?');
  const byRequest = db.prepare<[string, string], Row>(
    'SELECT * FROM suggestions WHERE user_id = ? AND request_id = ?',
  );
  const filedSince = db.prepare<[string, string], Row>(
    'SELECT * FROM suggestions WHERE user_id = ? AND created_at >= ?',
  );
  const lastOfPrefix = db.prepare<[string], { n: number }>(
    "SELECT COUNT(*) AS n FROM suggestions WHERE receipt LIKE ? ESCAPE '\\'",
  );
  const insert = db.prepare(
    `INSERT INTO suggestions (id, community_id, receipt, user_id, name, category, text, photo, follow_up_id, source,
       status, reply, reason, merged_into, change_id, solved, request_id, created_at, updated_at, answered_at)
     VALUES (@id, @community, @receipt, @userId, @name, @category, @text, @photo, @followUpId, @source,
       @status, @reply, @reason, @mergedInto, @changeId, @solved, @requestId, @createdAt, @updatedAt, @answeredAt)`,
  );
  const write = db.prepare(
    `UPDATE suggestions SET status = @status, user_id = @userId, name = @name, photo = @photo,
       reply = @reply, reason = @reason, merged_into = @mergedInto, change_id = @changeId,
       solved = @solved, updated_at = @updatedAt, answered_at = @answeredAt WHERE id = @id`,
  );
  const ofUser = db.prepare<[string], Row>(
    'SELECT * FROM suggestions WHERE user_id = ? ORDER BY created_at DESC, rowid DESC',
  );
  const list = db.prepare<[string], Row>(
    'SELECT * FROM suggestions WHERE community_id = ? ORDER BY created_at DESC, rowid DESC',
  );
  const insertChange = db.prepare(
    `INSERT INTO changes (id, community_id, title, detail, since, suggestion_ids, created_by, created_at)
     VALUES (@id, @community, @title, @detail, @since, @suggestionIds, @createdBy, @createdAt)`,
  );
  const changeById = db.prepare<[string], Row>('SELECT * FROM changes WHERE id = ?');
  const changes = db.prepare<[string], Row>(
    'SELECT * FROM changes WHERE community_id = ? ORDER BY since DESC, created_at DESC',
  );
  const get = (id: string) => maybe(toRecord, byId.get(id));
  const save = (next: SuggestionRecord | null) => {
    if (next) write.run(next);
    return next;
  };

  const submit = db.transaction(
    (record: Submission, prefix: string, limit: DailyLimit): SubmitOutcome => {
      const { userId } = record;
      const known = userId === null ? undefined : byRequest.get(userId, record.requestId);
      const filed = userId && limit ? filedSince.all(userId, limit.since).map(toRecord) : [];
      const filedAt = filed.filter(countsTowardLimit).map((s) => s.createdAt);
      const decided = decideSubmit(known ? toRecord(known) : null, filedAt, record, limit);
      if (decided.kind !== 'file') return decided;
      const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
      const next = numbered(record, prefix, lastOfPrefix.get(like)!.n);
      insert.run(next);
      return { kind: 'created', record: get(next.id)! };
    },
  );
  const update = db.transaction((id: string, from: SuggestionStatus[], patch: SuggestionPatch) =>
    save(patchIfStatus(get(id), from, patch)),
  );
  const addChange = db.transaction((change: ChangeRecord, now: string) => {
    insertChange.run(rowParams(change, CHANGE));
    for (const id of change.suggestionIds) save(adoptedBy(get(id), change, now));
  });
  const erase = db.transaction(
    (userId: string) => ofUser.all(userId).map((r) => save(erasedSuggestion(toRecord(r)))).length,
  );

  return {
    // IMMEDIATE: the daily count and the receipt number are read under the write lock.
    submit: async (record, prefix, limit) => submit.immediate(record, prefix, limit),
    get: async (id) => get(id),
    ofUser: async (userId) => ofUser.all(userId).map(toRecord),
    list: async (community) => list.all(community).map(toRecord),
    update: async (id, from, patch) => update.immediate(id, from, patch),
    addChange: async (change, now) => addChange.immediate(change, now),
    getChange: async (id) => maybe(toChange, changeById.get(id)),
    changes: async (community) => changes.all(community).map(toChange),
    erase: async (userId) => erase.immediate(userId),
  };
}
