/** Cover images: the same limit and words as the server's check, applied before uploading. */
export const COVER_MAX_BYTES = 1024 * 1024;
export const COVER_TOO_LARGE = '封面图片不能超过 1MB，请换一张小一点的图片';

/** The Chinese refusal for a picked file of `bytes`, or null when it may be uploaded. */
export function coverSizeError(bytes: number): string | null {
  return bytes > COVER_MAX_BYTES ? COVER_TOO_LARGE : null;
}

/** The base64 part of a data URL ("data:image/png;base64,AAAA" → "AAAA"). */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}
