/**
 * The TV board, H5 build in real Chromium against a real local host: /board/<community> redirects
 * into the app, which shows the community and tonight's state in large type. The TV box runs on
 * UTC on purpose: the board must still show Shanghai time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Notice } from '../../contract/notice';
import type { QueueDesk } from '../../contract/queue';
import { adminAndStaff, type TestClient, type TestHost } from '../../server/hosts/local/testing';
import {
  fontSizePx,
  fullScreenshot,
  launchBrowser,
  pageText,
  screenshotPath,
  startH5Host,
  THURSDAY_NOON,
  WEDNESDAY_1830,
  watch,
  type PageProblems,
} from './support';

jest.setTimeout(60_000);

/** Pictures for the README, from the 1080p run. */
const SCREENSHOTS = path.resolve(__dirname, '../../docs/screenshots');

let browser: Browser;
let wednesday: TestHost;
let thursday: TestHost;
/** Another Wednesday 18:30, well into the evening: calls made, people waiting, five activities. */
let busy: TestHost;
const contexts: BrowserContext[] = [];
let problems: PageProblems | null = null;

beforeAll(async () => {
  [browser, wednesday, thursday, busy] = await Promise.all([
    launchBrowser(),
    startH5Host(WEDNESDAY_1830, true),
    startH5Host(THURSDAY_NOON),
    startH5Host(WEDNESDAY_1830, true),
  ]);
  await playEvening(busy);
});

afterEach(async () => {
  const seen = problems;
  problems = null;
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  expect(seen?.errors ?? []).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([wednesday?.destroy(), thursday?.destroy(), busy?.destroy()]);
});

/** A TV box (1080p unless said) whose system clock is on UTC. */
async function openTv(viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'UTC' });
  contexts.push(context);
  const page = await context.newPage();
  problems = watch(page);
  return page;
}

async function openBoard(
  host: TestHost,
  community: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await openTv(viewport);
  const response = await page.goto(`${host.url}/board/${community}`);
  expect(response?.ok()).toBe(true);
  // The server answered with a redirect into the app's board page.
  const redirect = response?.request().redirectedFrom();
  expect(redirect?.url()).toBe(`${host.url}/board/${community}`);
  expect(page.url()).toBe(`${host.url}/#/package-board/pages/board/index?c=${community}`);
  return page;
}

/**
 * The board's clock text once it settles on `expected` (the server's time is set by the answers
 * as they land, and a minute may turn meanwhile): waits up to 3 s rather than read the very first
 * frame. Returns the last text seen.
 */
async function clockSettlesOn(page: Page, expected: RegExp): Promise<string> {
  const clock = page.locator('.bdb-board__clock');
  try {
    await page.waitForFunction(
      (source) =>
        new RegExp(source).test(document.querySelector('.bdb-board__clock')?.textContent ?? ''),
      expected.source,
      { timeout: 3_000 },
    );
  } catch {
    // fall through: the assertion shows what the board said
  }
  return (await clock.textContent()) ?? '';
}

