import type Database from 'better-sqlite3';
import type { Solved, SuggestionStatus } from '../../../contract/followup';
import type {
  ChangeRecord,
  SubmitOutcome,
  SuggestionPatch,
  SuggestionRecord,
  SuggestionRepo,
} from '../../core/ports';

interface SuggestionRow {
  id: string;
  community_id: string;
  receipt: string;
  user_id: string | null;
  name: string;
  category: string;
  text: string;
  photo: string | null;
  follow_up_id: string | null;
  source: 'resident' | 'call';
  status: SuggestionStatus;
  reply: string | null;
  reason: string | null;
  merged_into: string | null;
  change_id: string | null;
  solved: Solved | null;
  request_id: string;
  created_at: string;
  updated_at: string;
  answered_at: string | null;
}

interface ChangeRow {
  id: string;
  community_id: string;
  title: string;
  detail: string;
  since: string;
  suggestion_ids: string;
  created_by: string;
  created_at: string;
}

const toRecord = (r: SuggestionRow): SuggestionRecord => ({
  id: r.id,
  community: r.community_id,
  receipt: r.receipt,
  userId: r.user_id,
  name: r.name,
  category: r.category,
  text: r.text,
  photo: r.photo,
  followUpId: r.follow_up_id,
  source: r.source,
  status: r.status,
  reply: r.reply,
  reason: r.reason,
  mergedInto: r.merged_into,
  changeId: r.change_id,
  solved: r.solved,
  requestId: r.request_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  answeredAt: r.answered_at,
});

const toChange = (r: ChangeRow): ChangeRecord => ({
  id: r.id,
  community: r.community_id,
  title: r.title,
  detail: r.detail,
  since: r.since,
  suggestionIds: JSON.parse(r.suggestion_ids) as string[],
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const COLUMNS: Record<keyof SuggestionPatch, string> = {
  status: 'status',
  reply: 'reply',
  reason: 'reason',
  mergedInto: 'merged_into',
  solved: 'solved',
  updatedAt: 'updated_at',
  answeredAt: 'answered_at',
};

export function suggestionRepo(db: Database.Database): SuggestionRepo {
  const byId = db.prepare<[string], SuggestionRow>('SELECT * FROM suggestions WHERE id = ?');
  const byRequest = db.prepare<[string, string], SuggestionRow>(
    'SELECT * FROM suggestions WHERE user_id = ? AND request_id = ?',
  );
  const countSince = db.prepare<[string, string], { n: number }>(
    "SELECT COUNT(*) AS n FROM suggestions WHERE user_id = ? AND source = 'resident' AND created_at >= ?",
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
  const ofUser = db.prepare<[string], SuggestionRow>(
    'SELECT * FROM suggestions WHERE user_id = ? ORDER BY created_at DESC, rowid DESC',
  );
  const list = db.prepare<[string], SuggestionRow>(
    'SELECT * FROM suggestions WHERE community_id = ? ORDER BY created_at DESC, rowid DESC',
  );
  const insertChange = db.prepare(
    `INSERT INTO changes (id, community_id, title, detail, since, suggestion_ids, created_by, created_at)
     VALUES (@id, @community, @title, @detail, @since, @suggestionIds, @createdBy, @createdAt)`,
  );
  const adopt = db.prepare(
    `UPDATE suggestions SET change_id = ?, updated_at = ?,
       status = CASE WHEN status = 'merged' THEN status ELSE 'adopted' END,
       answered_at = COALESCE(answered_at, ?)
     WHERE id = ? AND community_id = ?`,
  );
  const changeById = db.prepare<[string], ChangeRow>('SELECT * FROM changes WHERE id = ?');
  const changes = db.prepare<[string], ChangeRow>(
    'SELECT * FROM changes WHERE community_id = ? ORDER BY since DESC, created_at DESC',
  );
  const erase = db.prepare<[string]>(
    "UPDATE suggestions SET user_id = NULL, name = '', photo = NULL WHERE user_id = ?",
  );

  const submit = db.transaction(
    (
      record: Omit<SuggestionRecord, 'receipt'>,
      prefix: string,
      limit: { since: string; max: number } | null,
    ): SubmitOutcome => {
      if (record.userId) {
        const retried = byRequest.get(record.userId, record.requestId);
        if (retried) return { kind: 'existing', record: toRecord(retried) };
        if (limit && countSince.get(record.userId, limit.since)!.n >= limit.max) {
          return { kind: 'limited' };
        }
      }
      const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
      const receipt = `${prefix}-${String(lastOfPrefix.get(like)!.n + 1).padStart(3, '0')}`;
      insert.run({ ...record, receipt });
      return { kind: 'created', record: toRecord(byId.get(record.id)!) };
    },
  );

  const update = db.transaction((id: string, from: SuggestionStatus[], patch: SuggestionPatch) => {
    const row = byId.get(id);
    if (!row || !from.includes(row.status)) return null;
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as Array<
      [keyof SuggestionPatch, unknown]
    >;
    if (entries.length > 0) {
      db.prepare(
        `UPDATE suggestions SET ${entries.map(([k]) => `${COLUMNS[k]} = ?`).join(', ')} WHERE id = ?`,
      ).run(...entries.map(([, v]) => v), id);
    }
    return toRecord(byId.get(id)!);
  });

  const addChange = db.transaction((change: ChangeRecord, now: string) => {
    insertChange.run({ ...change, suggestionIds: JSON.stringify(change.suggestionIds) });
    for (const id of change.suggestionIds) adopt.run(change.id, now, now, id, change.community);
  });

  return {
    // IMMEDIATE: the daily count and the receipt number are read under the write lock.
    submit: async (record, prefix, limit) => submit.immediate(record, prefix, limit),
    get: async (id) => {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    ofUser: async (userId) => ofUser.all(userId).map(toRecord),
    list: async (community) => list.all(community).map(toRecord),
    update: async (id, from, patch) => update.immediate(id, from, patch),
    addChange: async (change, now) => addChange.immediate(change, now),
    getChange: async (id) => {
      const row = changeById.get(id);
      return row ? toChange(row) : null;
    },
    changes: async (community) => changes.all(community).map(toChange),
    erase: async (userId) => erase.run(userId).changes,
  };
}
