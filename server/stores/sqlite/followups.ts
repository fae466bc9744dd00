import type Database from 'better-sqlite3';
import type { FollowUpResult } from '../../../contract/followup';
import type {
  FollowUpAttemptRecord,
  FollowUpPatch,
  FollowUpRecord,
  FollowUpRepo,
  FollowUpRuleRecord,
} from '../../core/ports';

interface FollowUpRow {
  id: string;
  community_id: string;
  date: string;
  resident_key: string;
  user_id: string | null;
  name: string;
  phone: string | null;
  channel: FollowUpRecord['channel'];
  services: string;
  kind: FollowUpRecord['kind'];
  parent_id: string | null;
  due: string;
  status: FollowUpRecord['status'];
  attempts: string;
  attempt_count: number;
  result: string | null;
  closed_reason: string | null;
  suggestion_id: string | null;
  created_at: string;
  closed_at: string | null;
}

const toRecord = (r: FollowUpRow): FollowUpRecord => ({
  id: r.id,
  community: r.community_id,
  date: r.date,
  residentKey: r.resident_key,
  userId: r.user_id,
  name: r.name,
  phone: r.phone,
  channel: r.channel,
  services: JSON.parse(r.services) as string[],
  kind: r.kind,
  parentId: r.parent_id,
  due: r.due,
  status: r.status,
  attempts: JSON.parse(r.attempts) as FollowUpAttemptRecord[],
  result: r.result ? (JSON.parse(r.result) as FollowUpResult) : null,
  closedReason: r.closed_reason,
  suggestionId: r.suggestion_id,
  createdAt: r.created_at,
  closedAt: r.closed_at,
});

export function followUpRepo(db: Database.Database): FollowUpRepo {
  const byId = db.prepare<[string], FollowUpRow>('SELECT * FROM follow_ups WHERE id = ?');
  const byKey = db.prepare<[string, string, string, string], FollowUpRow>(
    'SELECT * FROM follow_ups WHERE community_id = ? AND date = ? AND resident_key = ? AND kind = ?',
  );
  // ON CONFLICT DO NOTHING: the unique key decides, so two job runs at once still make one task.
  const insert = db.prepare(
    `INSERT INTO follow_ups (id, community_id, date, resident_key, user_id, name, phone, channel, services, kind,
       parent_id, due, status, attempts, attempt_count, result, closed_reason, suggestion_id, created_at, closed_at)
     VALUES (@id, @community, @date, @residentKey, @userId, @name, @phone, @channel, @services, @kind,
       @parentId, @due, @status, @attempts, @attemptCount, @result, @closedReason, @suggestionId, @createdAt, @closedAt)
     ON CONFLICT (community_id, date, resident_key, kind) DO NOTHING`,
  );
  const open = db.prepare<[string], FollowUpRow>(
    "SELECT * FROM follow_ups WHERE community_id = ? AND status = 'open' ORDER BY due, created_at, rowid",
  );
  const recent = db.prepare<[string, string], FollowUpRow>(
    "SELECT * FROM follow_ups WHERE community_id = ? AND status != 'open' AND closed_at >= ? ORDER BY closed_at DESC",
  );
  const ofUser = db.prepare<[string], FollowUpRow>(
    'SELECT * FROM follow_ups WHERE user_id = ? ORDER BY date, created_at',
  );
  const ofEvening = db.prepare<[string, string], FollowUpRow>(
    'SELECT * FROM follow_ups WHERE community_id = ? AND date = ? ORDER BY created_at, rowid',
  );
  const link = db.prepare('UPDATE follow_ups SET suggestion_id = ? WHERE id = ?');
  const rulesStmt = db.prepare<[string], { rules: string }>(
    'SELECT rules FROM follow_up_rules WHERE community_id = ?',
  );
  const saveRules = db.prepare(
    'INSERT INTO follow_up_rules (community_id, rules) VALUES (?, ?) ON CONFLICT (community_id) DO UPDATE SET rules = excluded.rules',
  );
  const eraseStmt = db.prepare<[string]>(
    `UPDATE follow_ups SET phone = NULL, name = '',
       result = CASE WHEN result IS NULL THEN NULL ELSE json_set(result, '$.note', '') END
     WHERE user_id = ?`,
  );

  const update = db.transaction((id: string, attempts: number, patch: FollowUpPatch) => {
    const row = byId.get(id);
    if (!row || row.status !== 'open' || row.attempt_count !== attempts) return null;
    const next = { ...toRecord(row), ...patch };
    db.prepare(
      `UPDATE follow_ups SET status = ?, attempts = ?, attempt_count = ?, result = ?, closed_reason = ?,
         suggestion_id = ?, closed_at = ? WHERE id = ? AND attempt_count = ?`,
    ).run(
      next.status,
      JSON.stringify(next.attempts),
      next.attempts.length,
      next.result ? JSON.stringify(next.result) : null,
      next.closedReason,
      next.suggestionId,
      next.closedAt,
      id,
      attempts,
    );
    return toRecord(byId.get(id)!);
  });

  return {
    create: async (r) => {
      const changes = insert.run({
        ...r,
        services: JSON.stringify(r.services),
        attempts: JSON.stringify(r.attempts),
        attemptCount: r.attempts.length,
        result: r.result ? JSON.stringify(r.result) : null,
      }).changes;
      const row = byKey.get(r.community, r.date, r.residentKey, r.kind)!;
      return { created: changes === 1, record: toRecord(row) };
    },
    get: async (id) => {
      const row = byId.get(id);
      return row ? toRecord(row) : null;
    },
    open: async (community) => open.all(community).map(toRecord),
    recent: async (community, since) => recent.all(community, since).map(toRecord),
    // IMMEDIATE: the attempt count is read under the write lock.
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
    erase: async (userId) => eraseStmt.run(userId).changes,
  };
}
