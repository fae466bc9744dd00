/**
 * A QR code drawn in the page, without a server or a canvas: the mini-program's 本周海报 shows it
 * as an SVG data URL in an <Image>. The same encoder (qrcode) as the local host's PNG posters.
 */
import QRCode from 'qrcode';

/** Light modules around the code, as the QR standard asks and the PNG posters have. */
const QUIET = 4;

/**
 * `text` as UTF-8 bytes, without TextEncoder (which the mini-program's older base libraries and
 * qrcode's string path need): encodeURIComponent spells every non-ASCII byte as %XX.
 */
export function utf8Bytes(text: string): Uint8Array {
  const spelled = encodeURIComponent(text);
  const bytes: number[] = [];
  for (let i = 0; i < spelled.length;) {
    if (spelled[i] === '%') {
      bytes.push(parseInt(spelled.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      bytes.push(spelled.charCodeAt(i));
      i += 1;
    }
  }
  return Uint8Array.from(bytes);
}

/** `text`'s QR code (one byte segment) as an SVG: a 1×1 square per dark module, correction M. */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create([{ mode: 'byte', data: utf8Bytes(text) }], {
    errorCorrectionLevel: 'M',
  });
  const side = modules.size + 2 * QUIET;
  let path = '';
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (the SVG is ASCII): the mini-program has no btoa. */
export function asciiBase64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [0, 1, 2].map((k) => text.charCodeAt(i + k) || 0);
    const n = (a << 16) | (b << 8) | c;
    const left = text.length - i;
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!;
    out += left > 1 ? ALPHABET[(n >> 6) & 63]! : '=';
    out += left > 2 ? ALPHABET[n & 63]! : '=';
  }
  return out;
}

/** The QR code of `text` as an image source. */
export const qrDataUrl = (text: string) => `data:image/svg+xml;base64,${asciiBase64(qrSvg(text))}`;
