/** Image checks and names shared by the H5 and mini-program pickers. */
import type { PendingUploadFolder } from '@/types/contract';

/** The server's image limit, applied before uploading. */
export const IMAGE_MAX_BYTES = 1024 * 1024;

/** The refusal for a picked file of `bytes`, or null when it may be uploaded. */
export function imageSizeError(bytes: number, tooLarge: string): string | null {
  return bytes > IMAGE_MAX_BYTES ? tooLarge : null;
}

/** The base64 part of a data URL ("data:image/png;base64,AAAA" → "AAAA"). */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}

/**
 * Where an upload waits until the server registers it: a storage lifecycle rule deletes what is
 * left there after a day (contract/upload.ts); the server keeps the checked copy elsewhere.
 */
export const PENDING_FOLDER: PendingUploadFolder = 'pending-uploads';

/**
 * `pending-uploads/<folder>/<community>/<random>.jpg`: letters and digits only, as the server
 * expects.
 */
export function imageCloudPath(folder: string, community: string): string {
  const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  return `${PENDING_FOLDER}/${folder}/${community}/${random}.jpg`;
}
