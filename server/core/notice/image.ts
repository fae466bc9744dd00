import { imageSize } from 'image-size';
import { AppError } from '../errors';

/** Covers are shown at phone width: 1 MB is plenty for a compressed photo and quick on 4G. */
export const COVER_MAX_BYTES = 1024 * 1024;
/**
 * A phone photo's longest side (4032 for 12 MP) fits; anything larger is refused from the header,
 * before any decoder would allocate its pixels (image-size reads headers only).
 */
export const MAX_SIDE = 4096;
/** 16 MP: width × height, also from the header alone, so a 4096 × 4096 bomb is refused too. */
export const MAX_PIXELS = 16_000_000;
const ACCEPTED = ['jpg', 'png', 'webp'] as const;
export type CoverType = (typeof ACCEPTED)[number];

/** What the image is called in messages: a notice's cover, or a resident's photo. */
const WORDS = {
  cover: { kind: '封面', image: '封面图片' },
  photo: { kind: '照片', image: '照片' },
} as const;

/**
 * Checks that bytes are a photo we will show: one of three raster types (never SVG, which can
 * carry script), at most 1 MB, sane dimensions (from the header, before decoding), and nothing
 * after the image's own end (a PNG with an HTML page appended is refused). The type comes from
 * the bytes, not a file name.
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
  if (!saneDimensions(info.width, info.height)) {
    throw new AppError(
      'BAD_INPUT',
      `${words.image}尺寸过大或不正常（最长边不超过 ${MAX_SIDE} 像素），请换一张照片`,
      field,
    );
  }
  const end = imageEnd(bytes, type);
  if (end === null) {
    throw new AppError('BAD_INPUT', `${words.image}文件不完整，请换一张照片`, field);
  }
  if (end !== bytes.length) {
    throw new AppError('BAD_INPUT', `${words.image}文件末尾带有多余内容，请换一张照片`, field);
  }
  return { type };
}

/** Both sides present, neither over MAX_SIDE, and at most MAX_PIXELS in all. */
export function saneDimensions(width: number | undefined, height: number | undefined): boolean {
  if (!width || !height || width < 1 || height < 1) return false;
  return width <= MAX_SIDE && height <= MAX_SIDE && width * height <= MAX_PIXELS;
}

/**
 * Where the image's own bytes end (the offset just past them), or null when its end marker is
 * missing or a length points outside the bytes: JPEG after its EOI marker, PNG after the IEND
 * chunk, WebP after the RIFF size. Anything from there on was appended.
 */
export function imageEnd(bytes: Uint8Array, type: CoverType): number | null {
  if (type === 'png') return pngEnd(bytes);
  if (type === 'jpg') return jpegEnd(bytes);
  return webpEnd(bytes);
}

const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const u32le = (b: Uint8Array, at: number) =>
  b[at]! + (b[at + 1]! << 8) + (b[at + 2]! << 16) + ((b[at + 3]! << 24) >>> 0);

/** Walks the chunks (length, type, data, CRC) from the 8-byte signature to IEND. */
function pngEnd(b: Uint8Array): number | null {
  let at = 8;
  while (at + 12 <= b.length) {
    const length = u32be(b, at);
    const type = String.fromCharCode(b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);
    const next = at + 12 + length;
    if (next > b.length) return null;
    if (type === 'IEND') return next;
    at = next;
  }
  return null;
}

/**
 * Walks the marker segments from SOI, skipping each by its length (an EXIF thumbnail's own EOI
 * is inside one), and through the entropy-coded data after each SOS (afterScan).
 */
function jpegEnd(b: Uint8Array): number | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let at = 2;
  while (at + 1 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xd9) return at + 2;
    const next = afterMarker(b, at, marker);
    if (next === null) return null;
    at = marker === 0xda ? afterScan(b, next) : next;
  }
  return null;
}

/** TEM and the restart markers have no length. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * Past the marker at `at`: a fill byte, a standalone marker, or a segment (its 2-byte length
 * counts itself); null when a segment overruns the bytes.
 */
function afterMarker(b: Uint8Array, at: number, marker: number): number | null {
  if (marker === 0xff) return at + 1;
  if (standalone(marker)) return at + 2;
  if (at + 3 >= b.length) return null;
  const length = (b[at + 2]! << 8) + b[at + 3]!;
  if (length < 2 || at + 2 + length > b.length) return null;
  return at + 2 + length;
}

/**
 * The offset of the marker that ends entropy-coded data: there 0xFF is followed by 0x00 (a
 * stuffed byte), a restart marker (0xD0–0xD7) or another 0xFF (fill); anything else is a marker.
 */
function afterScan(b: Uint8Array, from: number): number {
  let at = from;
  while (at + 1 < b.length) {
    const next = b[at + 1]!;
    if (b[at] !== 0xff || next === 0xff) at += 1;
    else if (next === 0x00 || standalone(next)) at += 2;
    else return at;
  }
  return b.length;
}

/** "RIFF", the size of what follows "RIFF" and the size field (little-endian), "WEBP". */
function webpEnd(b: Uint8Array): number | null {
  if (b.length < 12) return null;
  const end = 8 + u32le(b, 4);
  return end <= b.length ? end : null;
}
