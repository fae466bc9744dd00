/**
 * The traps of a real evening on the resident's phone, H5 build in real Chromium against a real
 * local host: a poster's service on the first screen, an unknown community in a link, an unknown
 * route, and a double tap on 取号 while the ticket page loads.
 * Needs `npm run build:h5`; screenshots go to test-output/e2e/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestHost } from '../../server/hosts/local/testing';
import {
  button,
  launchBrowser,
  pageText,
  screenshotPath,
  startH5Host,
  THURSDAY_NOON,
  TONIGHT,
  WEDNESDAY_1830,
  watch,
  type PageProblems,
} from './support';

jest.setTimeout(60_000);

/** A small phone: the first screen is 360 × 640 CSS px. */
const SMALL_PHONE = { width: 360, height: 640 };

let browser: Browser;
/** The demo clock: its banner takes room on the first screen too. */
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
  // No uncaught exception in any page of the scenario.
  expect(seen?.errors ?? []).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([wednesday?.destroy(), thursday?.destroy()]);
});

async function openPhone(viewport = SMALL_PHONE): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(20_000);
  contexts.push(context);
  const page = await context.newPage();
  problems = watch(page);
  return page;
}

/** Waits for an element on a page that has finished sliding in (Taro H5 animates for 300 ms). */
const arrived = (page: Page, selector: string) =>
  page.locator(`.taro_page.taro_page_stationed ${selector}`).first().waitFor();

/** Whether the whole element lies inside the first screen (no scrolling needed). */
async function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return box.y >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width;
}

/** The action sent with each `POST /api/<function>`, as "queue.join". */
function trackActions(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() !== 'POST' || !url.pathname.startsWith('/api/')) return;
    const body = request.postDataJSON() as { action?: string } | null;
    sent.push(`${url.pathname.slice('/api/'.length)}.${body?.action ?? '?'}`);
  });
  return sent;
}

describe('a QR poster that names a service', () => {
  const LIBRARY = '.bdb-service-list__item--highlighted';
  const JOIN = `${LIBRARY} button[aria-label="图书阅览 取号"]`;

  it.each([
    ['standard', false],
    ['elder', true],
  ])(
    'puts the scanned line and its 取号 on the first screen of a 360×640 phone (%s mode)',
    async (mode, elder) => {
      const page = await openPhone();
      // Elder mode chosen on an earlier visit, as residents do once.
      if (elder) {
        await page.goto(`${wednesday.url}${TONIGHT('jinse')}`);
        await page.locator('[role=radio]').filter({ hasText: '长辈模式' }).click();
        await page.locator('.bdb-a11y-root--elder').waitFor();
      }
      await page.goto(`${wednesday.url}${TONIGHT('jinse')}&q=library`);
      await arrived(page, JOIN);
      if (elder) await page.locator('.bdb-a11y-root--elder').waitFor();

      // The page opens at its top: nothing scrolled, and yet the line is in view, said in words.
      expect(await page.locator(LIBRARY).innerText()).toMatch(/您扫码的是这项服务[\s\S]*图书阅览/);
      expect(await onFirstScreen(page, LIBRARY)).toBe(true);
      expect(await onFirstScreen(page, JOIN)).toBe(true);
      // The rest of the evening is still there, below.
      expect(await page.locator('.bdb-tonight__section-title').innerText()).toBe(
        '其他服务项目（7 项）',
      );
      await page.screenshot({ path: screenshotPath(`poster-first-screen-${mode}.png`) });

      // And the button works from there.
      await page.locator(JOIN).click();
      await arrived(page, '.bdb-ticket__label');
      expect(await page.locator('.bdb-ticket__line').first().innerText()).toBe('图书阅览');
    },
  );
});

