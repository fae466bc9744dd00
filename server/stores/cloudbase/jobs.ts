/**
 * Timer jobs' progress on CloudBase: the JobRepo port, with the same behaviour as
 * server/stores/sqlite/jobs.ts.
 *
 * Documents (collection names without the optional prefix):
 * - job_state/<job>_<key>_<digest>: { job, key, version, data, updatedAt }: `data` is the core's
 *   object as it gave it (plain values and string lists). The readable parts are for the
 *   console; the digest of (job, key) makes the `_id` unique whatever the strings hold.
 *
 * save() reads the document and set()s it whole in one transaction: two saves from one version
 * both write the document, so only one can commit; the other retries, finds the new version and
 * answers null. set(), not update(): update() would merge `data` field by field.
 */
import type { JobData, JobRepo, JobStateRecord } from '../../core/ports';
import { integer, isDoc, MalformedDocument, readDoc, text } from './documents';
import { digest } from './followups';
import type { CloudDatabase, DocData } from './sdk';
import { FEW_RACERS, transact } from './transaction';

export interface JobCollections {
  state: string;
}

const readable = (part: string) => part.replace(/[^A-Za-z0-9-]/g, '-');

export const jobStateId = (job: string, key: string) =>
  `${readable(job)}_${readable(key)}_${digest(job, key)}`;

const isValue = (value: unknown) =>
  value === null ||
  ['string', 'number', 'boolean'].includes(typeof value) ||
  (Array.isArray(value) && value.every((v) => typeof v === 'string'));

function stateFromDoc(job: string, key: string, doc: DocData): JobStateRecord {
  const where = `job_state/${jobStateId(job, key)}`;
  const data = doc.data;
  if (!isDoc(data) || !Object.values(data).every(isValue)) {
    throw new MalformedDocument(where, 'data');
  }
  return {
    job,
    key,
    version: integer(doc, 'version', where),
    data: data as JobData,
    updatedAt: text(doc, 'updatedAt', where),
  };
}

export function jobRepo(db: CloudDatabase, names: JobCollections): JobRepo {
  return {
    async get(job, key) {
      const doc = await readDoc(db.collection(names.state).doc(jobStateId(job, key)));
      return doc ? stateFromDoc(job, key, doc) : null;
    },
    save: (job, key, version, data, now) =>
      transact(db, FEW_RACERS, async (tx) => {
        const ref = tx.collection(names.state).doc(jobStateId(job, key));
        const stored = await readDoc(ref);
        const current = stored ? stateFromDoc(job, key, stored).version : 0;
        if (current !== version) return null;
        const record: JobStateRecord = {
          job,
          key,
          version: version + 1,
          // A copy the caller cannot change (JSON: job data is plain; Node 16 has no structuredClone).
          data: JSON.parse(JSON.stringify(data)) as JobData,
          updatedAt: now.toISOString(),
        };
        await ref.set({
          data: {
            job,
            key,
            version: record.version,
            data: record.data,
            updatedAt: record.updatedAt,
          },
        });
        return record;
      }),
  };
}
