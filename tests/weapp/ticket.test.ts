/**
 * Smoke test of the compiled ticket page (dist/pages/ticket/index) under miniprogram-simulate:
 * a number taken through the real core, the page rendering it, and a call reaching it through
 * the line watch (tests/weapp/harness.ts). Needs `npm run build:weapp` first.
 */
import type { Envelope } from '../../contract/envelope';
import type { Board, Console, Ticket } from '../../contract/queue';
import type { Caller } from '../../server/core/deps';
import { ADMIN_TOKEN, startWeapp, waitForText, type Harness, type Rendered } from './harness';

const PAGE = 'pages/ticket/index';
const NEIGHBOUR: Caller = { userId: 'wx:neighbour' };
const DESK: Caller = { userId: 'wx:desk' };

let harness: Harness | null = null;
let mine: Ticket | null = null;
let rendered: Rendered | null = null;

function data<T>(envelope: unknown): T {
  const e = envelope as Envelope<T>;
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.data;
}

function ready() {
  if (!harness || !mine || !rendered) throw new Error('the ticket page was not rendered');
  return { harness, mine, ...rendered };
}

const join = (caller: Caller | undefined, requestId: string) =>
  harness!.run(
    'queue',
    { action: 'join', community: 'jinse', queue: 'library', requestId },
    caller,
  );

beforeAll(async () => {
  harness = await startWeapp();
  // A neighbour is ahead; then the mini-program's own resident takes a number.
  data<Ticket>(await join(NEIGHBOUR, 'weapp-smoke-neighbour'));
  mine = data<Ticket>(await join(undefined, 'weapp-smoke-mine-01'));
  rendered = await harness.renderPage(PAGE, { id: mine.id }, mine.label);
});

afterAll(async () => {
  await harness?.close();
});

describe('weapp build: ticket page', () => {
  it('renders my ticket from the real core: label, line, status, and 前方', () => {
    const { root, mine: ticket } = ready();
    expect(ticket.label).toMatch(/^[A-Z]\d{3}$/);
    const text = root.textContent ?? '';
    expect(text).toContain(ticket.label);
    expect(text).toContain('图书阅览');
    expect(text).toContain('排队中');
    expect(text).toContain('前方还有 1 位');
    expect(text).toContain('今晚我的号（1 张）');
  });

  it('follows the line through a database watch on its community', () => {
    const { harness: h } = ready();
    expect(h.watches.map((w) => [w.collection, w.where])).toEqual([
      ['queue_lines', { community: 'jinse' }],
    ]);
  });

  it('shows the full-screen call and vibrates when the desk calls my number', async () => {
    const { harness: h, mine: ticket, root } = ready();
    data(await h.run('staff', { action: 'redeem', code: ADMIN_TOKEN }, DESK));
    const desk = { community: 'jinse', queue: 'library' };
    data<Console>(await h.run('queue', { action: 'callNext', ...desk }, DESK)); // the neighbour
    data<Console>(await h.run('queue', { action: 'callNext', ...desk }, DESK)); // me

    // What the cloud function would have written to queue_lines: the line's new public state.
    const board = data<Board>(await h.run('queue', { action: 'board', community: 'jinse' }));
    const line = board.lines.find((l) => l.queue === 'library');
    expect(line?.nowCalling).toBe(ticket.label);
    h.watches[0].onChange({
      type: 'init',
      docs: [{ _id: 'jinse:library', ...line }],
      docChanges: [],
    });

    await waitForText(root, '请到服务台');
    expect(root.textContent).toContain(`请 ${ticket.label} 到服务台`);
    expect(h.calls.get('vibrateLong')).toHaveLength(1);
  });
});
