/**
 * The pages whose live updates WeChat's audit weighs, played on the real core (harness.ts) and
 * measured (audit.ts): the ticket page with one or two numbers held, the staff console, the TV
 * board, and the tonight page. Each function renders its page once: a page bundle registers once
 * per app instance, so each runs in its own test file (tests/weapp/budget-*.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../contract/envelope';
import type { Ticket } from '../../contract/queue';
import type { Caller } from '../../server/core/deps';
import { measureUpdate, renderMeasured, treeOf, type PageFigures, type Update } from './audit';
import { ADMIN_TOKEN, CALLER, type Harness } from './harness';

const COMMUNITY = 'jinse';
const DESK: Caller = { userId: 'wx:audit-desk' };

function data<T>(envelope: unknown): T {
  const e = envelope as Envelope<T>;
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.data;
}

const join = async (h: Harness, queue: string, caller: Caller, requestId: string) =>
  data<Ticket>(
    await h.run('queue', { action: 'join', community: COMMUNITY, queue, requestId }, caller),
  );

/** `count` other residents take a number on `queue`. */
async function neighbours(h: Harness, queue: string, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    await join(h, queue, { userId: `wx:audit-${queue}-${i}` }, `audit-${queue}-${i}`);
  }
}

async function staff(h: Harness, caller: Caller): Promise<void> {
  data(await h.run('staff', { action: 'redeem', code: ADMIN_TOKEN }, caller));
}

const callNext = async (h: Harness, queue: string) =>
  data(await h.run('queue', { action: 'callNext', community: COMMUNITY, queue }, DESK));

type FirstScreen = Awaited<ReturnType<typeof renderMeasured>>;

function figures(page: string, first: FirstScreen, updates: Update[]): PageFigures {
  const { rendered, firstRenderBytes, firstScreenCalls } = first;
  return { page, ...treeOf(rendered), firstRenderBytes, firstScreenCalls, updates };
}

/**
 * The ticket page while the desk calls the four residents ahead of me, then me: 4 → 3 ahead,
 * 3 → 2 (the "almost your turn" banner appears), 2 → 1, 1 → 0, and the call. With `two`, I
 * also hold a number on 健康检测, listed under 今晚我的号.
 */
export async function auditTicketPage(h: Harness, two: boolean): Promise<PageFigures> {
  const route = 'pages/ticket/index';
  await staff(h, DESK);
  await neighbours(h, 'library', 4);
  const mine = await join(h, 'library', CALLER, 'audit-mine-library');
  if (two) {
    // Not close to its desk either: the banner is about 图书阅览.
    await neighbours(h, 'health', 4);
    await join(h, 'health', CALLER, 'audit-mine-health');
  }
  const first = await renderMeasured(h, route, { id: mine.id, c: COMMUNITY }, '前面还有 4 位');
  const step = (label: string, text: string) =>
    measureUpdate(h, first.rendered, route, label, () => callNext(h, 'library'), text);
  const updates = [
    await step('前面 4 → 3 位', '前面还有 3 位'),
    await step('前面 3 → 2 位（出现“快到了”）', '前面还有 2 位，请回到服务台附近'),
    await step('前面 2 → 1 位', '前面还有 1 位，请回到服务台附近'),
    await step('下一位就是您', '下一位就是您'),
    await step('叫到我的号', `请 ${mine.label} 到服务台`),
  ];
  const label = two ? 'ticket（持 2 个号）' : 'ticket（持 1 个号）';
  return figures(label, first, updates);
}

/**
 * The staff console of 图书阅览 with twelve waiting (more than the ten rows it lists): 叫下一位
 * twice (the first one opens 正在服务), and a resident joining.
 */
