/**
 * What prints, in Chromium against the real local host (#16): after a Wednesday evening with
 * residents served, the admin opens the 街道汇总 from the staff entry and sees the figures; printed,
 * it drops navigation and buttons, keeps black on white and fits one A4 page. The community's
 * 本周海报 shows its services, this week's activity and the tonight QR code, on one A4 page too.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Notice } from '../../contract/notice';
import type { Ticket } from '../../contract/queue';
import { entryUrl, qrPng } from '../../server/hosts/local/qr';
import {
  adminAndStaff,
  type TestClient,
  type TestHost,
  type TestResponse,
} from '../../server/hosts/local/testing';
import { identityContext, openPage } from './a11y-support';
import {
  button,
  launchBrowser,
  pageText,
  screenshotPath,
  SIGN_IN,
  startH5Host,
  WEDNESDAY_1830,
} from './support';

let host: TestHost;
let browser: Browser;
let admin: TestClient;
let staff: TestClient;

const DESK = { width: 1280, height: 800, deviceScaleFactor: 1 };
/** A4 at 96 dpi. */
const A4_HEIGHT_PX = 1123;

function ok<T>(response: TestResponse<T>): T {
  if (!response.body.ok) throw new Error(response.text);
  return response.body.data;
}

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startH5Host(WEDNESDAY_1830)]);
  ({ admin, staff } = await adminAndStaff(host));
  // Two residents served at the health line, a third missed; this week's activity published.
  for (const [i, outcome] of (['complete', 'complete', 'miss'] as const).entries()) {
    const resident = host.client();
    await resident.session();
    const ticket = ok<Ticket>(
      await resident.call('queue', {
        action: 'join',
        community: 'jinse',
        queue: 'health',
        requestId: `e2e-print-join-${i}`,
      }),
    );
    ok(await staff.call('queue', { action: 'callNext', community: 'jinse', queue: 'health' }));
    ok(await staff.call('queue', { action: outcome, ticketId: ticket.id }));
  }
  ok(await staff.call('report', { action: 'costs', community: 'jinse', costs: { health: 15 } }));
  const notice = ok<Notice>(
    await staff.call('notice', {
      action: 'save',
      community: 'jinse',
      week: '2026-12-02',
      title: '本周活动',
      body: '',
      activities: [
        {
          name: '手工编织',
          date: '2026-12-02',
          startsAt: '18:30',
          endsAt: '19:30',
          place: '二楼活动室',
          capacity: null,
          signUp: false,
        },
      ],
    }),
  );
  ok(await staff.call('notice', { action: 'publish', id: notice.id }));
  // The subdistrict has 17 estates: 15 more, set up as the pilots are, for the one-page print.
  const pilot = (await host.deps.store.communities.get('jinse'))!;
  for (let i = 1; i <= 15; i += 1) {
    const id = `estate-${String(i).padStart(2, '0')}`;
    await host.deps.store.communities.save({ ...pilot, id, name: `第${i}小区社区` });
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.destroy();
});

/** In print media: what is still visible, how tall the page is, and how many A4 pages it makes. */
async function printed(page: Page, name: string) {
  await page.setViewportSize({ width: 794, height: A4_HEIGHT_PX });
  await page.emulateMedia({ media: 'print' });
  const visibleButtons = await page.locator('button:visible, [role="button"]:visible').count();
  const visibleNavigation = await page
    .locator(
      '.taro-navigation-bar-wrap:visible, .taro-tabbar__tabbar:visible, .bdb-no-print:visible',
    )
    .count();
  const height = await page.evaluate(() =>
    Math.max(...[...document.querySelectorAll('.bdb-a11y-root')].map((el) => el.scrollHeight)),
  );
  const colors = await page.evaluate(() => {
    const sheet = document.querySelector('.bdb-print-sheet')!;
    return [sheet, ...sheet.querySelectorAll('*')].map((el) => getComputedStyle(el).color);
  });
  await page.screenshot({ path: screenshotPath(`${name}-print.png`), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
  return { visibleButtons, visibleNavigation, height, colors: [...new Set(colors)], pages };
}

describe('printing', () => {
  let context: BrowserContext;
  afterEach(async () => {
    await context?.close();
  });

  it('the admin opens the 街道汇总 after a served evening and prints it on one A4 page', async () => {
    context = await identityContext(browser, host, admin, 'standard', DESK);
    const page = await context.newPage();
    await page.goto(`${host.url}${SIGN_IN}`);
    await button(page, '街道汇总（各社区近 8 周，可打印）').click();
    // Taro H5 keeps the sign-in page in the DOM, hidden: read the summary's own sheet.
    const sheet = page.locator('.bdb-subdistrict');
    await sheet.getByText('金色里程社区').waitFor();
    const text = await sheet.innerText();
    expect(text).toContain('截至 12月2日 周三 · 各社区最近一个服务晚和近 8 周');
    expect(text).toContain(
      '最近一晚 12月2日：2 人次 · 2 人 · 费用 30 元 · 暂无回访 · 未答复建议 0 条',
    );
    expect(text).toContain('近 8 周合计：2 人次 · 费用 30 元 · 暂无回访');
    expect(text).toContain('虎池苑社区');
    expect(await sheet.locator('.bdb-subdistrict__community').count()).toBe(17);
    expect(await button(page, '打印街道汇总').isVisible()).toBe(true);

    const paper = await printed(page, 'subdistrict');
    expect(paper.visibleButtons).toBe(0);
    expect(paper.visibleNavigation).toBe(0);
    expect(paper.colors).toEqual(['rgb(0, 0, 0)']);
    expect(paper.height).toBeLessThanOrEqual(A4_HEIGHT_PX);
    expect(paper.pages).toBe(1);
    // The figures are still there on paper.
    expect(await sheet.innerText()).toContain('最近一晚 12月2日：2 人次');
  }, 120_000);

  it("the staff's 本周海报 shows the services, the activity and the tonight QR code, on one A4 page", async () => {
    context = await identityContext(browser, host, staff, 'standard', DESK);
    const page = await openPage(context, `${host.url}/#/package-staff/pages/poster/index?c=jinse`);
    const text = await pageText(page);
    expect(text).toContain('八点伴 · 金色里程社区');
    expect(text).toContain('本周服务晚：12月2日 周三 17:00–20:00');
    expect(text).toContain('政务服务');
    expect(text).toContain('健康检测');
    expect(text).toContain('● 12月2日 周三 18:30–19:30 手工编织 · 二楼活动室');
    const qr = page.getByRole('img', { name: '金色里程社区今晚服务二维码' });
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.bdb-poster__qr-image');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    // The image is the host's QR of the tonight URL of 金色里程 (made by the same library).
    const src = (await qr.getAttribute('src'))!;
    const served = Buffer.from(await (await staff.raw('GET', src)).arrayBuffer());
    expect(served.equals(await qrPng(entryUrl(host.url, 'jinse')))).toBe(true);
    // Big type for elderly readers.
    const itemPx = await page
      .locator('.bdb-poster__item')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(itemPx).toBeGreaterThanOrEqual(20);

    const paper = await printed(page, 'poster');
    expect(paper.visibleButtons).toBe(0);
    expect(paper.visibleNavigation).toBe(0);
    expect(paper.pages).toBe(1);
    expect(await qr.isVisible()).toBe(true);
  }, 120_000);
});
