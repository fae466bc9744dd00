/**
 * The call reaches a resident who is not on the ticket page (#14): she took a number and went
 * back to the tonight page; the desk calls her. On the tonight page itself: the full-screen call
 * as a modal dialog with focus on 我知道了, the words in the assertive live region, 我的号 saying
 * 已叫号, the vibration pattern repeating until 我知道了, and the screen kept on while she waits.
 * H5 build in real Chromium against a real local host. Needs `npm run build:h5`.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { adminAndStaff, type TestClient, type TestHost } from '../../server/hosts/local/testing';
import {
  button,
  launchBrowser,
  screenshotPath,
  startH5Host,
  TONIGHT,
  WEDNESDAY_1830,
  watch,
  type PageProblems,
} from './support';

jest.setTimeout(90_000);

const WAIT_MS = 20_000;
const TICKET_URL = /#\/pages\/ticket\/index\?id=([^&]+)&c=jinse$/;

let browser: Browser;
let host: TestHost;
let context: BrowserContext;
let resident: Page;
let problems: PageProblems;
let desk: TestClient;

/**
 * Chromium's own vibration and wake lock do nothing visible in a headless test: stand-ins record
 * what the page asked for, in the page's window.
 */
function recordSignals(): void {
  const w = window as unknown as {
    __vibrations: (number | number[])[];
    __wakeLocks: { requested: number; released: number };
  };
  w.__vibrations = [];
  w.__wakeLocks = { requested: 0, released: 0 };
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (pattern: number | number[]) => {
      w.__vibrations.push(pattern);
      return true;
    },
  });
  Object.defineProperty(navigator, 'wakeLock', {
    configurable: true,
    value: {
      request: () => {
        w.__wakeLocks.requested += 1;
        const lock = {
          released: false,
          release: () => {
            lock.released = true;
            w.__wakeLocks.released += 1;
            return Promise.resolve();
          },
        };
        return Promise.resolve(lock);
      },
    },
  });
}

const vibrations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __vibrations: (number | number[])[] }).__vibrations);
const wakeLocks = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __wakeLocks: { requested: number; released: number } }).__wakeLocks,
  );

async function waitText(locator: Locator, text: string): Promise<void> {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await locator
    .filter({ hasText: new RegExp(`^\\s*${escaped}\\s*$`) })
    .first()
    .waitFor();
}

const arrived = (page: Page, selector: string) =>
  page.locator(`.taro_page.taro_page_stationed ${selector}`).first().waitFor();

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startH5Host(WEDNESDAY_1830)]);
  ({ staff: desk } = await adminAndStaff(host));
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(WAIT_MS);
  await context.addInitScript(recordSignals);
  resident = await context.newPage();
  problems = watch(resident);
  await resident.clock.setSystemTime(new Date(WEDNESDAY_1830));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await host?.destroy();
});