export async function auditQueueDesk(h: Harness): Promise<PageFigures> {
  const route = 'package-staff/pages/queue-desk/index';
  await staff(h, CALLER);
  await neighbours(h, 'library', 12);
  const first = await renderMeasured(h, route, { c: COMMUNITY, q: 'library' }, '等待中（12 位');
  const tapNext = async () => {
    const next = first.rendered.page.querySelectorAll('.bdb-queue-desk__next')[0];
    if (!next) throw new Error('no 叫下一位 button');
    next.dispatchEvent('tap');
  };
  const updates = [
    await measureUpdate(h, first.rendered, route, '叫下一位', tapNext, '等待中（11 位'),
    await measureUpdate(h, first.rendered, route, '再叫下一位', tapNext, '等待中（10 位）'),
    await measureUpdate(
      h,
      first.rendered,
      route,
      '居民取号（线路推送）',
      () => join(h, 'library', { userId: 'wx:audit-late' }, 'audit-late'),
      '等待中（11 位',
    ),
  ];
  return figures('queue-desk', first, updates);
}

/** The TV board of 金色里程: the desk calls on 图书阅览, twice. */
export async function auditBoard(h: Harness): Promise<PageFigures> {
  const route = 'package-board/pages/board/index';
  await staff(h, DESK);
  await neighbours(h, 'library', 3);
  const first = await renderMeasured(h, route, { c: COMMUNITY }, '图书阅览');
  const call = (label: string, number: string) =>
    measureUpdate(h, first.rendered, route, label, () => callNext(h, 'library'), number);
  const updates = [await call('叫号 B001', 'B001'), await call('叫号 B002', 'B002')];
  return figures('board', first, updates);
}

/**
 * A realistic evening for the resident on the tonight page: twenty neighbours waiting on the two
 * lines, my numbers on both, three bookings on the coming evenings, and two follow-ups waiting
 * for me (one to answer in the app, one call that invites a suggestion). Follow-ups are written
 * as the follow-up job writes them: their making takes days of the job's clock.
 */
async function realisticEvening(h: Harness): Promise<void> {
  await staff(h, DESK);
  await neighbours(h, 'library', 12);
  await neighbours(h, 'health', 8);
  await join(h, 'health', CALLER, 'audit-tonight-health');
  await join(h, 'library', CALLER, 'audit-tonight-library');
  for (const [i, date] of ['20261202', '20261209', '20261216'].entries()) {
    data(
      await h.run('booking', {
        action: 'book',
        slotId: `jinse_paperwork_${date}_1900`,
        requestId: `audit-book-${i}`,
        name: '王阿姨',
        phone: '13812345678',
        consent: true,
      }),
    );
  }
  const userId = CALLER.userId!;
  const task = (id: string, date: string, channel: 'call' | 'message', done: boolean) => ({
    id,
    community: COMMUNITY,
    date,
    residentKey: userId,
    userId,
    name: '王阿姨',
    phone: channel === 'call' ? '13812345678' : null,
    channel,
    services: ['paperwork', 'library'],
    kind: 'first' as const,
    parentId: null,
    due: date,
    status: done ? ('done' as const) : ('open' as const),
    attempts: [],
    result: null,
    closedReason: null,
    suggestionId: null,
    createdAt: '2026-11-19T12:00:00.000Z',
    closedAt: done ? '2026-11-24T02:00:00.000Z' : null,
  });
  await h.deps.store.followUps.create(task('audit-followup-ask', '2026-11-18', 'message', false));
  await h.deps.store.followUps.create(task('audit-followup-call', '2026-11-11', 'call', true));
}

/** The tonight page of 金色里程 on a realistic evening: a neighbour joins, the desk calls. */
export async function auditTonight(h: Harness): Promise<PageFigures> {
  const route = 'pages/tonight/index';
  await realisticEvening(h);
  const first = await renderMeasured(h, route, { c: COMMUNITY }, '现在有 13 位在等');
  const updates = [
    await measureUpdate(
      h,
      first.rendered,
      route,
      '居民取号（线路推送）',
      () => join(h, 'library', { userId: 'wx:audit-tonight-late' }, 'audit-tonight-late'),
      '现在有 14 位在等',
    ),
    await measureUpdate(
      h,
      first.rendered,
      route,
      '叫号（线路推送）',
      () => callNext(h, 'library'),
      '现在有 13 位在等',
    ),
  ];
  return figures('tonight', first, updates);
}

/** For `npm run bench`: each test file writes its page's figures where the bench reads them. */
export function saveFigures(name: string, figures: PageFigures): void {
  const dir = process.env.WEAPP_AUDIT_OUT;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(figures));
}