describe('an unknown community in a link', () => {
  it('is never remembered: the plain link afterwards asks for the community', async () => {
    const page = await openPhone();
    await page.goto(`${thursday.url}${TONIGHT('nope')}`);
    await page.locator('[role=alert]').filter({ hasText: '没有找到这个社区' }).waitFor();

    // Opened again later without `c` (from the chat list, a bookmark).
    await page.goto('about:blank');
    await page.goto(`${thursday.url}${TONIGHT()}`);
    await page.getByText('请选择您的社区').waitFor();
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await button(page, '金色里程社区').click();
    await page.locator('.bdb-tonight__name').filter({ hasText: '金色里程社区' }).waitFor();

    // A closed day reads as information with the next opening, not as a failure.
    const status = page.locator('.bdb-status-card');
    expect(await status.innerText()).toContain('下次开放：12月9日 周三 17:00');
    expect(await status.innerText()).not.toContain('✕');
    const colour = await status.evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(26, 26, 26)');

    // The confirmed choice is what the plain link opens from now on.
    await page.goto('about:blank');
    await page.goto(`${thursday.url}${TONIGHT()}`);
    await page.locator('.bdb-tonight__name').filter({ hasText: '金色里程社区' }).waitFor();
  });

  it('recovers from a remembered community that no longer exists', async () => {
    const page = await openPhone();
    await page.goto(`${thursday.url}${TONIGHT('jinse')}`);
    await page.locator('.bdb-tonight__name').filter({ hasText: '金色里程社区' }).waitFor();
    // What an older version left behind, or a community since withdrawn.
    await page.evaluate(() =>
      localStorage.setItem('bdb.community', JSON.stringify({ data: 'withdrawn' })),
    );

    await page.goto('about:blank');
    await page.goto(`${thursday.url}${TONIGHT()}`);
    await page.getByText('之前选过的社区现在找不到了，请在下面重新选择').waitFor();
    expect(await page.locator('[role=alert]').count()).toBe(0);
    await button(page, '虎池苑社区').click();
    await page.locator('.bdb-tonight__name').filter({ hasText: '虎池苑社区' }).waitFor();
  });
});

describe('an unknown route', () => {
  it.each([
    ['a page that does not exist', '/#/pages/nope/index'],
    ['a subpackage that does not exist', '/#/package-nope/pages/list/index?c=jinse'],
    ['an address the host does not know', '/jinse/library'],
  ])('shows a friendly page not found for %s, with a way back to tonight', async (_, path) => {
    const page = await openPhone();
    await page.goto(`${wednesday.url}${path}`);
    await page.getByText('没有找到这个页面').waitFor();
    const text = await pageText(page);
    expect(text).not.toMatch(/[A-Za-z]/);
    await page.screenshot({ path: screenshotPath('not-found.png') });

    // A phone that never chose a community: tonight asks for one.
    await button(page, '回到今晚服务').click();
    await page.getByText('请选择您的社区').waitFor();
    expect(page.url()).toContain('#/pages/tonight/index');
  });
});

describe('a double tap on 取号', () => {
  it('opens one ticket page, and Back returns to tonight', async () => {
    const page = await openPhone({ width: 390, height: 844 });
    const sent = trackActions(page);
    await page.goto(`${wednesday.url}${TONIGHT('jinse')}`);
    const join = page.locator('button[aria-label="图书阅览 取号"]');
    await arrived(page, 'button[aria-label="图书阅览 取号"]');

    // A slow network: the ticket page's code takes a while, and the tonight page stays on screen
    // meanwhile, inviting a second tap.
    await page.route('**/js/*.js', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    const answered = page.waitForResponse(
      (r) => r.url().endsWith('/api/queue') && r.request().postDataJSON()?.action === 'join',
    );
    await join.click();
    await answered;
    await page.waitForURL(/#\/pages\/ticket\/index/);
    // The second tap lands on the tonight page, still on screen while the ticket page loads.
    expect(await join.isVisible()).toBe(true);
    await join.click({ force: true });

    await arrived(page, '.bdb-ticket__label');
    await page.unroute('**/js/*.js');
    expect(sent.filter((a) => a === 'queue.join')).toEqual(['queue.join']);
    expect(await page.locator('.taro_page').count()).toBe(2);

    await page.goBack();
    await page.locator('.bdb-tonight__name').filter({ hasText: '金色里程社区' }).waitFor();
    expect(page.url()).toMatch(/#\/pages\/tonight\/index\?c=jinse$/);
    expect(await page.locator('.bdb-tonight__name').isVisible()).toBe(true);
  });
});
