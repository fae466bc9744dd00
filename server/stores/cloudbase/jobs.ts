/**
 * Timer jobs' progress (the JobRepo port):
 * - job_state/<job>_<key>_<digest>: { job, key, version, data, updatedAt }: `data` is the core's
 *   object as it gave it (plain values and string lists). The readable parts are for the
 *   console; the digest of (job, key) makes the `_id` unique whatever the strings hold.
 *
 * save() reads the document and set()s it whole in one transaction: two saves from one version
 * both write the document, so only one can commit; the other retries, finds the new version and
 * answers null. set(), not update(): update() would merge `data` field by field.
 */
import type { JobData, JobRepo, JobStateRecord } from '../../core/ports';
import { isDoc, MalformedDocument } from './documents';
import { copyOf, integer, read, records, text, type Reader, type Shape } from './fields';
import { digest, readable } from './keys';
import type { CloudDatabase, DocData } from './sdk';

export const jobStateId = (job: string, key: string) =>
  `${readable(job)}_${readable(key)}_${digest(job, key)}`;

const isValue = (value: unknown) =>
  value === null ||
  ['string', 'number', 'boolean'].includes(typeof value) ||
  (Array.isArray(value) && value.every((v) => typeof v === 'string'));

const jobData: Reader<JobData> = (doc, key, where) => {
  const data = doc[key];
  if (!isDoc(data) || !Object.values(data).every(isValue)) throw new MalformedDocument(where, key);
  return data as JobData;
};

const STATE: Shape<JobStateRecord> = {
  job: text,
  key: text,
  version: integer,
  data: jobData,
  updatedAt: text,
};
const stateOf = (id: string, doc: DocData) => read(STATE, doc, `job_state/${id}`);

export function jobRepo(db: CloudDatabase, names: { job_state: string }): JobRepo {
  const states = records(db, names, 'job_state', stateOf);
  return {
    get: (job, key) => states.get(jobStateId(job, key)),
    save: (job, key, version, data, now) =>
      states.onDoc(jobStateId(job, key), async (stored, ref) => {
        if ((stored ? stateOf(jobStateId(job, key), stored).version : 0) !== version) return null;
        // A copy the caller cannot change.
        const record = copyOf({
          job,
          key,
          version: version + 1,
          data,
          updatedAt: now.toISOString(),
        });
        await ref.set({ data: copyOf(record) });
        return record;
      }),
  };
}
