/**
 * Uploads on SQLite: the UploadRepo port over the uploads and upload_counts tables
 * (migrations.ts). The quota decision is the core's (withinQuota in core/upload/rules.ts).
 */
import type Database from 'better-sqlite3';
import type { UploadKind, UploadRecord, UploadRepo } from '../../core/ports';
import { withinQuota } from '../../core/upload/rules';
import { maybe, rowReader, type Row } from './rows';

const toUpload = rowReader<UploadRecord>();

export function uploadRepo(db: Database.Database): UploadRepo {
  const countStmt = db.prepare<[string, string, string], { count: number }>(
    'SELECT count FROM upload_counts WHERE user_id = ? AND kind = ? AND day = ?',
  );
  const bump = db.prepare(
    `INSERT INTO upload_counts (user_id, kind, day, count) VALUES (?, ?, ?, 1)
     ON CONFLICT (user_id, kind, day) DO UPDATE SET count = count + 1`,
  );
  const insert = db.prepare(
    `INSERT INTO uploads (ref, community_id, kind, user_id, uploaded_at, attached_at)
     VALUES (@ref, @community, @kind, @userId, @uploadedAt, @attachedAt)`,
  );
  const getStmt = db.prepare<[string], Row>('SELECT * FROM uploads WHERE ref = ?');
  const attachStmt = db.prepare(
    'UPDATE uploads SET attached_at = ? WHERE ref = ? AND attached_at IS NULL',
  );
  const beforeStmt = db.prepare<[string, number], Row>(
    'SELECT * FROM uploads WHERE attached_at IS NULL AND uploaded_at < ? ORDER BY uploaded_at, ref LIMIT ?',
  );
  const forgetStmt = db.prepare('DELETE FROM uploads WHERE ref = ? AND attached_at IS NULL');

  const unattachedOf = db.prepare<[string], { ref: string }>(
    'SELECT ref FROM uploads WHERE user_id = ? AND attached_at IS NULL ORDER BY ref',
  );
  const forgetUploads = db.prepare('DELETE FROM uploads WHERE user_id = ?');
  const forgetCounts = db.prepare('DELETE FROM upload_counts WHERE user_id = ?');
  const eraseUploader = db.transaction((userId: string) => {
    const pending = unattachedOf.all(userId).map((r) => r.ref);
    forgetUploads.run(userId);
    forgetCounts.run(userId);
    return pending;
  });

  const take = db.transaction((userId: string, kind: UploadKind, day: string, max: number) => {
    if (!withinQuota(countStmt.get(userId, kind, day)?.count ?? 0, max)) return false;
    bump.run(userId, kind, day);
    return true;
  });

  return {
    eraseUploader: async (userId) => eraseUploader.immediate(userId),
    take: async (userId, kind, day, max) => take(userId, kind, day, max),
    add: async (record) => {
      insert.run(record);
    },
    get: async (ref) => maybe(toUpload, getStmt.get(ref)),
    attach: async (ref, at) => {
      attachStmt.run(at, ref);
      return maybe(toUpload, getStmt.get(ref));
    },
    unattachedBefore: async (before, limit) => beforeStmt.all(before, limit).map(toUpload),
    forgetUnattached: async (ref) => forgetStmt.run(ref).changes === 1,
  };
}
