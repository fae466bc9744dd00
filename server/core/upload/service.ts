/**
 * Uploads: an image is stored only within the uploader's daily quota, recorded, and deleted by
 * the sweep unless a suggestion or notice holds it within UPLOAD_WINDOW_MINUTES.
 */
import type { CoreDeps } from '../deps';
import { AppError } from '../errors';
import { stopwatch, type JobBudget, type JobRun } from '../jobs';
import { todayOf } from '../kernel/week';
import { inspectImage } from '../notice/image';
import type { MediaStore, UploadKind } from '../ports';
import {
  attachRefusal,
  cloudFileOf,
  DAILY_UPLOADS,
  keptRefOf,
  quotaMessage,
  sweepCutoff,
} from './rules';

const FIELD: Record<UploadKind, string> = { photo: 'photo', cover: 'cover' };
const WORDS: Record<UploadKind, string> = { photo: '照片', cover: '封面图片' };

/** What an upload action gives: base64 bytes, or a file the mini-program put in cloud storage. */
export interface UploadInput {
  community: string;
  data?: string;
  file?: string;
}

/**
 * Checks the bytes (core/notice/image.ts), re-encodes them without metadata (deps.images), takes
 * one of the uploader's uploads of the day, stores the clean image and records it; answers its reference. A refused image takes nothing. A cloud file
 * the mini-program uploaded itself (`file`) is read back and checked the same way, and deleted
 * when refused; registering it again answers the same reference.
 */
export async function storeUpload(
  deps: CoreDeps,
  userId: string,
  kind: UploadKind,
  input: UploadInput,
  now: Date,
): Promise<string> {
  const { media, images } = deps;
  if (!media || !images) throw new AppError('BAD_INPUT', '这里不能上传图片', 'data');
  const { community, file } = input;
  if (file !== undefined) {
    const again = await registeredBefore(deps, media, file, kind, community);
    if (again !== null) return again;
  }
  const bytes = await bytesOf(media, kind, input);
  // A refused cloud file goes: nothing may hold it, and nothing else would delete it.
  const refused = async (error: unknown): Promise<never> => {
    if (file !== undefined && error instanceof AppError) await media.remove(file);
    throw error;
  };
  const type = await Promise.resolve()
    .then(() => inspectImage(bytes, 'data', kind).type)
    .catch(refused);
  // What is kept is the re-encoded copy: a phone photo's EXIF carries where it was taken.
  const cleaned = await images
    .clean(bytes, type)
    .catch(() =>
      refused(new AppError('BAD_INPUT', `${WORDS[kind]}无法读取，请换一张照片`, 'data')),
    );
  if (!(await deps.store.uploads.take(userId, kind, todayOf(now), DAILY_UPLOADS[kind]))) {
    return refused(new AppError('RATE_LIMITED', quotaMessage(kind), 'data'));
  }
  const ref = await storeClean(media, community, file, cleaned, type);
  await deps.store.uploads.add({
    ref,
    community,
    kind,
    userId,
    uploadedAt: now.toISOString(),
    attachedAt: null,
  });
  // Only once recorded: until then a retry still finds the pending file to start from.
  if (file !== undefined) await leavePending(media, file, ref);
  return ref;
}

/**
 * A registration retried: the reference its cloud file is kept under (keptRefOf) when already
 * recorded for this community and kind, else null.
 */
async function registeredBefore(
  deps: CoreDeps,
  media: MediaStore,
  file: string,
  kind: UploadKind,
  community: string,
) {
  const kept = keptRefOf(file);
  const known = await deps.store.uploads.get(kept);
  if (!known || known.community !== community || known.kind !== kind) return null;
  await leavePending(media, file, kept);
  return kept;
}

/**
 * Stores the clean image and answers its reference: a new file for bytes sent; for a cloud
 * file, where it is kept: in place for an older mini-program's upload, out of the pending
 * folder for a current one (the same name each time, so a retry writes the same file again).
 */
async function storeClean(
  media: MediaStore,
  community: string,
  file: string | undefined,
  cleaned: Uint8Array,
  type: string,
) {
  if (file === undefined) return media.put(community, cleaned, type);
  const kept = keptRefOf(file);
  await media.replace(kept, cleaned);
  return kept;
}

/** The pending original goes once its clean copy is kept (the lifecycle rule is the backstop). */
async function leavePending(media: MediaStore, file: string, kept: string) {
  if (kept !== file) await media.remove(file);
}

/** The base64 bytes, or a cloud file's in the kind's folder of the community. */
async function bytesOf(media: MediaStore, kind: UploadKind, input: UploadInput) {
  const { file } = input;
  if (file === undefined) return Buffer.from(input.data ?? '', 'base64');
  const bytes = cloudFileOf(file, kind, input.community) ? await media.read(file) : null;
  if (!bytes) throw new AppError('BAD_INPUT', `${WORDS[kind]}不存在，请重新上传`, 'file');
  return bytes;
}

/**
 * Refuses, in Chinese, a reference that is not a live upload of the community (attachRefusal).
 * Called before a suggestion or notice is saved with it.
 */
export async function assertAttachable(
  deps: CoreDeps,
  ref: string,
  community: string,
  kind: UploadKind,
  now: Date,
) {
  const refusal = attachRefusal(await deps.store.uploads.get(ref), community, kind, now);
  if (refusal) throw new AppError('BAD_INPUT', refusal, FIELD[kind]);
}

/** After the suggestion or notice holding it is saved: the sweep leaves it alone from now on. */
export async function markAttached(deps: CoreDeps, ref: string, now: Date) {
  await deps.store.uploads.attach(ref, now.toISOString());
}

/**
 * What one sweep may do: the cloud timer shares its 20 s with the booking reminders (10 s), so it
 * stops starting deletions after 5 s; the next run continues.
 */
export const SWEEP_BUDGET: JobBudget = { units: 20, ms: 5_000 };

/**
 * The sweep (run by the hosts' scheduled jobs): deletes uploads nobody attached within the
 * window, record first (only while still unattached, so an attach at the same moment wins), then
 * the file. One bounded batch per run.
 */
export async function sweepUploads(
  deps: CoreDeps,
  now: Date,
  budget: JobBudget = SWEEP_BUDGET,
): Promise<JobRun> {
  const watch = stopwatch(deps, budget.ms);
  const expired = await deps.store.uploads.unattachedBefore(sweepCutoff(now), budget.units);
  let done = 0;
  let handled = 0;
  for (const upload of expired) {
    if (watch.over()) break;
    handled += 1;
    if (!(await deps.store.uploads.forgetUnattached(upload.ref))) continue;
    await deps.media?.remove(upload.ref);
    done += 1;
  }
  return { done, finished: handled === expired.length && expired.length < budget.units };
}
