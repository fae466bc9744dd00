/** Timer jobs' progress on SQLite: the JobRepo port over the job_state table (migrations.ts). */
import type Database from 'better-sqlite3';
import type { JobData, JobRepo, JobStateRecord } from '../../core/ports';
import { statements, table } from './rows';

export function jobRepo(db: Database.Database): JobRepo {
  const states = table<JobStateRecord>(db, 'job_state', { json: ['data'] });
  const sql = statements(db);
  return {
    get: async (job, key) => states.get('job = ? AND key = ?', job, key),
    // Each write is one statement whose condition is the compare: atomic across connections too.
    save: async (job, key, version, data, now) => {
      const json = JSON.stringify(data);
      const at = now.toISOString();
      const write =
        version === 0
          ? sql(
              'INSERT INTO job_state (job, key, version, data, updated_at) VALUES (?, ?, 1, ?, ?) ON CONFLICT DO NOTHING',
            ).run(job, key, json, at)
          : sql(
              'UPDATE job_state SET version = version + 1, data = ?, updated_at = ? WHERE job = ? AND key = ? AND version = ?',
            ).run(json, at, job, key, version);
      if (write.changes !== 1) return null;
      return { job, key, version: version + 1, data: JSON.parse(json) as JobData, updatedAt: at };
    },
  };
}
