/**
 * 居民点单 and 社区买单 in Chromium against the real local host: residents vote in an open round
 * and see the live ranking; a social worker sees the votes on the staff page, then opens the
 * evening report of a played evening and exports its CSV.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { Round } from '../../contract/program';
import type { Ticket } from '../../contract/queue';
import { adminAndStaff, type TestClient, type TestHost } from '../../server/hosts/local/testing';
import {
  fullScreenshot,
  launchBrowser,
  newPhonePage,
  SIGN_IN,
  startH5Host,
  WEDNESDAY_1830,
  type PageProblems,
} from './support';

let host: TestHost;
let browser: Browser;
let staff: TestClient;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startH5Host(WEDNESDAY_1830)]);
  ({ staff } = await adminAndStaff(host));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.destroy();
});

const visible = (page: Page, text: string) =>
  page.locator('taro-button-core:visible', { hasText: new RegExp(`^\\s*${text}\\s*$`) });

async function signInAsWorker(page: Page) {
  const { admin } = await adminAndStaff(host);
  const invite = await admin.call<{ code: string }>('staff', {
    action: 'invite',
    community: 'jinse',
  });
  if (!invite.body.ok) throw new Error(invite.text);
  await page.goto(`${host.url}${SIGN_IN}`);
  await page.locator('.bdb-redeem-form__input input').pressSequentially(invite.body.data.code);
  await page.locator('taro-button-core:has-text("验证")').click();
  await page
    .locator('.bdb-identity-card__role')
    .filter({ hasText: /^社工$/ })
    .waitFor();
}

it('lets residents vote and staff watch the ranking, then reports the evening with a CSV', async () => {
  const opened = await staff.call<Round>('survey', {
    action: 'open',
    community: 'jinse',
    title: '明年八点伴服务点单',
    maxChoices: 2,
    closesOn: '2026-12-09',
    proposals: [{ name: '手机使用课', kind: 'drop-in', description: '教老人用手机挂号' }],
  });
  if (!opened.body.ok) throw new Error(opened.text);

  // Two residents vote from the tonight page's 居民点单.
  const problems: PageProblems[] = [];
  for (const picks of [['手机使用课', '健康检测'], ['手机使用课']]) {
    const resident = await newPhonePage(browser);
    problems.push(resident.problems);
    await resident.page.goto(`${host.url}/#/pages/tonight/index?c=jinse`);
    await visible(resident.page, '居民点单').click();
    await resident.page.getByText('明年八点伴服务点单').waitFor();
    for (const name of picks) {
      await resident.page.locator('[role="checkbox"]', { hasText: name }).first().click();
    }
    await visible(resident.page, '提交').click();
    await resident.page
      .getByRole('status')
      .filter({ hasText: /提交|已/ })
      .first()
      .waitFor();
    await fullScreenshot(resident.page, 'survey-vote.png');
    await resident.context.close();
  }
  const current = await host
    .client()
    .call<Round>('survey', { action: 'current', community: 'jinse' });
  if (!current.body.ok || !current.body.data) throw new Error(current.text);
  expect(current.body.data.ranking.slice(0, 2).map((c) => [c.name, c.votes])).toEqual([
    ['手机使用课', 2],
    ['健康检测', 1],
  ]);

  // The evening is played: one health-check resident served, 6 minutes at the desk.
  const resident = host.client();
  await resident.session();
  const ticket = await resident.call<Ticket>('queue', {
    action: 'join',
    community: 'jinse',
    queue: 'health',
    requestId: 'e2e-report-join',
  });
  if (!ticket.body.ok) throw new Error(ticket.text);
  await staff.call('queue', { action: 'callNext', community: 'jinse', queue: 'health' });
  await staff.call('queue', { action: 'complete', ticketId: ticket.body.data.id });
  await staff.call('report', { action: 'costs', community: 'jinse', costs: { health: 15 } });

  const worker = await newPhonePage(browser);
  problems.push(worker.problems);
  await signInAsWorker(worker.page);
  await visible(worker.page, '金色里程社区 居民点单').click();
  await worker.page.getByText('手机使用课').first().waitFor();
  await worker.page.getByText(/2 票/).first().waitFor();
  await fullScreenshot(worker.page, 'survey-staff.png');

  await worker.page.goto(`${host.url}/#/package-staff/pages/report/index?c=jinse&d=2026-12-02`);
  await worker.page.getByText('服务 1 人 · 取号 1', { exact: false }).first().waitFor();
  await worker.page.getByText('15 元', { exact: false }).first().waitFor();
  await fullScreenshot(worker.page, 'report.png');
  const download = worker.page.waitForEvent('download');
  await visible(worker.page, '导出汇总 CSV').click();
  const csv = fs.readFileSync((await (await download).path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain('\r\n健康检测,1,1,0,0,');

  for (const p of problems) expect(p.errors).toEqual([]);
  await worker.context.close();
}, 120_000);
