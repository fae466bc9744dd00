/** Test images: header-only bytes for the upload checks (core/notice/image.ts), and real pictures. */
import { Transformer } from '@napi-rs/image';

export const bytes = (...parts: Array<number[] | Buffer | string>) =>
  Buffer.concat(
    parts.map((p) =>
      typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.isBuffer(p) ? p : Buffer.from(p),
    ),
  );
const be32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
const le32 = (n: number) => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255];

/** A PNG as far as the headers go: signature, IHDR with the given size, IDAT, IEND. */
export function pngOf(width: number, height: number) {
  const chunk = (type: string, data: number[]) =>
    bytes(be32(data.length), type, data, [0, 0, 0, 0]);
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', [...be32(width), ...be32(height), 8, 6, 0, 0, 0]),
    chunk('IDAT', [0x78, 0x9c, 0x63, 0, 0, 0, 0x01]),
    chunk('IEND', []),
  );
}

/** A baseline JPEG's markers: SOI, APP1 hiding a thumbnail's EOI, SOF0, SOS, data, EOI. */
export function jpegOf(width: number, height: number) {
  const segment = (marker: number, data: number[]) => [
    0xff,
    marker,
    ((data.length + 2) >> 8) & 255,
    (data.length + 2) & 255,
    ...data,
  ];
  return bytes(
    [0xff, 0xd8],
    segment(0xe1, [0x45, 0x78, 0x69, 0x66, 0, 0, 0xff, 0xd8, 0xff, 0xd9]),
    segment(0xc0, [
      8,
      (height >> 8) & 255,
      height & 255,
      (width >> 8) & 255,
      width & 255,
      1,
      1,
      0x11,
      0,
    ]),
    segment(0xda, [1, 1, 0, 0, 0x3f, 0]),
    [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56],
    [0xff, 0xd9],
  );
}

export function webpOf(width: number, height: number) {
  const vp8x = [0, 0, 0, 0, ...le32(width - 1).slice(0, 3), ...le32(height - 1).slice(0, 3)];
  const body = bytes('WEBP', 'VP8X', le32(vp8x.length), vp8x);
  return bytes('RIFF', le32(body.length), body);
}

/** Real, decodable pictures (@napi-rs/image encodes them): the left half red, the right blue. */
function pixelsOf(width: number, height: number) {
  const pixels = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i += 1) {
    const left = i % width < width / 2;
    pixels.set(left ? [220, 30, 30, 255] : [30, 30, 220, 255], i * 4);
  }
  return Transformer.fromRgbaPixels(pixels, width, height);
}
export const realPngOf = (width: number, height: number) => pixelsOf(width, height).pngSync();
export const realWebpOf = (width: number, height: number) => pixelsOf(width, height).webpSync(90);
export const realJpegOf = (width: number, height: number) => pixelsOf(width, height).jpegSync(90);

/** Where the photo was taken, as a phone writes it: in the tests' EXIF block, GPS latitude ref. */
export const EXIF_MARK = 'GPSMARK-31.30N';

/**
 * A phone photo: a real JPEG with an EXIF APP1 segment holding Orientation 6 (rotated: stored
 * landscape, shown portrait) and a GPS sub-IFD, plus the phone's make in plain text (EXIF_MARK)
 * so a test can look for it in the bytes.
 */
export function phonePhotoOf(width: number, height: number) {
  const le16 = (n: number) => [n & 255, (n >>> 8) & 255];
  const mark = [...Buffer.from(`${EXIF_MARK}\0`, 'latin1')];
  // TIFF header, IFD0 (Orientation, Make, GPS pointer), GPS IFD (latitude ref), then Make's text.
  const ifd0At = 8;
  const gpsAt = ifd0At + 2 + 3 * 12 + 4;
  const makeAt = gpsAt + 2 + 12 + 4;
  const entry = (tag: number, type: number, count: number, value: number[]) => [
    ...le16(tag),
    ...le16(type),
    ...le32(count),
    ...[...value, 0, 0, 0, 0].slice(0, 4),
  ];
  const tiff = [
    ...[0x49, 0x49, 42, 0],
    ...le32(ifd0At),
    ...le16(3),
    ...entry(0x0112, 3, 1, le16(6)),
    ...entry(0x010f, 2, mark.length, le32(makeAt)),
    ...entry(0x8825, 4, 1, le32(gpsAt)),
    ...le32(0),
    ...le16(1),
    ...entry(0x0001, 2, 2, [0x4e, 0]),
    ...le32(0),
    ...mark,
  ];
  const payload = bytes('Exif\0\0', tiff);
  const jpeg = realJpegOf(width, height);
  const app1 = bytes(
    [0xff, 0xe1, ((payload.length + 2) >> 8) & 255, (payload.length + 2) & 255],
    payload,
  );
  return bytes(jpeg.subarray(0, 2), app1, jpeg.subarray(2));
}
