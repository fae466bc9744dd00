/** Photos with a suggestion: the same limit as the server's image check, applied before uploading. */
export const PHOTO_MAX_BYTES = 1024 * 1024;
export const PHOTO_TOO_LARGE = '照片不能超过 1MB，请换一张小一点的照片';
export const PHOTO_UPLOAD_FAILED = '照片上传失败，请检查网络后再试';

/** The Chinese refusal for a picked file of `bytes`, or null when it may be uploaded. */
export function photoSizeError(bytes: number): string | null {
  return bytes > PHOTO_MAX_BYTES ? PHOTO_TOO_LARGE : null;
}

/** The base64 part of a data URL ("data:image/png;base64,AAAA" → "AAAA"). */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}

/** `suggestion-photos/<community>/<random>.jpg`: letters and digits only, as the server expects. */
export function photoCloudPath(community: string): string {
  const random = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  return `suggestion-photos/${community}/${random}.jpg`;
}
