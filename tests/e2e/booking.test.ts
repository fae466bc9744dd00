/**
 * Bookings in Chromium against the real local host, its clock moved where the time matters:
 * - a resident books next week, sees it in 我的预约 and cancels; a second resident waiting on the
 *   full slot is promoted and sees the booking confirmed;
 * - on the evening itself, past the cut-off: the resident is told the rule (and whom to call)
 *   before confirming and gets a booking code; the desk (1280 px) finds the row by code and name,
 *   offers 未到 only once the slot has started, undoes it, and 签到 works after the undo.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Booking, StaffBooking } from '../../contract/booking';
import { adminAndStaff, type TestClient, type TestHost } from '../../server/hosts/local/testing';
import {
  button,
  fullScreenshot,
  launchBrowser,
  movableClock,
  newDeskPage,
  newPhonePage,
  screenshotPath,
  WEDNESDAY_1830,
  startH5Host,
  type PageProblems,
} from './support';

const BOOK = '/#/package-booking/pages/book/index?c=jinse&s=paperwork';
const MINE = '/#/package-booking/pages/mine/index';
const DESK = '/#/package-staff/pages/bookings/index?c=jinse';
const clock = movableClock(WEDNESDAY_1830);

let host: TestHost;
let browser: Browser;
let staff: TestClient;

beforeAll(async () => {
  host = await startH5Host(clock);
  browser = await launchBrowser();
  // One seat per slot, so the second resident lands on the waitlist.
  ({ staff } = await adminAndStaff(host));
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
  const slot = page.locator('button').filter({ hasText: slotText });
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
  expect(await first.page.locator('.bdb-book-result__code').textContent()).toMatch(
    /^预约码 [23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/,
  );

  await bookNextWednesday(second.page, /^\s*19:00–19:30 · 已满 · 可候补/);
  await second.page.getByText('已加入候补，第 1 位').waitFor();

  await first.page.goto(`${host.url}${MINE}`);
  await first.page.getByText('已预约').first().waitFor();
  await fullScreenshot(first.page, 'booking-mine.png');
  await button(first.page, '取消预约').click();
  await button(first.page, '确认取消').click();
  await first.page.getByText('已取消').first().waitFor();
  // Cancelled: nothing left to come.
  await first.page.getByText('接下来的预约（0 个）').waitFor();

  await second.page.goto(`${host.url}${MINE}`);
  await second.page.getByText('已预约').first().waitFor();
  expect(await second.page.getByText('候补第 1 位').count()).toBe(0);
  await fullScreenshot(second.page, 'booking-promoted.png');

  for (const p of problems) expect(p.errors).toEqual([]);
  await first.context.close();
  await second.context.close();
}, 90_000);

/** The staff client's identity in a browser context, as if it had signed in there. */
async function signInAsStaff(context: BrowserContext) {
  const [name, value] = staff.cookie!.split('=') as [string, string];
  await context.addCookies([{ name, value, url: host.url }]);
}

/** A resident with a session of their own, booking over HTTP. */
async function residentBooks(slotId: string, extra: Record<string, unknown> = {}) {
  const resident = host.client();
  await resident.session();
  const booked = await resident.call<Booking>('booking', {
    action: 'book',
    slotId,
    requestId: `e2e-${slotId.slice(-14).replace(/_/g, '-')}`,
    ...extra,
  });
  if (!booked.body.ok) throw new Error(booked.text);
  return booked.body.data;
}

const rowMove = (page: Page, code: string, who: string, move: string) =>
  page.locator(`button[aria-label="${code} ${who} 19:00–19:30 ${move}"]`);

