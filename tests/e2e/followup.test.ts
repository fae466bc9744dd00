/**
 * The whole 回访 thread in Chromium against the real local host: a resident is served on
 * Wednesday; the host restarts on Thursday morning (a new clock on the same DATA_DIR, as
 * BDB_NOW would give) and its scheduler creates the follow-up; a social worker records the call;
 * the resident leaves a suggestion; staff reply and log the change; the public echo wall shows it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Booking } from '../../contract/booking';
import { fixedClock } from '../../server/core/clock';
import { DEFAULT_H5_DIR } from '../../server/hosts/local/start';
import {
  adminAndStaff,
  startTestHost,
  type TestClient,
  type TestHost,
} from '../../server/hosts/local/testing';
import { button, fullScreenshot, launchBrowser, newPhonePage, SIGN_IN, TONIGHT } from './support';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdb-e2e-followup-'));
let host: TestHost;
let browser: Browser;

const start = (iso: string, jobs = false) =>
  startTestHost({
    clock: fixedClock(iso),
    dataDir,
    h5Dir: DEFAULT_H5_DIR,
    ...(jobs ? { jobsIntervalMs: 60_000 } : {}),
  });

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), start('2026-12-02T18:00:00+08:00')]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** An HTTP client speaking as the browser page's identity (its cookie). */
async function asPage(page: Page): Promise<TestClient> {
  const cookies = await page.context().cookies();
  const client = host.client();
  client.cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return client;
}

const visible = (page: Page, text: string | RegExp) =>
  page.locator('button:visible', {
    hasText: typeof text === 'string' ? new RegExp(`^\\s*${text}\\s*$`) : text,
  });

it('runs from a served resident to a published "你说我做" on the public echo wall', async () => {
  const resident = await newPhonePage(browser);
  const worker = await newPhonePage(browser);

  // Wednesday evening: the resident books paperwork (phone given with consent) and is served.
  await resident.page.goto(`${host.url}${TONIGHT('jinse')}`);
  await resident.page.getByText('政务服务').first().waitFor();
  const booked = await (
    await asPage(resident.page)
  ).call<Booking>('booking', {
    action: 'book',
    slotId: 'jinse_paperwork_20261202_1900',
    requestId: 'e2e-followup-book',
    phone: '13912345678',
    consent: true,
  });
  if (!booked.body.ok) throw new Error(booked.text);
  const { staff } = await adminAndStaff(host);
  await staff.call('booking', { action: 'complete', bookingId: booked.body.data.id });

  // Thursday 09:00: the host comes back on the same data and its scheduler makes the task.
  await host.close();
  host = await start('2026-12-03T09:00:00+08:00', true);

  const { admin } = await adminAndStaff(host);
  const invite = await admin.call<{ code: string }>('staff', {
    action: 'invite',
    community: 'jinse',
  });
  if (!invite.body.ok) throw new Error(invite.text);
  await worker.page.goto(`${host.url}${SIGN_IN}`);
  await worker.page
    .locator('.bdb-redeem-form__input input')
    .pressSequentially(invite.body.data.code);
  await worker.page.locator('button:has-text("验证")').click();
  await button(worker.page, '金色里程社区 回访名单').click();
  await worker.page.getByText('政务服务 19:00').first().waitFor();
  await worker.page.locator('[role="radio"][aria-label$=" 接通"]').first().click();
  await worker.page.locator('[role="radio"][aria-label$=" 满意"]').first().click();
  await worker.page.locator('[role="radio"][aria-label$=" 已解决"]').first().click();
  await visible(worker.page, '保存回访结果').click();
  await worker.page.getByText(/已记录 .* 的回访：满意 · 已解决/).waitFor();
  await fullScreenshot(worker.page, 'followup-calls.png');

  // The resident, invited after the call, leaves a suggestion from the tonight page.
  await resident.page.goto(`${host.url}${TONIGHT('jinse')}`);
  await visible(resident.page, '提建议').click();
  await resident.page.locator('[role="radio"]', { hasText: '开放时间' }).click();
  await resident.page
    .locator('[aria-label="您的建议"]')
    .locator('textarea, input')
    .first()
    .fill('希望周五晚上也能开放，下班后来得及');
  await visible(resident.page, '提交建议').click();
  await resident.page.getByText('回执号 JI-1203-001').waitFor();

  // Staff adopt it and log the change.
  await worker.page.goto(`${host.url}/#/package-staff/pages/suggestions/index?c=jinse`);
  await worker.page.getByText('希望周五晚上也能开放，下班后来得及').first().waitFor();
  await worker.page.locator('[aria-label="答复 JI-1203-001"]').click();
  await worker.page.locator('[aria-label="JI-1203-001 用常用答复：感谢建议，已经安排"]').click();
  await worker.page.locator('[aria-label="发送答复 JI-1203-001"]').click();
  await worker.page.locator('[aria-label="选 JI-1203-001 记录改进"]').click();
  await worker.page
    .locator('[aria-label="改进标题"]')
    .locator('input, textarea')
    .first()
    .fill('周五晚也开放');
  await worker.page
    .locator('[aria-label="改进内容"]')
    .locator('input, textarea')
    .first()
    .fill('从 12 月起，每周五 17:00–20:00 也开放。');
  await visible(worker.page, '记录改进').click();
  await worker.page.getByText('周五晚也开放').first().waitFor();

  // Anyone sees it on the community's public echo wall, without personal data.
  const visitor = await newPhonePage(browser);
  await visitor.page.goto(`${host.url}/#/package-suggestion/pages/echo-wall/index?c=jinse`);
  await visitor.page.getByText('周五晚也开放').first().waitFor();
  // "Since" defaults to the day it was adopted on the server's clock, not the phone's.
  await visitor.page.getByText('12月3日 起').first().waitFor();
  await visitor.page.getByText('希望周五晚上也能开放，下班后来得及').first().waitFor();
  expect(await visitor.page.getByText('13912345678').count()).toBe(0);
  await fullScreenshot(visitor.page, 'echo-wall.png');

  for (const p of [resident, worker, visitor]) {
    expect(p.problems.errors).toEqual([]);
    await p.context.close();
  }
}, 120_000);
