import QRCode from 'qrcode';
import { asciiBase64, qrDataUrl, qrSvg, utf8Bytes } from './qr-svg';

const URL = 'http://192.168.1.20:8080/#/pages/tonight/index?c=jinse';

/** The dark modules an SVG of qrSvg draws, as "row,col". */
const darkOf = (svg: string) =>
  new Set([...svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${+m[2]! - 4},${+m[1]! - 4}`));

describe('qrSvg', () => {
  it('draws exactly the dark modules of the text’s QR code, with a quiet zone', () => {
    const { modules } = QRCode.create([{ mode: 'byte', data: Buffer.from(URL, 'utf8') }], {
      errorCorrectionLevel: 'M',
    });
    const expected = new Set<string>();
    for (let r = 0; r < modules.size; r += 1)
      for (let c = 0; c < modules.size; c += 1) if (modules.get(r, c)) expected.add(`${r},${c}`);
    const svg = qrSvg(URL);
    expect(darkOf(svg)).toEqual(expected);
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`);
  });

  it('differs per community: it is made from the URL', () => {
    expect(qrSvg(URL)).not.toBe(qrSvg(URL.replace('jinse', 'huchi')));
  });

  it('spells text as UTF-8 bytes as Node does', () => {
    for (const text of [URL, '金色里程社区 c=jinse&q=a b', '']) {
      expect([...utf8Bytes(text)]).toEqual([...Buffer.from(text, 'utf8')]);
    }
  });

  it('base64-encodes as Node does, every padding length', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', qrSvg(URL)]) {
      expect(asciiBase64(text)).toBe(Buffer.from(text, 'ascii').toString('base64'));
    }
    expect(qrDataUrl(URL)).toBe(
      `data:image/svg+xml;base64,${Buffer.from(qrSvg(URL)).toString('base64')}`,
    );
  });
});
