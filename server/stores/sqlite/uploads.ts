/**
 * Uploads on SQLite: the UploadRepo port over the uploads and upload_counts tables
 * (migrations.ts). The quota decision is the core's (withinQuota in core/upload/rules.ts).
 */
import type Database from 'better-sqlite3';
import type { UploadKind, UploadRecord, UploadRepo } from '../../core/ports';
import { withinQuota } from '../../core/upload/rules';
import { immediate, statements, table } from './rows';

export function uploadRepo(db: Database.Database): UploadRepo {
  const uploads = table<UploadRecord>(db, 'uploads');
  const sql = statements(db);
  const atomic = immediate(db);
  const get = (ref: string) => uploads.get('ref = ?', ref);
  const take = db.transaction((userId: string, kind: UploadKind, day: string, max: number) => {
    const count = sql<{ count: number }>(
      'SELECT count FROM upload_counts WHERE user_id = ? AND kind = ? AND day = ?',
    ).get(userId, kind, day);
    if (!withinQuota(count?.count ?? 0, max)) return false;
    sql(
      `INSERT INTO upload_counts (user_id, kind, day, count) VALUES (?, ?, ?, 1)
       ON CONFLICT (user_id, kind, day) DO UPDATE SET count = count + 1`,
    ).run(userId, kind, day);
    return true;
  });

  return {
    /** The counters name the user here: all of theirs go, whatever `days` says. */
    eraseUploader: async (userId) =>
      atomic(() => {
        const pending = uploads.all('user_id = ? AND attached_at IS NULL ORDER BY ref', userId);
        uploads.remove('user_id = ?', userId);
        sql('DELETE FROM upload_counts WHERE user_id = ?').run(userId);
        return pending.map((u) => u.ref);
      }),
    take: async (userId, kind, day, max) => take(userId, kind, day, max),
    /** One statement: its rows are gone at once, whatever runs beside it. */
    forgetCountsBefore: async (day, limit) =>
      sql(
        `DELETE FROM upload_counts WHERE rowid IN
           (SELECT rowid FROM upload_counts WHERE day < ? ORDER BY day LIMIT ?)`,
      ).run(day, limit).changes,
    forgetPhotosBefore: async (before, limit) =>
      sql(
        `DELETE FROM uploads WHERE rowid IN
           (SELECT rowid FROM uploads WHERE kind = 'photo' AND uploaded_at < ? ORDER BY uploaded_at LIMIT ?)`,
      ).run(before, limit).changes,
    add: async (record) => {
      uploads.insert(record);
    },
    get: async (ref) => get(ref),
    attach: async (ref, at) => {
      sql('UPDATE uploads SET attached_at = ? WHERE ref = ? AND attached_at IS NULL').run(at, ref);
      return get(ref);
    },
    unattachedBefore: async (before, limit) =>
      uploads.all(
        'attached_at IS NULL AND uploaded_at < ? ORDER BY uploaded_at, ref LIMIT ?',
        before,
        limit,
      ),
    forgetUnattached: async (ref) =>
      uploads.remove('ref = ? AND attached_at IS NULL', ref).changes === 1,
  };
}
