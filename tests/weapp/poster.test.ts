/**
 * Smoke test of the compiled 打印本周海报 page (dist/package-staff/pages/poster/index) under
 * miniprogram-simulate: the printed or screenshot poster in the mini-program carries the tonight
 * page's QR code, drawn in the page from the URL the functions give (PUBLIC_URL), as H5's does.
 * Needs `npm run build:weapp` first.
 */
import QRCode from 'qrcode';
import type { Envelope } from '../../contract/envelope';
import type { Poster } from '../../contract/report';
import type { Harness, Rendered } from './harness';

const PAGE = 'package-staff/pages/poster/index';

let harness: Harness | null = null;

function data<T>(envelope: unknown): T {
  const e = envelope as Envelope<T>;
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.data;
}

/** The dark modules of an SVG QR code the page drew, as "row,col" (4 modules of quiet zone). */
function modulesOfSvg(src: string): Set<string> {
  const prefix = 'data:image/svg+xml;base64,';
  expect(src.startsWith(prefix)).toBe(true);
  const svg = Buffer.from(src.slice(prefix.length), 'base64').toString('utf8');
  return new Set(
    [...svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${+m[2]! - 4},${+m[1]! - 4}`),
  );
}

/** The dark modules of `text`'s QR code (one byte segment, correction M), as "row,col". */
function modulesOf(text: string): Set<string> {
  const { modules } = QRCode.create([{ mode: 'byte', data: Buffer.from(text, 'utf8') }], {
    errorCorrectionLevel: 'M',
  });
  const dark = new Set<string>();
  for (let r = 0; r < modules.size; r += 1)
    for (let c = 0; c < modules.size; c += 1) if (modules.get(r, c)) dark.add(`${r},${c}`);
  return dark;
}

interface TaroNode {
  cl?: string;
  cn?: TaroNode[];
  [attribute: string]: unknown;
}

/** The first node of Taro's setData tree whose class includes `className`. */
function nodeOf(node: TaroNode | undefined, className: string): TaroNode | null {
  if (!node) return null;
  if (node.cl?.split(' ').includes(className)) return node;
  for (const child of node.cn ?? []) {
    const found = nodeOf(child, className);
    if (found) return found;
  }
  return null;
}

/**
 * The poster's QR image as Taro sends it to the view layer: its attribute values (Taro names
 * attributes by short keys, so the values are what the test reads).
 */
async function render(community: string, name: string): Promise<string[]> {
  const rendered: Rendered = await harness!.renderPage(PAGE, { c: community }, `八点伴 · ${name}`);
  const root = (rendered.page as unknown as { data: { root?: TaroNode } }).data.root;
  const image = nodeOf(root, 'bdb-poster__qr-image');
  if (!image)
    throw new Error(`no QR image on the poster; page shows: ${rendered.root.textContent}`);
  return Object.values(image).filter((v): v is string => typeof v === 'string');
}

const srcOf = (values: string[]) =>
  values.find((v) => v.startsWith('data:image/svg+xml;base64,')) ?? '';

beforeAll(async () => {
  const { ADMIN_TOKEN, startWeapp } = await import('./harness');
  harness = await startWeapp();
  // The mini-program's user becomes admin: the poster is for staff.
  data(await harness.run('staff', { action: 'redeem', code: ADMIN_TOKEN }));
});

afterAll(async () => {
  await harness?.close();
});

describe('weapp build: 打印本周海报', () => {
  it('carries the QR code of that community’s tonight URL, drawn from the URL', async () => {
    const { PUBLIC_URL } = await import('./harness');
    const jinse = await render('jinse', '金色里程社区');
    const url = `${PUBLIC_URL}/#/pages/tonight/index?c=jinse`;
    expect(jinse).toContain('金色里程社区今晚服务二维码');
    expect(modulesOfSvg(srcOf(jinse))).toEqual(modulesOf(url));

    // Made from the URL the functions give, not a constant: another community's URL is another code.
    const poster = data<Poster>(
      await harness!.run('report', { action: 'poster', community: 'jinse' }),
    );
    expect(poster.tonightUrl).toBe(url);
    expect(modulesOfSvg(srcOf(jinse))).not.toEqual(
      modulesOf(`${PUBLIC_URL}/#/pages/tonight/index?c=huchi`),
    );
  });
});