describe('TV board (H5)', () => {
  it('shows an open evening at 金色里程 in large type, in Shanghai time on a UTC box', async () => {
    const page = await openBoard(wednesday, 'jinse');
    const name = page.locator('.bdb-board__name');
    await name.filter({ hasText: '金色里程社区' }).waitFor();

    expect(await page.locator('.bdb-board__date').textContent()).toBe('12月2日 周三');
    // The server's 18:30, not the box's 10:30 UTC.
    expect(await clockSettlesOn(page, /^18:3[01]$/)).toMatch(/^18:3[01]$/);
    expect(await page.locator('.bdb-board__demo').textContent()).toBe('演示时钟');

    const status = page.locator('.bdb-board__status');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('class')).toContain('bdb-board__status--open');
    expect(await page.locator('.bdb-board__status-title').textContent()).toBe(
      '● 开放中 17:00–20:00',
    );
    expect(await page.locator('.bdb-board__next').count()).toBe(0);
    // While open, the two walk-in lines are listed.
    expect(
      await page.locator('.bdb-board__queue-name').evaluateAll((n) => n.map((e) => e.textContent)),
    ).toEqual(['健康检测', '图书阅览']);

    // Readable from across the room.
    expect(await fontSizePx(name)).toBeGreaterThanOrEqual(32);
    expect(await fontSizePx(page.locator('.bdb-board__status-title'))).toBeGreaterThanOrEqual(32);
    expect(await fontSizePx(page.locator('.bdb-board__clock'))).toBeGreaterThanOrEqual(32);
    expect(await pageText(page)).not.toMatch(/[A-Za-z]/);

    await fullScreenshot(page, 'board.png');
  });

  it('shows a closed Thursday with the next opening', async () => {
    const page = await openBoard(thursday, 'huchi');
    await page.locator('.bdb-board__name').filter({ hasText: '虎池苑社区' }).waitFor();

    expect(await page.locator('.bdb-board__date').textContent()).toBe('12月3日 周四');
    expect(await clockSettlesOn(page, /^12:0[01]$/)).toMatch(/^12:0[01]$/);
    const status = page.locator('.bdb-board__status');
    expect(await status.getAttribute('class')).toContain('bdb-board__status--closed');
    expect(await page.locator('.bdb-board__status-title').textContent()).toBe('○ 今晚未开放');
    expect(await page.locator('.bdb-board__next').textContent()).toBe(
      '下次开放：12月9日 周三 17:00',
    );
    expect(await fontSizePx(page.locator('.bdb-board__status-title'))).toBeGreaterThanOrEqual(32);
    // No demo label on a real clock, no queue list while closed.
    expect(await page.locator('.bdb-board__demo').count()).toBe(0);
    expect(await page.locator('.bdb-board__queue').count()).toBe(0);

    await fullScreenshot(page, 'board-closed.png');
  });

  it('says in Chinese when the board names an unknown community', async () => {
    const page = await openBoard(wednesday, 'nowhere');
    const message = page.locator('.bdb-board-page__message');
    await message.filter({ hasText: '没有找到这个社区' }).waitFor();
    expect(await message.textContent()).toBe(
      '没有找到这个社区，请重新扫码或选择社区（自动重试中）',
    );
    expect(await pageText(page)).not.toMatch(/[A-Za-z]/);
  });
});

// ── one screen at every TV size ──────────────────────────────────────────────

/** Fails with the answer's text when an action did not work. */
async function must<T>(client: TestClient, fn: string, body: Record<string, unknown>): Promise<T> {
  const response = await client.call<T>(fn, body);
  if (!response.body.ok) throw new Error(`${fn}.${String(body.action)}: ${response.text}`);
  return response.body.data;
}

/**
 * 18:30 at 金色里程: 图书阅览 has called B001–B006 with one waiting; 健康检测 has called A001–A005
 * (A005 done, so nobody at the desk and five earlier calls) with one waiting; this week's notice
 * lists five activities tonight, one with a long name: more than fit side by side.
 */
async function playEvening(host: TestHost): Promise<void> {
  const { staff } = await adminAndStaff(host);
  const line = async (queue: string, residents: number, calls: number) => {
    for (let i = 0; i < residents; i += 1) {
      const resident = host.client();
      await resident.session();
      await must(resident, 'queue', {
        action: 'join',
        community: 'jinse',
        queue,
        requestId: `board-${queue}-${i}-0000`,
      });
    }
    let desk: QueueDesk | null = null;
    for (let i = 0; i < calls; i += 1) {
      desk = await must<QueueDesk>(staff, 'queue', {
        action: 'callNext',
        community: 'jinse',
        queue,
      });
    }
    return desk!;
  };
  await line('library', 7, 6);
  const health = await line('health', 6, 5);
  const atDesk = health.tickets.find((t) => t.status === 'called')!;
  await must(staff, 'queue', { action: 'complete', ticketId: atDesk.id });

  const activity = (name: string, startsAt: string, endsAt: string, place: string) => ({
    name,
    date: '2026-12-02',
    startsAt,
    endsAt,
    place,
    capacity: null,
    signUp: false,
  });
  const notice = await must<Notice>(staff, 'notice', {
    action: 'save',
    community: 'jinse',
    week: '2026-12-02',
    title: '本周三晚 八点伴',
    body: '欢迎参加。',
    activities: [
      activity('书法体验课', '17:30', '18:30', '二楼活动室'),
      activity('智能手机课：学会微信视频通话和挂号', '18:00', '19:00', '一楼多功能厅'),
      activity('少儿绘本阅读', '18:30', '19:30', '图书角'),
      activity('太极拳', '19:00', '19:45', '小广场'),
      activity('社区合唱团排练', '19:00', '20:00', '三楼会议室'),
    ],
  });
  await must(staff, 'notice', { action: 'publish', id: notice.id });
}

