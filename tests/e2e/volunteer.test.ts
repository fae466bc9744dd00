/**
 * Volunteers (#16), H5 build in real Chromium against a real local host: staff add a partner
 * organisation and invite a volunteer of it; the volunteer redeems the code, signs up for
 * tonight's 健康检测 and serves a resident at that line; the tonight page says who serves; staff
 * log the hours, the volunteer sees them, and the CSV for the volunteer platform downloads; then
 * staff cancel an unused invite and revoke the volunteer, whose hours stay.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Ticket } from '../../contract/queue';
import { adminAndStaff, type TestClient, type TestHost } from '../../server/hosts/local/testing';
import {
  button,
  fullScreenshot,
  launchBrowser,
  newDeskPage,
  newPhonePage,
  SIGN_IN,
  startH5Host,
  TONIGHT,
  WEDNESDAY_1830,
  type PageProblems,
} from './support';

jest.setTimeout(90_000);

const VOLUNTEERS = '/#/package-staff/pages/volunteers/index?c=jinse';
const VOLUNTEER = '/#/package-staff/pages/volunteer/index';

let browser: Browser;
let host: TestHost;
let staff: TestClient;
const contexts: BrowserContext[] = [];
const problems: PageProblems[] = [];

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startH5Host(WEDNESDAY_1830)]);
  ({ staff } = await adminAndStaff(host));
});

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await host?.destroy();
});

async function open(desk: boolean): Promise<Page> {
  const opened = desk ? await newDeskPage(browser) : await newPhonePage(browser);
  contexts.push(opened.context);
  problems.push(opened.problems);
  return opened.page;
}

const field = (page: Page, label: string) => page.locator(`[aria-label="${label}"] input`);

it('a volunteer of an organisation serves tonight’s 健康检测 and their hours reach the CSV', async () => {
  // Staff: an organisation, then an invite for a volunteer of it.
  const worker = await open(true);
  const [name, value] = staff.cookie!.split('=') as [string, string];
  await worker.context().addCookies([{ name, value, url: host.url }]);
  await worker.goto(`${host.url}${VOLUNTEERS}`);
  await worker.getByText('金色里程社区 志愿者与组织').waitFor();
  await field(worker, '组织名称').fill('姑苏区某志愿服务队');
  await field(worker, '联系人和电话').fill('王老师 13812345678');
  await button(worker, '添加组织').click();
  await worker.getByText('姑苏区某志愿服务队（志愿服务队）', { exact: false }).waitFor();
  await field(worker, '志愿者称呼').fill('张志愿');
  await worker.locator('[aria-label="所属组织 姑苏区某志愿服务队"]').click();
  await button(worker, '生成志愿者邀请码').click();
  const code = (await worker.locator('[role="status"] .bdb-desk-card__name').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{10}$/);

  // The volunteer redeems it at 工作人员入口 and opens 我的志愿服务.
  const volunteer = await open(false);
  await volunteer.goto(`${host.url}${SIGN_IN}`);
  await volunteer
    .locator('.bdb-identity-card__role')
    .filter({ hasText: /^居民$/ })
    .waitFor();
  await volunteer.locator('.bdb-redeem-form__input input').pressSequentially(code);
  await volunteer.locator('button:has-text("验证")').click();
  await volunteer
    .locator('.bdb-identity-card__role')
    .filter({ hasText: /^志愿者$/ })
    .waitFor();
  // No desks of staff for a volunteer.
  expect(await volunteer.getByText('叫号台和预约管理').count()).toBe(0);
  await button(volunteer, '我的志愿服务').click();
  await volunteer.getByText('金色里程社区 志愿者 · 姑苏区某志愿服务队').waitFor();

  // A resident is waiting at 健康检测 when the volunteer signs up for it tonight.
  const resident = host.client();
  await resident.session();
  const joined = await resident.call<Ticket>('queue', {
    action: 'join',
    community: 'jinse',
    queue: 'health',
    requestId: 'e2e-volunteer-join-1',
  });
  if (!joined.body.ok) throw new Error(joined.text);
  const ticket = joined.body.data;
  await volunteer.locator('[aria-label="服务项目 健康检测"]').click();
  await button(volunteer, '报名这一晚').click();
  await volunteer.getByText('今晚我服务：健康检测').waitFor();
  await volunteer.getByText('正在服务：无 · 等候 1 人').waitFor();
  await button(volunteer, '叫下一位').click();
  await volunteer.getByText(`正在服务：${ticket.label} · 等候 0 人`).waitFor();
  await fullScreenshot(volunteer, 'volunteer-serving.png');
  // The next call marks the resident served; nobody else waits.
  await button(volunteer, '叫下一位').click();
  await volunteer.getByText('现在没有人在排队').waitFor();
  const mine = await resident.call<Ticket[]>('queue', { action: 'mine', community: 'jinse' });
  expect(mine.body.ok && mine.body.data.find((t) => t.id === ticket.id)?.status).toBe('done');
  // No phone on the volunteer's page.
  expect(await volunteer.locator('body').innerText()).not.toMatch(/1[3-9]\d{9}/);

  // The tonight page says who serves.
  const neighbour = await open(false);
  await neighbour.goto(`${host.url}${TONIGHT('jinse')}`);
  await neighbour.getByText('健康检测 — 姑苏区某志愿服务队').waitFor();

  // Staff log the evening's hours; the volunteer sees them; the CSV carries them.
  await worker.goto(`${host.url}${VOLUNTEERS}&d=2026-12-02`);
  await worker.reload();
  await worker.getByText('健康检测 · 时长未登记').waitFor();
  await field(worker, '张志愿 的服务小时数').fill('3');
  await button(worker, '登记时长').click();
  await worker.getByText('已登记 张志愿 3 小时').waitFor();
  await fullScreenshot(worker, 'volunteers-desk.png');
  const download = worker.waitForEvent('download');
  await worker.locator('button:visible', { hasText: /^\s*导出本月志愿时长 CSV\s*$/ }).click();
  const csv = fs.readFileSync((await (await download).path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain(
    '2026-12-02,金色里程社区,健康检测,张志愿,姑苏区某志愿服务队,180,3.0',
  );
  expect(csv.toString('utf8')).not.toContain('13812345678');

  await volunteer.goto(`${host.url}${VOLUNTEER}`);
  await volunteer.reload();
  await volunteer.getByText('我的志愿时长：3 小时').waitFor();
  await fullScreenshot(volunteer, 'volunteer-hours.png');

  // Staff cancel (作废) an invite not used yet, then revoke the volunteer, each after a confirm.
  await field(worker, '志愿者称呼').fill('李志愿');
  await button(worker, '生成志愿者邀请码').click();
  const unused = (await worker.locator('[role="status"] .bdb-desk-card__name').innerText()).trim();
  await worker.locator(`button[aria-label="作废 李志愿 的邀请码 ${unused}"]`).click();
  await button(worker, '确认作废').click();
  await worker.getByText(`邀请码 ${unused} 已作废`).waitFor();
  await worker.locator('button[aria-label="撤销 张志愿 的志愿者身份"]').click();
  await worker.getByText('已登记的志愿时长保留', { exact: false }).waitFor();
  await button(worker, '确认撤销').click();
  await worker.getByText('已撤销 张志愿 的志愿者身份').waitFor();
  expect(await worker.locator('button[aria-label="撤销 张志愿 的志愿者身份"]').count()).toBe(0);
  // The cancelled code makes nobody a volunteer; the revoked volunteer keeps their hours.
  const late = host.client();
  await late.session();
  const refused = await late.call('staff', { action: 'redeem', code: unused });
  expect(refused.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  await volunteer.reload();
  await volunteer.getByText('你还不是志愿者', { exact: false }).waitFor();
  await volunteer.getByText('我的志愿时长：3 小时').waitFor();

  for (const p of problems) expect(p.errors).toEqual([]);
});
