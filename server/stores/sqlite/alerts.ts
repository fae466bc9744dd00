/**
 * The alert log on SQLite: the AlertLog port over the outbox table (migrations.ts), the local
 * stand-in for WeChat's record of subscription messages.
 */
import type Database from 'better-sqlite3';
import type { AlertLog, SentAlert, SentAlertRecord } from '../../core/ports';

export function alertLog(db: Database.Database): AlertLog {
  // ticket_id holds any alert's subject (ticket, booking or activity): the column predates them.
  const insert = db.prepare(
    `INSERT INTO outbox (user_id, kind, ticket_id, community_id, queue, date, label, payload, created_at)
     VALUES (@userId, @kind, @ref, @community, @queue, @date, @label, @payload, @at)`,
  );
  const recentStmt = db.prepare<[string, string, string, number], SentAlertRecord>(
    `SELECT kind, label, created_at AS at FROM outbox WHERE community_id = ? AND queue = ? AND date = ?
     ORDER BY id DESC LIMIT ?`,
  );
  const erase = db.prepare('DELETE FROM outbox WHERE user_id = ?');
  return {
    erase: async (userId) => erase.run(userId).changes,
    record: async (alert: SentAlert) => {
      insert.run({ ...alert, payload: JSON.stringify(alert) });
    },
    recent: async (community, queue, date, limit) => recentStmt.all(community, queue, date, limit),
  };
}