/** What would scroll, what is cut off and what is too small, measured in the page itself. */
async function layoutProblems(page: Page): Promise<string[]> {
  const scrolls = await page.evaluate(() => {
    const doc = document.documentElement;
    const found: string[] = [];
    if (doc.scrollHeight > window.innerHeight) found.push(`document ${doc.scrollHeight} px tall`);
    if (doc.scrollWidth > window.innerWidth) found.push(`document ${doc.scrollWidth} px wide`);
    // Taro H5 scrolls inside its page containers too.
    const containers = document.querySelectorAll<HTMLElement>('.taro_page, .bdb-board-page');
    for (const el of [...containers, document.querySelector<HTMLElement>('.bdb-board')!]) {
      if (el.scrollHeight > el.clientHeight + 1) found.push(`${el.className} scrolls`);
    }
    return found;
  });
  const misplaced = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('.bdb-board *')) {
      const box = el.getBoundingClientRect();
      const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
      const off = box.bottom > window.innerHeight + 1 || box.right > window.innerWidth + 1;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (box.width > 0 && off) found.push(`${el.className} outside the screen`);
      if (text && size < 16) found.push(`${el.className} "${el.textContent}" at ${size}px`);
    }
    return found;
  });
  // Nothing cut inside a panel or the activities (a long name may end in an ellipsis on purpose).
  const cut = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        '.bdb-board__queue, .bdb-board__queue-recent, .bdb-activity-strip__items',
      ),
    ]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
      .map((el) => `${el.className} "${el.textContent}" overflows`),
  );
  return [...scrolls, ...misplaced, ...cut];
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

describe('TV board on one screen', () => {
  it.each(SIZES)('fits $width×$height with no scrolling, every number large', async (size) => {
    const page = await openBoard(busy, 'jinse', size);
    const panels = page.locator('.bdb-board__queue');
    await page.locator('.bdb-board__queue-now').filter({ hasText: 'B006' }).waitFor();
    await page.locator('.bdb-activity-strip__item').first().waitFor();
    await page.evaluate(() => document.fonts.ready);

    expect(await layoutProblems(page)).toEqual([]);

    // Per line: the number now called, very large; the calls before it; how many wait.
    expect(await panels.count()).toBe(2);
    const library = panels.filter({ hasText: '图书阅览' });
    const health = panels.filter({ hasText: '健康检测' });
    expect(await library.locator('.bdb-board__queue-now').textContent()).toBe('B006');
    expect(await library.locator('.bdb-board__queue-chip').allTextContents()).toEqual([
      'B005',
      'B004',
      'B003',
      'B002',
    ]);
    expect(await library.locator('.bdb-board__queue-waiting').textContent()).toBe('等待 1 位');
    expect(await health.locator('.bdb-board__queue-now').textContent()).toBe('—');
    expect(await health.locator('.bdb-board__queue-chip').allTextContents()).toEqual([
      'A005',
      'A004',
      'A003',
      'A002',
      'A001',
    ]);
    for (const panel of [library, health]) {
      expect(await panel.locator('.bdb-board__queue-state').textContent()).toBe('● 取号中');
    }
    // Readable from across the hall: the number is at least a fifth of the screen's height.
    const now = await fontSizePx(library.locator('.bdb-board__queue-now'));
    expect(now).toBeGreaterThanOrEqual(size.height / 5);

    // Five activities in pages of three and two, taking turns.
    expect(await page.locator('.bdb-activity-strip__item').count()).toBe(3);
    expect(await page.locator('.bdb-activity-strip__page').textContent()).toBe('1/2');

    await page.screenshot({ path: screenshotPath(`board-${size.width}x${size.height}.png`) });
    if (size.width === 1920) {
      await fs.promises.mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'board-1080p.png') });
    }
  });

  it('turns the activities’ page by itself, calmly, and stays on one screen', async () => {
    const page = await openBoard(busy, 'jinse', { width: 1280, height: 720 });
    const items = page.locator('.bdb-activity-strip__item');
    await items.first().waitFor();
    const first = await items.allTextContents();
    expect(first).toHaveLength(3);
    // The next page after about eight seconds: no marquee, the whole page changes at once.
    await page
      .locator('.bdb-activity-strip__page')
      .filter({ hasText: /^2\/2$/ })
      .waitFor({ timeout: 12_000 });
    const second = await items.allTextContents();
    expect(second).toHaveLength(2);
    expect(second.some((text) => first.includes(text))).toBe(false);
    expect([...first, ...second].join(' ')).toContain('社区合唱团排练');
    expect(await layoutProblems(page)).toEqual([]);
  });
});
