/**
 * The alert log on SQLite: the AlertLog port over the outbox table (migrations.ts), the local
 * stand-in for WeChat's record of subscription messages.
 */
import type Database from 'better-sqlite3';
import type { AlertLog, SentAlert, SentAlertRecord } from '../../core/ports';

/**
 * Alerts are recorded after the request's change has committed, one or two per call to the desk:
 * each its own commit on the request's path. They are kept in memory and written together, in one
 * transaction, once the requests of this turn of the event loop are answered (and before any read
 * of the log). The alert itself has already gone out; only the desk's record waits a moment.
 */
export function alertLog(db: Database.Database): AlertLog & { flush(): void } {
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
  let pending: SentAlert[] = [];
  const write = db.transaction((alerts: SentAlert[]) => {
    for (const alert of alerts) insert.run({ ...alert, payload: JSON.stringify(alert) });
  });
  const flush = () => {
    if (pending.length === 0) return;
    const alerts = pending;
    pending = [];
    write.immediate(alerts);
  };
  const flushLater = () => {
    try {
      if (db.open) flush();
    } catch (error) {
      // The residents got their alerts; only the desk's record of them is missing.
      console.error('[bdb] alert log write failed:', error);
    }
  };
  return {
    flush,
    erase: async (userId) => {
      flush();
      return erase.run(userId).changes;
    },
    record: async (alert: SentAlert) => {
      pending.push(alert);
      if (pending.length === 1) setImmediate(flushLater);
    },
    recent: async (community, queue, date, limit) => {
      flush();
      return recentStmt.all(community, queue, date, limit);
    },
  };
}
