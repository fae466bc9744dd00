import { imageSize } from 'image-size';
import { AppError } from '../errors';

/** Covers are shown at phone width: 1 MB is plenty for a compressed photo and quick on 4G. */
export const COVER_MAX_BYTES = 1024 * 1024;
const MAX_SIDE = 8000;
const ACCEPTED = ['jpg', 'png', 'webp'] as const;
export type CoverType = (typeof ACCEPTED)[number];

const NOT_AN_IMAGE = '封面只能是 JPG、PNG 或 WebP 图片';

/**
 * Checks that bytes are a photo we will show: one of three raster types (never SVG, which can
 * carry script), at most 1 MB, sane dimensions. The type comes from the bytes, not a file name.
 */
export function inspectImage(bytes: Uint8Array, field = 'cover'): { type: CoverType } {
  if (bytes.length > COVER_MAX_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', '封面图片不能超过 1MB，请换一张小一点的图片', field);
  }
  let info: { type?: string; width?: number; height?: number };
  try {
    info = imageSize(bytes);
  } catch {
    throw new AppError('BAD_INPUT', NOT_AN_IMAGE, field);
  }
  const type = ACCEPTED.find((t) => t === info.type);
  if (!type) throw new AppError('BAD_INPUT', NOT_AN_IMAGE, field);
  if (!info.width || !info.height || info.width > MAX_SIDE || info.height > MAX_SIDE) {
    throw new AppError('BAD_INPUT', '封面图片尺寸不正常，请换一张照片', field);
  }
  return { type };
}
