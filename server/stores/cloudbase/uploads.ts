/**
 * Uploads and their daily quota (the UploadRepo port):
 * - uploads/<digest of the ref>: { ref, community, kind, userId, uploadedAt, attachedAt }; refs
 *   (cloud fileIDs) hold '/' and ':', so the `_id` is their digest. attachedAt is null until a
 *   suggestion or notice holds the upload; the sweep finds the others by (attachedAt, uploadedAt).
 * - upload_counts/<digest of user, kind and day>: { kind, day, count }: a person's uploads of a
 *   day, the quota. take() reads and set()s it in one transaction, so two uploads at once cannot
 *   both take the last one. The user id appears only hashed.
 */
import type { UploadKind, UploadRecord, UploadRepo } from '../../core/ports';
import { withinQuota } from '../../core/upload/rules';
import { readDoc, toStoredInstant } from './documents';
import {
  fieldsOf,
  integer,
  nullableText,
  oneOf,
  read,
  records,
  removeEach,
  text,
  type Shape,
} from './fields';
import { digest } from './keys';
import type { CloudDatabase, CloudQuery, DocData } from './sdk';
import { FEW_RACERS, transact } from './transaction';

const UPLOAD: Shape<UploadRecord> = {
  ref: text,
  community: text,
  kind: oneOf<UploadKind>(['photo', 'cover']),
  userId: text,
  uploadedAt: text,
  attachedAt: nullableText,
};

export const uploadId = (ref: string) => `upload_${digest(ref)}`;
const countId = (userId: string, kind: UploadKind, day: string) =>
  `${kind}_${day}_${digest(userId, kind, day)}`;

const KINDS: readonly UploadKind[] = ['photo', 'cover'];

/** The documents' `_id`s only. */
const idsOf = (query: CloudQuery) => query.field({ _id: true }).get();

const uploadOf = (id: string, doc: DocData) => read(UPLOAD, doc, `uploads/${id}`);
const fromDoc = (doc: DocData) => uploadOf(String(doc._id ?? ''), doc);

export function uploadRepo(
  db: CloudDatabase,
  names: { uploads: string; upload_counts: string },
): UploadRepo {
  const uploads = records(db, names, 'uploads', uploadOf);
  const counts = () => db.collection(names.upload_counts);
  return {
    take: (userId, kind, day, max) =>
      transact(db, FEW_RACERS, async (tx) => {
        const ref = tx.collection(names.upload_counts).doc(countId(userId, kind, day));
        const stored = await readDoc(ref);
        const taken = stored ? integer(stored, 'count', `upload_counts`) : 0;
        if (!withinQuota(taken, max)) return false;
        await ref.set({ data: { kind, day, count: taken + 1 } });
        return true;
      }),
    async add(record) {
      const uploadedAt = toStoredInstant(record.uploadedAt);
      const data = { _id: uploadId(record.ref), ...fieldsOf(UPLOAD, { ...record, uploadedAt }) };
      await uploads.ref().add({ data });
    },
    get: (ref) => uploads.get(uploadId(ref)),
    attach: (ref, at) =>
      uploads.onDoc(uploadId(ref), async (stored, doc) => {
        const upload = stored && fromDoc(stored);
        if (!upload || upload.attachedAt !== null) return upload;
        const attachedAt = toStoredInstant(at);
        await doc.update({ data: { attachedAt } });
        return { ...upload, attachedAt };
      }),
    async unattachedBefore(before, limit) {
      const { data } = await uploads
        .ref()
        .where({ attachedAt: null, uploadedAt: db.command.lt(toStoredInstant(before)) })
        .orderBy('uploadedAt', 'asc')
        .limit(limit)
        .get();
      return data.map(fromDoc);
    },
    /**
     * One query for the user's uploads, one remove each. The daily counters' `_id`s are digests
     * of user, kind and day and hold no user id, so no query finds them: those of `days` (the
     * core passes the ones the morning job has not swept yet) are removed by their id.
     */
    async eraseUploader(userId, days) {
      const mine = await uploads.find({ userId }, '_id');
      for (const upload of mine) await uploads.doc(uploadId(upload.ref)).remove();
      const counters = days.flatMap((day) => KINDS.map((kind) => countId(userId, kind, day)));
      for (const id of counters) await counts().doc(id).remove();
      return mine.filter((u) => u.attachedAt === null).map((u) => u.ref);
    },
    /** One query for the oldest photos' ids, one remove each. */
    async forgetPhotosBefore(before, limit) {
      const old = { kind: 'photo', uploadedAt: db.command.lt(toStoredInstant(before)) };
      const { data } = await idsOf(
        uploads.ref().where(old).orderBy('uploadedAt', 'asc').limit(limit),
      );
      return removeEach(uploads.ref(), data, 'uploads');
    },
    /** One query for the oldest counters' ids, one remove each. */
    async forgetCountsBefore(day, limit) {
      const { data } = await idsOf(
        counts()
          .where({ day: db.command.lt(day) })
          .orderBy('day', 'asc')
          .limit(limit),
      );
      return removeEach(counts(), data, 'upload_counts');
    },
    forgetUnattached: (ref) =>
      uploads.onDoc(uploadId(ref), async (stored, doc) => {
        if (!stored || fromDoc(stored).attachedAt !== null) return false;
        await doc.remove();
        return true;
      }),
  };
}
