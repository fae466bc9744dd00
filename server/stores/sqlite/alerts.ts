/**
 * The alert log on SQLite: the AlertLog port over the outbox table (migrations.ts), the local
 * stand-in for WeChat's record of subscription messages.
 */
import type Database from 'better-sqlite3';
import type { AlertLog, SentAlert, SentAlertRecord } from '../../core/ports';

/** What a group commit needs of the log to write its alerts in the group's transaction. */
export interface AlertRider {
  /**
   * Inside the caller's open transaction: writes the alerts waiting and hands them over; the
   * caller gives them back (`restore`) should its transaction not commit.
   */
  writePending(): SentAlert[];
  restore(alerts: SentAlert[]): void;
  /** Tells the log whether a group commit is due later in this turn of the event loop. */
  rideOn(coming: () => boolean): void;
}

/**
 * Alerts are recorded after the request's change has committed, one or two per call to the desk:
 * each its own commit on the request's path. They are kept in memory and written together, in one
 * transaction, once the requests of this turn of the event loop are answered (and before any read
 * of the log); when a queue's group commit is due in that same turn, inside its transaction
 * instead (one commit where there were two per call to the desk). The alert itself has already
 * gone out; only the desk's record waits a moment.
 */
export function alertLog(db: Database.Database): AlertLog & AlertRider & { flush(): void } {
  // ticket_id holds any alert's subject (ticket, booking or activity): the column predates them.
  const insert = db.prepare(
    `INSERT INTO outbox (user_id, kind, ticket_id, community_id, queue, date, label, created_at)
     VALUES (@userId, @kind, @ref, @community, @queue, @date, @label, @at)`,
  );
  const recentStmt = db.prepare<[string, string, string, number], SentAlertRecord>(
    `SELECT kind, label, created_at AS at FROM outbox WHERE community_id = ? AND queue = ? AND date = ?
     ORDER BY id DESC LIMIT ?`,
  );
  // No index by resident: erase, rare, reads the log (a year at most, retention prunes it) where
  // every alert wrote a random leaf of one (#15).
  const erase = db.prepare('DELETE FROM outbox WHERE user_id = ?');
  // Oldest first by id, the order they were written in; once a morning, the last slice of the
  // retention job reads to the log's end to find nothing left.
  const forget = db.prepare(
    'DELETE FROM outbox WHERE id IN (SELECT id FROM outbox WHERE created_at < ? ORDER BY id LIMIT ?)',
  );
  let pending: SentAlert[] = [];
  let groupComing: () => boolean = () => false;
  let scheduled = false;
  const insertAll = (alerts: SentAlert[]) => {
    for (const alert of alerts) insert.run(alert);
  };
  const write = db.transaction(insertAll);
  const flush = () => {
    if (pending.length === 0) return;
    const alerts = pending;
    pending = [];
    write.immediate(alerts);
  };
  const flushLater = () => {
    scheduled = false;
    // A group commit later in this turn writes them in its transaction (writePending), or gives
    // them back (restore), which schedules this again.
    if (pending.length === 0 || groupComing()) return;
    try {
      if (db.open) flush();
    } catch (error) {
      // The residents got their alerts; only the desk's record of them is missing.
      console.error('[bdb] alert log write failed:', error);
    }
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flushLater);
  };
  /** Alerts not written after all go back before the ones recorded since, in order. */
  const giveBack = (alerts: SentAlert[]) => {
    if (alerts.length > 0) pending = [...alerts, ...pending];
    if (pending.length > 0) schedule();
  };
  return {
    flush,
    erase: async (userId) => {
      flush();
      return erase.run(userId).changes;
    },
    record: async (alert: SentAlert) => {
      pending.push(alert);
      schedule();
    },
    forgetBefore: async (cutoffAt, limit) => {
      flush();
      return forget.run(cutoffAt, limit).changes;
    },
    recent: async (community, queue, date, limit) => {
      flush();
      return recentStmt.all(community, queue, date, limit);
    },
    writePending: () => {
      const alerts = pending;
      pending = [];
      if (alerts.length === 0) return alerts;
      try {
        // A savepoint of its own (db.transaction nests): a failed insert undoes these alone.
        write(alerts);
        return alerts;
      } catch {
        // Left to the log's own transaction, which reports a failure that lasts.
        giveBack(alerts);
        return [];
      }
    },
    restore: giveBack,
    rideOn: (coming) => {
      groupComing = coming;
    },
  };
}
