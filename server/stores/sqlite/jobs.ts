/** Timer jobs' progress on SQLite: the JobRepo port over the job_state table (migrations.ts). */
import type Database from 'better-sqlite3';
import type { JobData, JobRepo, JobStateRecord } from '../../core/ports';
import { maybe, rowReader, type Row } from './rows';

const toState = rowReader<JobStateRecord>({ json: ['data'] });

export function jobRepo(db: Database.Database): JobRepo {
  const getStmt = db.prepare<[string, string], Row>(
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
    get: async (job, key) => maybe(toState, getStmt.get(job, key)),
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