it('tonight, past the cut-off: the rule before confirming, then the desk by code and name, 未到 only once started, undone, 签到', async () => {
  // 16:00: a few bookings made in good time, for the desk to show more than one row.
  clock.set('2026-12-02T16:00:00+08:00');
  await residentBooks('jinse_mending_20261202_1830', { name: '赵阿姨' });
  await residentBooks('jinse_repair_20261202_1900', {
    name: '李叔',
    phone: '13912345678',
    consent: true,
  });
  const forYou = await staff.call<StaffBooking>('booking', {
    action: 'bookFor',
    slotId: 'jinse_physio_20261202_1930',
    name: '陈伯（电话预约）',
    requestId: 'e2e-staff-physio',
  });
  if (!forYou.body.ok) throw new Error(forYou.text);

  clock.set('2026-12-02T18:37:00+08:00');
  const desk = await newDeskPage(browser);
  const resident = await newPhonePage(browser);
  // 我的预约 sorts tonight from past evenings by the phone's date: the phone is on this evening
  // too, or the test would stop passing once the real date in Shanghai is past 2026-12-02.
  await resident.context.clock.setSystemTime(new Date('2026-12-02T18:37:00+08:00'));
  await signInAsStaff(desk.context);

  // The desk sets the community's phone; the settings are folded and open from the keyboard.
  await desk.page.goto(`${host.url}${DESK}`);
  await desk.page.getByText('金色里程社区 预约管理').waitFor();
  const toggle = desk.page.getByRole('button', { name: /^社工联系电话/ });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  expect(await desk.page.locator('input[aria-label="社工联系电话"]').isVisible()).toBe(false);
  await toggle.focus();
  await desk.page.keyboard.press('Enter');
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  await desk.page.locator('[aria-label="社工联系电话"] input').fill('0512-6888 1234');
  await desk.page.locator('button[aria-label="保存社工联系电话"]').click();
  await desk.page.getByText('✓ 联系电话已保存').waitFor();
  await desk.page.keyboard.press('Tab');
  await toggle.focus();
  await desk.page.keyboard.press('Space');
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');

  // 18:37, the resident books tonight's 19:00: the rule is said before confirming.
  await resident.page.goto(`${host.url}${BOOK}`);
  await resident.page
    .locator('button')
    .filter({ hasText: /^\s*19:00–19:30 · 剩 1 位 · 约后不能取消\s*$/ })
    .click();
  const rule = resident.page.getByRole('note');
  await rule.getByText('这个时段离开始已不到 2 小时，约好后不能在网上取消或改约。').waitFor();
  expect(
    await rule.getByRole('link', { name: '拨打社工电话 0512-6888 1234' }).getAttribute('href'),
  ).toBe('tel:051268881234');
  await resident.page.locator('[aria-label="称呼（选填）"] input').fill('王阿姨');
  await button(resident.page, '确认预约').click();
  await resident.page.getByText('预约成功').waitFor();
  const code = (
    (await resident.page.locator('.bdb-book-result__code').textContent()) ?? ''
  ).replace('预约码 ', '');
  expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
  await resident.page.getByText('这个时段临近开始，不能在网上取消或改约。').waitFor();
  expect(await resident.page.getByText(/取消或改约截止/).count()).toBe(0);
  await fullScreenshot(resident.page, 'booking-late.png');

  // 我的预约 offers no cancel or move it would refuse, and says whom to call.
  await resident.page.goto(`${host.url}${MINE}`);
  await resident.page.getByText(`预约码 ${code}`).waitFor();
  await resident.page.getByText('已过取消或改约时间，不能在网上更改。').waitFor();
  expect(await button(resident.page, '取消预约').count()).toBe(0);
  expect(await button(resident.page, '改约').count()).toBe(0);

  // The desk finds the row by its code, with the name; 19:00 has not started: no 未到.
  await button(desk.page, '刷新名单').click();
  const search = desk.page.locator('[aria-label="查找预约：预约码、称呼或电话后四位"] input');
  await search.fill(code.toLowerCase());
  const table = desk.page.getByRole('table', { name: '12月2日 周三 预约名单' });
  await desk.page.getByText('12月2日 周三 预约名单（找到 1 / 4 条）').waitFor();
  const row = table.getByRole('row').filter({ hasText: code });
  await row.getByText('王阿姨').waitFor();
  expect(await rowMove(desk.page, code, '王阿姨', '签到').count()).toBe(1);
  expect(await rowMove(desk.page, code, '王阿姨', '未到').count()).toBe(0);
  await search.fill('王阿姨');
  await desk.page.getByText('12月2日 周三 预约名单（找到 1 / 4 条）').waitFor();
  await search.fill('');

  // 19:00: the slot has started. 未到, then the resident turns up: undo, and 签到 works.
  clock.set('2026-12-02T19:00:00+08:00');
  await button(desk.page, '刷新名单').click();
  await rowMove(desk.page, code, '王阿姨', '未到').click();
  await rowMove(desk.page, code, '王阿姨', '撤销未到').waitFor();
  await row.locator('.bdb-desk-table__cell--status', { hasText: /^未到$/ }).waitFor();
  expect(await rowMove(desk.page, code, '王阿姨', '签到').count()).toBe(0);
  await rowMove(desk.page, code, '王阿姨', '撤销未到').click();
  await rowMove(desk.page, code, '王阿姨', '签到').waitFor();
  await row.locator('.bdb-desk-table__cell--status', { hasText: /^已预约$/ }).waitFor();
  await rowMove(desk.page, code, '王阿姨', '签到').click();
  await row.locator('.bdb-desk-table__cell--status', { hasText: /^已签到$/ }).waitFor();
  expect(await rowMove(desk.page, code, '王阿姨', '签到').count()).toBe(0);
  expect(await rowMove(desk.page, code, '王阿姨', '完成').count()).toBe(1);

  // The desk uses the width: one table, the settings folded, not a 4,800 px column.
  const height = await desk.page.evaluate(
    () => document.querySelector('.bdb-a11y-root')?.scrollHeight ?? 0,
  );
  expect(height).toBeLessThan(2600);
  await fullScreenshot(desk.page, 'bookings-desk.png');
  expect(fs.existsSync(screenshotPath('bookings-desk.png'))).toBe(true);

  for (const p of [desk.problems, resident.problems]) expect(p.errors).toEqual([]);
  await desk.context.close();
  await resident.context.close();
}, 120_000);
