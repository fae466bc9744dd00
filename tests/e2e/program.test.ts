/**
 * 居民点单 and 社区买单 in Chromium against the real local host: residents vote in an open round
 * and see the live ranking; a social worker sees the votes on the staff page, then opens the
 * evening report of a played evening and exports its CSV.
 */
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { EveningRoster } from '../../contract/roster';
import type { Round } from '../../contract/survey';
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
  page.locator('button:visible', { hasText: new RegExp(`^\\s*${text}\\s*$`) });

async function signInAsWorker(page: Page) {
  const { admin } = await adminAndStaff(host);
  const invite = await admin.call<{ code: string }>('staff', {
    action: 'invite',
    community: 'jinse',
  });
  if (!invite.body.ok) throw new Error(invite.text);
  await page.goto(`${host.url}${SIGN_IN}`);
  await page.locator('.bdb-redeem-form__input input').pressSequentially(invite.body.data.code);
  await page.locator('button:has-text("验证")').click();
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
  // 人次 and 人 side by side, in Chinese: one visit of one resident.
  await worker.page.getByText('服务 1 人次（1 人） · 取号 1', { exact: false }).first().waitFor();
  await worker.page.getByText('服务人次').first().waitFor();
  await worker.page.getByText('服务居民').first().waitFor();
  await worker.page.getByText('15 元', { exact: false }).first().waitFor();
  await fullScreenshot(worker.page, 'report.png');
  const download = worker.page.waitForEvent('download');
  await visible(worker.page, '导出汇总 CSV').click();
  const csv = fs.readFileSync((await (await download).path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const summary = csv.toString('utf8');
  expect(summary.startsWith('\uFEFF服务,服务人次,服务人数,')).toBe(true);
  expect(summary).toContain('\r\n健康检测,1,1,1,0,0,');
  expect(summary).toContain('\r\n合计（人数按居民去重）,1,1,');
  const visitsDownload = worker.page.waitForEvent('download');
  await visible(worker.page, '导出明细 CSV').click();
  const visits = fs.readFileSync((await (await visitsDownload).path())!).toString('utf8');
  expect(visits).toContain(',已完成,');
  expect(visits).not.toMatch(/\b(done|no-show|attended|confirmed)\b/);

  for (const p of problems) expect(p.errors).toEqual([]);
  await worker.context.close();
}, 120_000);

it('carries a companion request with the ticket to the desk that calls her, and back to her ticket', async () => {
  const problems: PageProblems[] = [];
  // The deaf mother takes a number for the health check and asks for someone to go with her.
  const mother = await newPhonePage(browser);
  problems.push(mother.problems);
  await mother.page.goto(`${host.url}/#/pages/tonight/index?c=jinse`);
  await mother.page.locator('button[aria-label="健康检测 取号"]').click();
  await mother.page.waitForURL(/#\/pages\/ticket\/index\?id=([^&]+)&c=jinse$/);
  const ticketId = /id=([^&]+)/.exec(mother.page.url())![1]!;
  await visible(mother.page, '需要社工陪同').click();
  await mother.page.locator('.bdb-companion__input input').fill('听障，请用文字沟通');
  await visible(mother.page, '通知社工').click();
  await mother.page.getByText('已收到您的陪同请求，社工会到服务台陪您').waitFor();

  // A social worker sets the name colleagues pick her by, and puts herself on tonight's roster.
  const worker = await newPhonePage(browser);
  problems.push(worker.problems);
  await signInAsWorker(worker.page);
  const roster = `${host.url}/#/package-staff/pages/roster/index?c=jinse&d=2026-12-02`;
  await worker.page.goto(roster);
  await visible(worker.page, '设置称呼').click();
  await worker.page.locator('[aria-label="我的称呼"] input').fill('李社工');
  await worker.page.locator('button[aria-label="保存我的称呼"]').click();
  await worker.page.getByText('我的称呼：李社工', { exact: false }).waitFor();
  await visible(worker.page, '排班').click();
  await worker.page.locator('[role="radio"][aria-label="排班给 李社工（我）"]').waitFor();
  await visible(worker.page, '排进值班').click();
  await worker.page.getByText('已把 李社工 排进 12月2日 值班 16:30–20:00').waitFor();

  // 18:30: a planned 20:30 is not comp time yet.
  await worker.page.locator('button[aria-label="登记 李社工 的下班时间"]').click();
  await worker.page.locator('[aria-label="李社工 实际下班时间"] input').fill('20:30');
  await worker.page.locator('button[aria-label="保存 李社工 的下班时间"]').click();
  await worker.page
    .getByRole('alert')
    .filter({ hasText: '现在才 18:30，不能登记以后的下班时间' })
    .waitFor();

  // The desk calling her number sees the need before she arrives, and that nobody is assigned.
  const desk = await newPhonePage(browser);
  problems.push(desk.problems);
  await signInAsWorker(desk.page);
  await desk.page.goto(`${host.url}/#/package-staff/pages/queue-desk/index?c=jinse&q=health`);
  await visible(desk.page, '叫下一位').click();
  const serving = desk.page.locator('.bdb-queue-desk__serving');
  await serving.getByText('需要社工陪同：听障，请用文字沟通').waitFor();
  await serving.getByText('还没安排社工', { exact: false }).waitFor();

  // 值班与调休: the request is given to 李社工, picked by name.
  await worker.page.goto(roster);
  await worker.page.reload();
  await worker.page.locator('button[aria-label^="指派陪同：取号"]').first().click();
  await worker.page.locator('[role="radio"][aria-label$="陪同社工 李社工"]').click();
  await visible(worker.page, '确定指派').click();
  await worker.page.getByText('已请 李社工 陪同', { exact: false }).waitFor();

  await desk.page.reload();
  await desk.page.locator('.bdb-queue-desk__serving').getByText('李社工陪同').waitFor();
  await fullScreenshot(desk.page, 'companion-desk.png');

  // Her ticket after a reload: who accompanies her, and no button to ask twice.
  await mother.page.reload();
  await mother.page.getByText('李社工陪同您，请在服务台稍候').waitFor();
  await mother.page.getByText('您的留言：听障，请用文字沟通').waitFor();
  expect(await visible(mother.page, '需要社工陪同').count()).toBe(0);
  await fullScreenshot(mother.page, 'companion-ticket.png');
  // A second tap (an old tab, a retry) makes nothing new: the same request comes back.
  const again = await mother.page.evaluate(async (ref) => {
    const response = await fetch('/api/roster', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'requestCompanion', kind: 'ticket', ref, note: '再点一次' }),
    });
    return (await response.json()) as { ok: boolean; data: { workerName: string; note: string } };
  }, ticketId);
  expect(again).toMatchObject({
    ok: true,
    data: { workerName: '李社工', note: '听障，请用文字沟通' },
  });
  const evening = await staff.call<EveningRoster>('roster', {
    action: 'evening',
    community: 'jinse',
    date: '2026-12-02',
  });
  if (!evening.body.ok) throw new Error(evening.text);
  expect(evening.body.data.companions.map((c) => [c.ref, c.workerName])).toEqual([
    [ticketId, '李社工'],
  ]);

  for (const p of problems) expect(p.errors).toEqual([]);
  await Promise.all([mother, worker, desk].map((p) => p.context.close()));
}, 120_000);
