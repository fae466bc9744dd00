/**
 * Smoke test of the compiled ticket page (dist/pages/ticket/index) under miniprogram-simulate:
 * a number taken through the real core on the CloudBase store, the page rendering it, and the
 * line moving it through the emulator's watch snapshots alone, without a cloud call
 * (tests/weapp/harness.ts). Needs `npm run build:weapp` first.
 */
import type { Envelope } from '../../contract/envelope';
import type { QueueDesk, LineState, Ticket } from '../../contract/queue';
import type { Caller } from '../../server/core/deps';
import { baseWxml, boundKey, nodeWithClass } from './aria';
import { ADMIN_TOKEN, startWeapp, waitForText, type Harness, type Rendered } from './harness';

const PAGE = 'pages/ticket/index';
const NEIGHBOURS: Caller[] = [{ userId: 'wx:neighbour-1' }, { userId: 'wx:neighbour-2' }];
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

const desk = { community: 'jinse', queue: 'library' };

/** The desk taps 叫下一位 (through the real core, not the page). */
async function callNext(h: Harness): Promise<void> {
  data<QueueDesk>(await h.run('queue', { action: 'callNext', ...desk }, DESK));
}

/** What the store wrote to queue_lines with the change: the line's public state, as watched. */
function libraryLine(h: Harness): LineState {
  const doc = h.emulator.dump('queue_lines').find((d) => d._id === 'jinse:library');
  if (!doc) throw new Error('no 图书阅览 line document');
  return doc as unknown as LineState;
}

beforeAll(async () => {
  harness = await startWeapp();
  // Two neighbours are ahead; then the mini-program's own resident takes a number.
  for (const [i, neighbour] of NEIGHBOURS.entries()) {
    data<Ticket>(await join(neighbour, `weapp-smoke-neighbour-${i}`));
  }
  mine = data<Ticket>(await join(undefined, 'weapp-smoke-mine-01'));
  data(await harness.run('staff', { action: 'redeem', code: ADMIN_TOKEN }, DESK));
  // Opened from the tonight page, which names the community.
  rendered = await harness.renderPage(PAGE, { id: mine.id, c: 'jinse' }, mine.label);
});

afterAll(async () => {
  await harness?.close();
});

describe('weapp build: ticket page', () => {
  it('renders my ticket from the real core: label, line, status, and 前面', () => {
    const { root, mine: ticket, harness: h } = ready();
    expect(ticket.label).toMatch(/^[A-Z]\d{3}$/);
    const text = root.textContent ?? '';
    expect(text).toContain(ticket.label);
    expect(text).toContain('图书阅览');
    expect(text).toContain('排队中');
    expect(text).toContain('前面还有 2 位');
    expect(text).toContain('今晚我的号（1 张）');
    // One invocation for the tickets, narrowed to the community it was opened for, and one for
    // this ticket's companion request (its state, or the 需要社工陪同 button).
    expect(h.functionCalls.map((c) => [c.action, c.data])).toEqual([
      ['queue.mine', { action: 'mine', community: 'jinse' }],
      ['roster.companionOf', { action: 'companionOf', kind: 'ticket', ref: ticket.id }],
    ]);
  });

  it('follows the line through a database watch on its community', () => {
    const { harness: h } = ready();
    expect(h.watches.map((w) => [w.collection, w.where])).toEqual([
      ['queue_lines', { community: 'jinse' }],
    ]);
  });

  it('moves up when another resident is called, from the watched line alone', async () => {
    const { harness: h, root } = ready();
    const before = h.functionCalls.length;
    // The desk calls the first neighbour; CloudBase pushes the line document to the page.
    await callNext(h);
    expect(libraryLine(h).waitingNumbers.indexOf(ready().mine.number)).toBe(1);

    await waitForText(root, '前面还有 1 位');
    expect(root.textContent).toContain('排队中');
    expect(root.textContent).not.toContain('请到服务台');
    // Nothing was asked of the cloud for it: no invocation, no read.
    expect(h.functionCalls.slice(before)).toEqual([]);
  });

  it('shows the full-screen call and vibrates when the desk calls my number', async () => {
    const { harness: h, mine: ticket, root } = ready();
    const before = h.functionCalls.length;
    await callNext(h); // the second neighbour
    await callNext(h); // me
    expect(libraryLine(h).nowCalling).toBe(ticket.label);

    await waitForText(root, '请到服务台');
    expect(root.textContent).toContain(`请 ${ticket.label} 到服务台`);
    // Not one buzz: WeChat's long vibration in bursts, started again until 我知道了.
    const pulses = () => h.calls.get('vibrateLong')?.length ?? 0;
    expect(pulses()).toBe(1);
    for (let waited = 0; pulses() < 4 && waited < 8000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(pulses()).toBeGreaterThanOrEqual(4);
    // The screen is kept on while the ticket is active.
    expect(h.calls.get('setKeepScreenOn')?.[0]).toMatchObject({ keepScreenOn: true });

    expect(ready().page.querySelectorAll('.bdb-called')).toHaveLength(1);
    // A modal dialog for WeChat's screen reader too: the values reach the keys the template reads.
    const dialog = nodeWithClass(ready().page.data, 'bdb-called');
    const wxml = baseWxml();
    const attr = (a: string) => dialog?.[boundKey(wxml, 'view', a) ?? a];
    expect(['aria-role', 'aria-modal', 'aria-labelledby'].map(attr)).toEqual([
      'dialog',
      'true',
      'bdb-called-title',
    ]);
    const dismiss = ready().page.querySelectorAll('.bdb-called__dismiss')[0];
    dismiss?.dispatchEvent('tap');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ready().page.querySelectorAll('.bdb-called')).toHaveLength(0);
    expect(root.textContent).toContain('已叫号，请到服务台');
    const after = pulses();
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(pulses()).toBe(after);
    // The call, too, comes from the line alone.
    expect(h.functionCalls.slice(before)).toEqual([]);
  });
});
