/**
 * Upload rules, pure: how long an upload may wait for a suggestion or notice, how many a person
 * may make a day, and whether a reference may be attached.
 */
import type { PendingUploadFolder } from '../../../contract/upload';
import type { UploadKind, UploadRecord } from '../ports';

/** An upload not held by a suggestion (submit) or notice (save) within this is deleted. */
export const UPLOAD_WINDOW_MINUTES = 15;
/**
 * The sweep waits this much longer than the window, so an upload accepted by a submit at minute
 * 14:59 is attached before the sweep may look at it.
 */
export const SWEEP_GRACE_MINUTES = 5;
/** Uploads per person per day (Asia/Shanghai): a resident's photos, a worker's covers. */
export const DAILY_UPLOADS: Record<UploadKind, number> = { photo: 10, cover: 50 };

const MINUTE = 60_000;

/** True while one more upload fits: `taken` of today's are used, `max` allowed. */
export const withinQuota = (taken: number, max: number) => taken < max;

/** The refusal when the day's uploads are used up, in Chinese. */
export const quotaMessage = (kind: UploadKind) =>
  kind === 'photo'
    ? `每人每天最多上传 ${DAILY_UPLOADS.photo} 张照片，明天再来吧`
    : `每人每天最多上传 ${DAILY_UPLOADS.cover} 张封面图片，明天再来吧`;

/** An unattached upload older than the window may no longer be attached. */
export const isExpired = (upload: UploadRecord, now: Date) =>
  upload.attachedAt === null &&
  now.getTime() - Date.parse(upload.uploadedAt) > UPLOAD_WINDOW_MINUTES * MINUTE;

/** The sweep deletes unattached uploads made before this instant (ISO). */
export const sweepCutoff = (now: Date) =>
  new Date(now.getTime() - (UPLOAD_WINDOW_MINUTES + SWEEP_GRACE_MINUTES) * MINUTE).toISOString();

const WORDS: Record<UploadKind, string> = { photo: '照片', cover: '封面图片' };

/**
 * Why `ref` may not go on a suggestion or notice of `community`, in Chinese, or null when it
 * may: it must be an upload of that community (of its kind), attached already or still within
 * the window.
 */
export function attachRefusal(
  upload: UploadRecord | null,
  community: string,
  kind: UploadKind,
  now: Date,
): string | null {
  const word = WORDS[kind];
  if (!upload || upload.community !== community || upload.kind !== kind) {
    return `${word}不存在，请重新上传`;
  }
  if (isExpired(upload, now)) return `${word}上传已超过 ${UPLOAD_WINDOW_MINUTES} 分钟，请重新上传`;
  return null;
}

/** Where the mini-program puts each kind in cloud storage (PHOTO_PICKER, COVER_PICKER), per community. */
export const CLOUD_FOLDERS: Record<UploadKind, string> = {
  photo: 'suggestion-photos',
  cover: 'notice-covers',
};

/**
 * Where the mini-program uploads before registering (contract/upload.ts): a storage lifecycle
 * rule deletes what is left there after a day, so a file never registered does not stay.
 */
export const PENDING_FOLDER: PendingUploadFolder = 'pending-uploads';

/** cloud://<env>.<bucket>/ · the pending folder, or none · the kind's folder · community · name. */
const CLOUD_FILE = new RegExp(
  `^(cloud://[^/]+/)(${PENDING_FOLDER}/)?([^/]+)/([^/]+)/[A-Za-z0-9._-]+$`,
);

/**
 * True for a cloud fileID in the kind's folder of `community`, under the pending folder
 * ("cloud://<env>.<bucket>/pending-uploads/<folder>/<community>/<name>") or, from mini-program
 * versions before it, without: the only files a mini-program may register for that community.
 */
export function cloudFileOf(ref: string, kind: UploadKind, community: string): boolean {
  const match = CLOUD_FILE.exec(ref);
  return !!match && match[3] === CLOUD_FOLDERS[kind] && match[4] === community;
}

/**
 * The reference a registered cloud file is kept under: a pending file's, without the pending
 * folder (the fileID of the same path outside it), so the lifecycle rule never reaches it and a
 * retried registration finds it; any other reference is kept as it is.
 */
export function keptRefOf(ref: string): string {
  const match = CLOUD_FILE.exec(ref);
  return match?.[2] ? ref.replace(`${match[1]}${match[2]}`, match[1]!) : ref;
}