describe('the call on the tonight page (H5)', () => {
  it('calls a resident who went back to the tonight page, and stops on 我知道了', async () => {
    await resident.goto(`${host.url}${TONIGHT('jinse')}`);
    await resident.locator('.bdb-tonight__name').filter({ hasText: '金色里程社区' }).waitFor();
    await resident.locator('button[aria-label="图书阅览 取号"]').click();
    await resident.waitForURL(TICKET_URL);
    const ticketId = decodeURIComponent(TICKET_URL.exec(resident.url())![1]!);
    await arrived(resident, '.bdb-ticket__label');
    await button(resident, '回到今晚服务').click();
    await resident.waitForURL(/#\/pages\/tonight\/index\?c=jinse$/);
    await arrived(resident, '.bdb-tonight__name');
    const entry = resident.locator('.taro_page_stationed .bdb-my-entry__main');
    await waitText(entry, '图书阅览 B001 · 排队中');
    // The live line is in (it counts her): the feed is open.
    await waitText(
      resident.locator('.taro_page_stationed .bdb-queue-join__waiting'),
      '现在有 1 位在等',
    );
    // Her number waits: the screen is kept on.
    expect((await wakeLocks(resident)).requested).toBeGreaterThanOrEqual(1);
    expect(await resident.locator('.bdb-called').count()).toBe(0);
    const before = (await vibrations(resident)).length;

    const called = await desk.call('queue', {
      action: 'callNext',
      community: 'jinse',
      queue: 'library',
    });
    expect(called.body.ok).toBe(true);

    // The full screen, a modal dialog named by its title.
    const dialog = resident.locator('.bdb-called');
    await dialog.waitFor();
    expect(await dialog.getAttribute('role')).toBe('dialog');
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    const titleId = await dialog.getAttribute('aria-labelledby');
    expect(await resident.locator(`[id="${titleId}"]`).textContent()).toBe('请到服务台');
    await waitText(resident.locator('.bdb-called__label'), 'B001');
    // Read out, not only shown.
    await waitText(
      resident.locator('.taro_page_stationed [aria-live="assertive"]'),
      '请 B001 到服务台',
    );
    // 我的号 on the tonight page says so too.
    await waitText(entry, '图书阅览 B001 · 已叫号，请到服务台');
    // Focus is on 我知道了.
    await resident.waitForFunction(
      () =>
        document.activeElement?.closest('.bdb-called__dismiss')?.textContent?.trim() === '我知道了',
    );
    expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await resident.screenshot({ path: screenshotPath('call-tonight.png') });

    // Felt: the pattern, and again a few seconds later while not acknowledged.
    const isPattern = (v: number | number[]) => Array.isArray(v) && v.length > 1;
    await resident.waitForFunction(
      (from) =>
        (window as unknown as { __vibrations: (number | number[])[] }).__vibrations
          .slice(from)
          .filter((v) => Array.isArray(v) && v.length > 1).length >= 2,
      before,
      { timeout: 12_000 },
    );

    // 我知道了 by keyboard (focus is on it): the call is gone, the vibration stops.
    await resident.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const stopped = await vibrations(resident);
    expect(stopped[stopped.length - 1]).toBe(0);
    await resident.waitForTimeout(6_000);
    expect((await vibrations(resident)).filter(isPattern)).toHaveLength(
      stopped.filter(isPattern).length,
    );
    // The number is still called: 我的号 says so, the live region is quiet.
    await waitText(entry, '图书阅览 B001 · 已叫号，请到服务台');
    expect(
      await resident.locator('.taro_page_stationed [aria-live="assertive"]').textContent(),
    ).toBe('');

    // Served: no number waits any more, the screen may go dark.
    const done = await desk.call('queue', { action: 'complete', ticketId });
    expect(done.body.ok).toBe(true);
    await resident.waitForFunction(
      () => (window as unknown as { __wakeLocks: { released: number } }).__wakeLocks.released >= 1,
    );
    expect(problems.errors).toEqual([]);
  });
});

describe('the call on a page the app opened on (H5)', () => {
  it('calls a resident who opened a notice link straight, with no page that loads her tickets', async () => {
    await resident.goto(`${host.url}${TONIGHT('jinse')}`);
    await resident.locator('button[aria-label="图书阅览 取号"]').click();
    await resident.waitForURL(TICKET_URL);
    await arrived(resident, '.bdb-ticket__label');
    await resident.close();

    // A new tab, same browser (same identity), straight onto the notice list.
    const notices = await context.newPage();
    const seen = watch(notices);
    await notices.clock.setSystemTime(new Date(WEDNESDAY_1830));
    await notices.goto(`${host.url}/#/package-notice/pages/list/index?c=jinse`);
    await arrived(notices, 'main h1');
    // The watch asked for her numbers and follows the line (her wait keeps the screen on).
    await notices.waitForFunction(
      () =>
        (window as unknown as { __wakeLocks: { requested: number } }).__wakeLocks.requested >= 1,
    );

    const called = await desk.call('queue', {
      action: 'callNext',
      community: 'jinse',
      queue: 'library',
    });
    expect(called.body.ok).toBe(true);
    await notices.locator('.bdb-called').waitFor();
    await waitText(notices.locator('.bdb-called__label'), 'B002');
    await waitText(
      notices.locator('.taro_page_stationed [aria-live="assertive"]'),
      '请 B002 到服务台',
    );
    expect(seen.errors).toEqual([]);
  });
});
