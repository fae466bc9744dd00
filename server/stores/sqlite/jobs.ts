/** Timer jobs' progress on SQLite: the JobRepo port over the job_state table (migrations.ts). */
import type Database from 'better-sqlite3';
import type { JobData, JobRepo, JobStateRecord } from '../../core/ports';

interface JobRow {
  job: string;
  key: string;
  version: number;
  data: string;
  updated_at: string;
}

const toState = (r: JobRow): JobStateRecord => ({
  job: r.job,
  key: r.key,
  version: r.version,
  data: JSON.parse(r.data) as JobData,
  updatedAt: r.updated_at,
});

export function jobRepo(db: Database.Database): JobRepo {
  const getStmt = db.prepare<[string, string], JobRow>(
    'SELECT * FROM job_state WHERE job = ? AND key = ?',
  );
  // Each write is one statement whose condition is the compare: atomic across connections too.
  const insert = db.prepare(
    'INSERT INTO job_state (job, key, version, data, updated_at) VALUES (?, ?, 1, ?, ?) ON CONFLICT DO NOTHING',
  );
  const replace = db.prepare(
    'UPDATE job_state SET version = version + 1, data = ?, updated_at = ? WHERE job = ? AND key = ? AND version = ?',
  );
  return {
    get: async (job, key) => {
      const row = getStmt.get(job, key);
      return row ? toState(row) : null;
    },
    save: async (job, key, version, data, now) => {
      const json = JSON.stringify(data);
      const at = now.toISOString();
      const changed =
        version === 0
          ? insert.run(job, key, json, at).changes
          : replace.run(json, at, job, key, version).changes;
      if (changed !== 1) return null;
      return { job, key, version: version + 1, data: JSON.parse(json) as JobData, updatedAt: at };
    },
  };
}
