/** Image bytes as far as the headers and end markers go, for the upload checks (core/notice/image.ts). */

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
