/**
 * The TV board, H5 build in real Chromium against a real local host: /board/<community> redirects
 * into the app, which shows the community and tonight's state in large type. The TV box runs on
 * UTC on purpose: the board must still show Shanghai time.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestHost } from '../../server/hosts/local/testing';
import {
  fontSizePx,
  fullScreenshot,
  launchBrowser,
  pageText,
  startH5Host,
  THURSDAY_NOON,
  WEDNESDAY_1830,
  watch,
  type PageProblems,
} from './support';

jest.setTimeout(60_000);

let browser: Browser;
let wednesday: TestHost;
let thursday: TestHost;
const contexts: BrowserContext[] = [];
let problems: PageProblems | null = null;

beforeAll(async () => {
  [browser, wednesday, thursday] = await Promise.all([
    launchBrowser(),
    startH5Host(WEDNESDAY_1830, true),
    startH5Host(THURSDAY_NOON),
  ]);
});

afterEach(async () => {
  const seen = problems;
  problems = null;
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  expect(seen?.errors ?? []).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([wednesday?.destroy(), thursday?.destroy()]);
});

/** A 1080p TV box whose system clock is on UTC. */
async function openTv(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: 'zh-CN',
    timezoneId: 'UTC',
  });
  contexts.push(context);
  const page = await context.newPage();
  problems = watch(page);
  return page;
}

async function openBoard(host: TestHost, community: string): Promise<Page> {
  const page = await openTv();
  const response = await page.goto(`${host.url}/board/${community}`);
  expect(response?.ok()).toBe(true);
  // The server answered with a redirect into the app's board page.
  const redirect = response?.request().redirectedFrom();
  expect(redirect?.url()).toBe(`${host.url}/board/${community}`);
  expect(page.url()).toBe(`${host.url}/#/package-board/pages/board/index?c=${community}`);
  return page;
}

/**
 * The board's clock text once it has ticked: right after the first answer it can show one minute
 * early for up to a second (useServerClock adds the new offset to a stale local time), so wait for
 * the first tick (≤ 1 s) rather than read the very first frame. Returns the last text seen.
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
