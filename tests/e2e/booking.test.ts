/**
 * Bookings in Chromium against the real local host: a resident books, sees it in 我的预约 and
 * cancels; a second resident waiting on the full slot is promoted and sees the booking confirmed.
 */
import type { Browser, Page } from 'playwright-core';
import { adminAndStaff, type TestHost } from '../../server/hosts/local/testing';
import {
  button,
  fullScreenshot,
  launchBrowser,
  newPhonePage,
  startH5Host,
  WEDNESDAY_1830,
  type PageProblems,
} from './support';

const BOOK = '/#/package-booking/pages/book/index?c=jinse&s=paperwork';
const MINE = '/#/package-booking/pages/mine/index';

let host: TestHost;
let browser: Browser;

beforeAll(async () => {
  host = await startH5Host(WEDNESDAY_1830);
  browser = await launchBrowser();
  // One seat per slot, so the second resident lands on the waitlist.
  const { staff } = await adminAndStaff(host);
  const configured = await staff.call('booking', {
    action: 'configure',
    community: 'jinse',
    service: 'paperwork',
    seatsPerSlot: 1,
  });
  if (configured.status !== 200) throw new Error(configured.text);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.destroy();
});

/** Opens the booking page, picks next Wednesday's 19:00 slot and confirms. */
async function bookNextWednesday(page: Page, slotText: RegExp) {
  await page.goto(`${host.url}${BOOK}`);
  await page.getByText('政务服务').first().waitFor();
  await page.getByText('12月9日 周三').click();
  const slot = page.locator('taro-button-core').filter({ hasText: slotText });
  await slot.click();
  await button(page, '确认预约').click();
}

it('books, shows 我的预约, cancels, and promotes the resident on the waitlist', async () => {
  const first = await newPhonePage(browser);
  const second = await newPhonePage(browser);
  const problems: PageProblems[] = [first.problems, second.problems];

  await bookNextWednesday(first.page, /^\s*19:00–19:30 · 剩 1 位\s*$/);
  await first.page.getByText('预约成功').waitFor();
  await first.page.getByText('请带上：身份证、户口本').first().waitFor();

  await bookNextWednesday(second.page, /^\s*19:00–19:30 · 已满 · 可候补/);
  await second.page.getByText('已加入候补，第 1 位').waitFor();

  await first.page.goto(`${host.url}${MINE}`);
  await first.page.getByText('已预约').first().waitFor();
  await fullScreenshot(first.page, 'booking-mine.png');
  await button(first.page, '取消预约').click();
  await button(first.page, '确认取消').click();
  await first.page.getByText('已取消').first().waitFor();

  await second.page.goto(`${host.url}${MINE}`);
  await second.page.getByText('已预约').first().waitFor();
  expect(await second.page.getByText('候补第 1 位').count()).toBe(0);
  await fullScreenshot(second.page, 'booking-promoted.png');

  for (const p of problems) expect(p.errors).toEqual([]);
  await first.context.close();
  await second.context.close();
}, 90_000);
