import { imageSize } from 'image-size';
import { AppError } from '../errors';

/** Covers are shown at phone width: 1 MB is plenty for a compressed photo and quick on 4G. */
export const COVER_MAX_BYTES = 1024 * 1024;
const MAX_SIDE = 8000;
const ACCEPTED = ['jpg', 'png', 'webp'] as const;
export type CoverType = (typeof ACCEPTED)[number];

/** What the image is called in messages: a notice's cover, or a resident's photo. */
const WORDS = {
  cover: { kind: '封面', image: '封面图片' },
  photo: { kind: '照片', image: '照片' },
} as const;

/**
 * Checks that bytes are a photo we will show: one of three raster types (never SVG, which can
 * carry script), at most 1 MB, sane dimensions. The type comes from the bytes, not a file name.
 */
export function inspectImage(
  bytes: Uint8Array,
  field = 'cover',
  what: keyof typeof WORDS = 'cover',
): { type: CoverType } {
  const words = WORDS[what];
  const NOT_AN_IMAGE = `${words.kind}只能是 JPG、PNG 或 WebP 图片`;
  if (bytes.length > COVER_MAX_BYTES) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${words.image}不能超过 1MB，请换一张小一点的图片`,
      field,
    );
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
    throw new AppError('BAD_INPUT', `${words.image}尺寸不正常，请换一张照片`, field);
  }
  return { type };
}
