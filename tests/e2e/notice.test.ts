/**
 * Notices in Chromium against the real local host: a social worker writes and publishes this
 * week's notice from the staff pages; a resident sees it on the tonight page, opens it and signs
 * up; the worker sees the sign-up and exports the attendance sheet as CSV.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { adminAndStaff, type TestHost } from '../../server/hosts/local/testing';
import {
  button,
  fullScreenshot,
  launchBrowser,
  newPhonePage,
  SIGN_IN,
  startH5Host,
  TONIGHT,
  type PageProblems,
} from './support';

/** Monday 10:00: the worker writes the week's notice before Wednesday's evening. */
const MONDAY_10 = '2026-11-30T10:00:00+08:00';

let host: TestHost;
let browser: Browser;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startH5Host(MONDAY_10)]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.destroy();
});

/** The social worker's browser: redeems an invite code the admin made, like staff.test.ts does. */
async function socialWorker(page: Page) {
  const { admin } = await adminAndStaff(host);
  const invite = await admin.call<{ code: string }>('staff', {
    action: 'invite',
    community: 'jinse',
  });
  if (!invite.body.ok) throw new Error(invite.text);
  await page.goto(`${host.url}${SIGN_IN}`);
  const input = page.locator('.bdb-redeem-form__input input');
  await input.waitFor();
  await input.pressSequentially(invite.body.data.code);
  await page.locator('button:has-text("验证")').click();
  await page
    .locator('.bdb-identity-card__role')
    .filter({ hasText: /^社工$/ })
    .waitFor();
}

const field = (page: Page, label: string) =>
  page.locator(`[aria-label="${label}"]`).locator('input, textarea').first();

it('publishes a notice that a resident sees on the tonight page and signs up for', async () => {
  const worker = await newPhonePage(browser);
  const resident = await newPhonePage(browser);
  const problems: PageProblems[] = [worker.problems, resident.problems];

  // The worker writes the notice from the staff pages.
  await socialWorker(worker.page);
  await button(worker.page, '金色里程社区 活动通知').click();
  await button(worker.page, '新建本周通知').click();
  await field(worker.page, '通知标题').fill('本周三晚 书法体验课');
  await field(worker.page, '通知正文').fill('象棋角照常开放。\n19:00 书法体验课，名额 8 位。');
  await button(worker.page, '添加活动').click();
  await field(worker.page, '第 1 个活动 名称').fill('书法体验课');
  await worker.page
    .locator('[aria-label^="第 1 个活动 "][role="radio"]')
    .filter({ hasText: '周三' })
    .click();
  await field(worker.page, '第 1 个活动 开始时间').fill('19:00');
  await field(worker.page, '第 1 个活动 结束时间').fill('20:00');
  await field(worker.page, '第 1 个活动 地点').fill('二楼活动室');
  // A new activity needs no sign-up and has unlimited places until told otherwise.
  await worker.page.locator('[aria-label="第 1 个活动 需要报名"]').click();
  await worker.page.locator('[aria-label="第 1 个活动 名额不限"]').click();
  await field(worker.page, '第 1 个活动 名额').fill('8');
  await button(worker.page, '保存并发布').click();
  await worker.page.getByText('已保存并发布，居民现在能看到这条通知').waitFor();
  await fullScreenshot(worker.page, 'notice-editor.png');

  // The resident finds it on the tonight page without looking for it, and signs up.
  await resident.page.goto(`${host.url}${TONIGHT('jinse')}`);
  await resident.page.getByText('本周三晚 书法体验课').click();
  await resident.page.getByText('19:00 书法体验课，名额 8 位。', { exact: false }).waitFor();
  await resident.page.locator('[aria-label="报名 书法体验课"]').click();
  await resident.page.getByText('已报名').first().waitFor();
  await resident.page.getByText('剩 7 个名额（共 8 个）').first().waitFor();
  await fullScreenshot(resident.page, 'notice-detail.png');

  // The worker sees the sign-up and exports the sheet.
  await worker.page.goto(`${host.url}/#/package-staff/pages/notices/index?c=jinse`);
  await button(worker.page, '报名情况').first().click();
  await worker.page.locator('[aria-label="书法体验课 名单和签到"]').click();
  await worker.page.getByText('居民（尾号', { exact: false }).first().waitFor();
  const download = worker.page.waitForEvent('download');
  // Taro H5 keeps the notices page (with its own 导出签到表) in the DOM, hidden, under this one.
  await worker.page.locator('button:visible', { hasText: /^\s*导出签到表\s*$/ }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain('书法体验课,2026-12-02,19:00-20:00,二楼活动室,居民（尾号');
  await fullScreenshot(worker.page, 'notice-attendees.png');

  for (const p of problems) expect(p.errors).toEqual([]);
  await worker.context.close();
  await resident.context.close();
}, 120_000);
