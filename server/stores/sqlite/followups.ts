/** The rules are the core's (core/followup/rules.ts): each transaction loads rows, asks the decision and writes it. */
import type Database from 'better-sqlite3';
import type {
  FollowUpPatch,
  FollowUpRecord,
  FollowUpRepo,
  FollowUpRuleRecord,
} from '../../core/ports';
import { erasedTask, firstTask, patchIfUnchanged, taskKey } from '../../core/followup/rules';
import { maybe, rowParams, rowReader, type Row, type RowShape } from './rows';

const TASK: RowShape = { json: ['services', 'attempts', 'result'], skip: ['attempt_count'] };
const toRecord = rowReader<FollowUpRecord>(TASK);
/** The row's parameters: lists and the result as JSON, the attempt count beside them. */
const toRow = (r: FollowUpRecord) => ({ ...rowParams(r, TASK), attemptCount: r.attempts.length });

export function followUpRepo(db: Database.Database): FollowUpRepo {
  const byId = db.prepare<[string], Row>('SELECT * FROM follow_ups WHERE id = ?');
  const byKey = db.prepare<[string, string, string, string], Row>(
    'SELECT * FROM follow_ups WHERE community_id = ? AND date = ? AND resident_key = ? AND kind = ?',
  );
  const insert = db.prepare(
    `INSERT INTO follow_ups (id, community_id, date, resident_key, user_id, name, phone, channel, services, kind,
       parent_id, due, status, attempts, attempt_count, result, closed_reason, suggestion_id, created_at, closed_at)
     VALUES (@id, @community, @date, @residentKey, @userId, @name, @phone, @channel, @services, @kind,
       @parentId, @due, @status, @attempts, @attemptCount, @result, @closedReason, @suggestionId, @createdAt, @closedAt)`,
  );
  const open = db.prepare<[string], Row>(
    "SELECT * FROM follow_ups WHERE community_id = ? AND status = 'open' ORDER BY due, created_at, rowid",
  );
  const recent = db.prepare<[string, string], Row>(
    "SELECT * FROM follow_ups WHERE community_id = ? AND status != 'open' AND closed_at >= ? ORDER BY closed_at DESC",
  );
  const ofUser = db.prepare<[string], Row>(
    'SELECT * FROM follow_ups WHERE user_id = ? ORDER BY date, created_at',
  );
  const ofEvening = db.prepare<[string, string], Row>(
    'SELECT * FROM follow_ups WHERE community_id = ? AND date = ? ORDER BY created_at, rowid',
  );
  const write = db.prepare(
    `UPDATE follow_ups SET resident_key = @residentKey, user_id = @userId, name = @name, phone = @phone, status = @status, attempts = @attempts,
       attempt_count = @attemptCount, result = @result, closed_reason = @closedReason,
       suggestion_id = @suggestionId, closed_at = @closedAt WHERE id = @id`,
  );
  const link = db.prepare('UPDATE follow_ups SET suggestion_id = ? WHERE id = ?');
  const rulesStmt = db.prepare<[string], { rules: string }>(
    'SELECT rules FROM follow_up_rules WHERE community_id = ?',
  );
  const saveRules = db.prepare(
    'INSERT INTO follow_up_rules (community_id, rules) VALUES (?, ?) ON CONFLICT (community_id) DO UPDATE SET rules = excluded.rules',
  );
  const get = (id: string) => maybe(toRecord, byId.get(id));
  const save = (next: FollowUpRecord | null) => {
    if (next) write.run(toRow(next));
    return next;
  };
  const create = db.transaction((r: FollowUpRecord) => {
    const decided = firstTask(maybe(toRecord, byKey.get(...taskKey(r))), r);
    if (decided.created) insert.run(toRow(r));
    return decided;
  });
  const update = db.transaction((id: string, attempts: number, patch: FollowUpPatch) =>
    save(patchIfUnchanged(get(id), attempts, patch)),
  );
  const erase = db.transaction(
    (userId: string) => ofUser.all(userId).map((r) => save(erasedTask(toRecord(r)))).length,
  );

  return {
    // IMMEDIATE: the key and the attempt count are read under the write lock.
    create: async (r) => create.immediate(r),
    get: async (id) => get(id),
    open: async (community) => open.all(community).map(toRecord),
    recent: async (community, since) => recent.all(community, since).map(toRecord),
    update: async (id, attempts, patch) => update.immediate(id, attempts, patch),
    linkSuggestion: async (id, suggestionId) => {
      link.run(suggestionId, id);
    },
    ofUser: async (userId) => ofUser.all(userId).map(toRecord),
    ofEvening: async (community, date) => ofEvening.all(community, date).map(toRecord),
    getRules: async (community) => {
      const row = rulesStmt.get(community);
      return row ? (JSON.parse(row.rules) as Record<string, FollowUpRuleRecord>) : null;
    },
    saveRules: async (community, rules) => {
      saveRules.run(community, JSON.stringify(rules));
    },
    erase: async (userId) => erase.immediate(userId),
  };
}
