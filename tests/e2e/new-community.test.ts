/**
 * A new community's whole evening from the browser alone (#16), H5 build in real Chromium against
 * a real local host on a fresh data directory (what `npm start` on a fresh clone seeds: the two
 * pilots, nothing else). Every step is a tap or a typed word; nothing is written to the database
 * or sent over HTTP by the test:
 * the admin signs in with the admin token, creates 狮山社区 with a Wednesday evening (the test
 * clock's weekday, so it is open tonight) and makes a social-worker invite for it; the worker
 * redeems it in their own browser, sets their name and opens the 健康检测 desk; a resident takes a
 * number on the community's tonight page and sees the call on screen; the worker opens the
 * community's TV board from the app, and a TV opens it by the address shown there; the resident
 * books a 政务服务 slot; the worker publishes an activity and the resident signs up; the worker
 * marks the resident served at the 健康检测 desk and checks them in and out on 预约管理 for their
 * 政务服务 booking, and shishan's evening report counts both visits.
 * The steps build on each other and run in order.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ADMIN_TOKEN, type TestHost } from '../../server/hosts/local/testing';
import {
  fullScreenshot,
  launchBrowser,
  newPhonePage,
  screenshotPath,
  SIGN_IN,
  startH5Host,
  TONIGHT,
  watch,
  WEDNESDAY_1830,
  type PageProblems,
} from './support';

jest.setTimeout(90_000);

/** Playwright waits give up before jest does, so a failure names what it waited for. */
const WAIT_MS = 20_000;

let browser: Browser;
let host: TestHost;
const contexts: BrowserContext[] = [];
const problems: PageProblems[] = [];

let admin: Page;
let worker: Page;
let resident: Page;
let inviteCode: string;
let ticketLabel: string;
let bookingCode: string;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startH5Host(WEDNESDAY_1830)]);
});

afterEach(() => {
  // No uncaught exception in any page during the step.
  expect(problems.flatMap((p) => p.errors)).toEqual([]);
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await host?.destroy();
});

/** A new person: own browser context (cookie, storage), its phone on the evening's date. */
async function person(): Promise<Page> {
  const opened = await newPhonePage(browser);
  opened.context.setDefaultTimeout(WAIT_MS);
  // Pages that compare a server time with the phone's own clock agree with the host's evening.
  await opened.context.clock.setSystemTime(new Date(WEDNESDAY_1830));
  contexts.push(opened.context);
  problems.push(opened.problems);
  return opened.page;
}

/** A control only the page on screen shows (Taro H5 keeps earlier pages in the DOM, hidden). */
const visibleButton = (page: Page, text: string) =>
  page.locator('button:visible', {
    hasText: new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`),
  });

/** Types into the text box named `label` like a person would (Taro reads input events). */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  // The name sits on the native field or on Taro's element around it (components/text-field).
  const named = `[aria-label="${label}"]`;
  const field = page
    .locator(`input${named}, ${named} input, ${named} textarea`)
    .locator('visible=true')
    .first();
  await field.fill('');
  await field.pressSequentially(text);
}

const role = (page: Page) => page.locator('.bdb-identity-card__role:visible');

async function waitForRole(page: Page, label: string): Promise<void> {
  await role(page)
    .filter({ hasText: new RegExp(`^${label}$`) })
    .waitFor();
}

/** Types a code (or the admin token) at 工作人员入口 and presses 验证. */
async function redeem(page: Page, code: string): Promise<void> {
  await page.locator('.bdb-redeem-form__input input').pressSequentially(code);
  await visibleButton(page, '验证').click();
}

/** Waits until `locator` has exactly this text (trimmed). */
async function waitText(locator: Locator, text: string): Promise<void> {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await locator
    .filter({ hasText: new RegExp(`^\\s*${escaped}\\s*$`) })
    .first()
    .waitFor();
}

describe('a new community’s whole evening, from the browser alone (H5)', () => {
  it('the admin creates 狮山社区 with tonight’s evening and makes a social-worker invite', async () => {
    admin = await person();
    await admin.goto(`${host.url}${SIGN_IN}`);
    await waitForRole(admin, '居民');
    await redeem(admin, ADMIN_TOKEN);
    await waitForRole(admin, '管理员');

    await visibleButton(admin, '社区管理（新建、编辑、停用社区）').click();
    await admin.waitForURL(/package-staff\/pages\/communities\/index/);
    await admin
      .locator('.bdb-community-admin .bdb-desk-list__name')
      .filter({ hasText: '金色里程社区' })
      .waitFor();
    // A fresh store: the two seeded pilots and nothing else.
    expect(await admin.locator('.bdb-community-admin .bdb-desk-list__row').count()).toBe(2);
    await visibleButton(admin, '新建社区').click();
    await typeInto(admin, '社区编号', 'shishan');
    await typeInto(admin, '社区名称', '狮山社区');
    await typeInto(admin, '地址', '狮山路 88 号社区服务中心一楼');
    await typeInto(admin, '联系电话', '0512-6888 1234');
    await admin.getByRole('radio', { name: '第 1 个晚上 星期 周三' }).click();
    await typeInto(admin, '第 1 个晚上 开始时间', '17:00');
    await typeInto(admin, '第 1 个晚上 结束时间', '20:00');
    await visibleButton(admin, '新建社区').click();
    await admin.getByText('✓ 已新建 狮山社区').waitFor();
    await admin
      .locator('.bdb-community-admin .bdb-desk-list__meta')
      .filter({ hasText: '编号 shishan · 每周三 17:00–20:00' })
      .waitFor();

    // Back on 工作人员入口 the new community is offered at once, without a reload.
    await admin.goBack();
    await waitForRole(admin, '管理员');
    await visibleButton(admin, '狮山社区').click();
    await visibleButton(admin, '✓ 狮山社区').waitFor();
    await visibleButton(admin, '生成社工邀请码').click();
    await waitText(admin.locator('.bdb-invite-panel__for'), '狮山社区 社工邀请码');
    inviteCode = (await admin.locator('.bdb-invite-panel__code').innerText()).trim();
    expect(inviteCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
  });

  it('the worker redeems it in their own browser, sets their name and opens the 健康检测 desk', async () => {
    worker = await person();
    await worker.goto(`${host.url}${SIGN_IN}`);
    await waitForRole(worker, '居民');
    await redeem(worker, inviteCode);
    await waitForRole(worker, '社工');
    await waitText(worker.locator('.bdb-identity-card__communities:visible'), '负责社区：狮山社区');

    // 值班与调休 is where a worker sets the name colleagues and residents see.
    await visibleButton(worker, '狮山社区 值班与调休').click();
    await visibleButton(worker, '设置称呼').click();
    await typeInto(worker, '我的称呼', '王社工');
    await worker.locator('button[aria-label="保存我的称呼"]:visible').click();
    await worker.getByText('我的称呼：王社工', { exact: false }).waitFor();

    await worker.goBack();
    await waitForRole(worker, '社工');
    await worker.locator('button[aria-label="狮山社区 健康检测叫号台"]:visible').click();
    await waitText(worker.locator('.bdb-queue-desk__title:visible'), '健康检测 叫号台');
    await waitText(worker.locator('.bdb-queue-desk__hint:visible'), '现在没有人在排队');
  });

  it('a resident takes a number on shishan’s tonight page and sees the call on screen', async () => {
    resident = await person();
    await resident.goto(`${host.url}${TONIGHT('shishan')}`);
    await resident.locator('.bdb-tonight__name').filter({ hasText: '狮山社区' }).waitFor();
    expect(await resident.locator('.bdb-tonight__place').innerText()).toContain(
      '地址：狮山路 88 号社区服务中心一楼',
    );
    await resident.locator('button[aria-label="健康检测 取号"]').click();
    await resident.waitForURL(/#\/pages\/ticket\/index\?id=[^&]+&c=shishan$/);
    const label = resident.locator('.bdb-ticket__label:visible');
    await label.waitFor();
    ticketLabel = (await label.innerText()).trim();
    expect(ticketLabel).toMatch(/^[A-Z]001$/);
    await waitText(resident.locator('.bdb-ticket__ahead:visible'), '前面还有 0 位');

    // The desk sees the number live and calls it.
    await waitText(worker.locator('.bdb-qr .bdb-qr__l'), ticketLabel);
    await visibleButton(worker, '叫下一位').click();
    await waitText(worker.locator('.bdb-queue-desk__serving .bdb-queue-desk__now'), ticketLabel);
    await fullScreenshot(worker, 'new-community-desk.png');

    // Seen, not only heard: the whole screen, the number, and the words for a screen reader.
    const called = resident.locator('.bdb-called');
    await called.waitFor();
    expect(await called.getAttribute('role')).toBe('dialog');
    await waitText(resident.locator('.bdb-called__label'), ticketLabel);
    expect(await resident.locator('.bdb-called__title').textContent()).toBe('请到服务台');
    await waitText(resident.locator('[aria-live="assertive"]'), `请 ${ticketLabel} 到服务台`);
    await resident.screenshot({ path: screenshotPath('new-community-called.png') });
    await visibleButton(resident, '我知道了').click();
    await called.waitFor({ state: 'detached' });
    await waitText(resident.locator('.bdb-ticket__status:visible'), '已叫号，请到服务台');
  });

  it('the worker opens shishan’s TV board from the app, and the TV opens it by its address', async () => {
    // Back on 工作人员入口: the board link and the address to type on the TV, per community.
    await worker.goBack();
    await waitForRole(worker, '社工');
    const address = worker.locator('.bdb-board-link__address:visible');
    await waitText(address, `电视浏览器地址：${host.url}/board/shishan`);
    const typed = (await address.innerText()).trim().replace(/^电视浏览器地址：/, '');

    await worker.locator('button[aria-label="狮山社区 电视排队看板"]:visible').click();
    await worker.waitForURL(/#\/package-board\/pages\/board\/index\?c=shishan$/);
    await waitText(worker.locator('.bdb-board__name:visible'), '狮山社区');
    await waitText(worker.locator('.bdb-board__queue-now:visible'), ticketLabel);

    // The TV is nobody's phone: no sign-in, only the address the worker read off the screen.
    const tvContext = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    contexts.push(tvContext);
    const tv = await tvContext.newPage();
    problems.push(watch(tv));
    tv.setDefaultTimeout(WAIT_MS);
    expect((await tv.goto(typed))?.ok()).toBe(true);
    expect(tv.url()).toBe(`${host.url}/#/package-board/pages/board/index?c=shishan`);
    await waitText(tv.locator('.bdb-board__name'), '狮山社区');
    await waitText(tv.locator('.bdb-board__queue-now'), ticketLabel);

    // Back to the desk for the rest of the evening.
    await worker.goBack();
    await waitForRole(worker, '社工');
    await worker.locator('button[aria-label="狮山社区 健康检测叫号台"]:visible').click();
    await waitText(worker.locator('.bdb-queue-desk__serving .bdb-queue-desk__now'), ticketLabel);
  });

  it('the resident books a 政务服务 slot tonight', async () => {
    await visibleButton(resident, '回到今晚服务').click();
    await resident.waitForURL(/#\/pages\/tonight\/index\?c=shishan$/);
    // 我的号 says the number is called; the call the resident closed does not come back.
    await waitText(
      resident.locator('.bdb-my-entry__main:visible').first(),
      `健康检测 ${ticketLabel} · 已叫号，请到服务台`,
    );
    expect(await resident.locator('.bdb-called').count()).toBe(0);
    await resident.locator('button[aria-label="政务服务 预约"]:visible').click();
    await resident.waitForURL(/package-booking\/pages\/book\/index\?c=shishan&s=paperwork/);
    await resident
      .locator('button:visible')
      .filter({ hasText: /^\s*19:00–19:30 · 剩 \d+ 位/ })
      .click();
    await visibleButton(resident, '确认预约').click();
    await resident.getByText('预约成功').waitFor();
    const code = (await resident.locator('.bdb-book-result__code').textContent()) ?? '';
    expect(code).toMatch(/^预约码 [23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
    bookingCode = code.replace('预约码 ', '');
  });

  it('the worker publishes an activity and the resident signs up from the tonight page', async () => {
    await worker.goBack();
    await waitForRole(worker, '社工');
    await visibleButton(worker, '狮山社区 活动通知').click();
    await visibleButton(worker, '新建本周通知').click();
    await typeInto(worker, '通知标题', '今晚 狮山健康讲座');
    await typeInto(worker, '通知正文', '19:30 社区医生讲冬季血压管理，名额 20 位。');
    await visibleButton(worker, '添加活动').click();
    await typeInto(worker, '第 1 个活动 名称', '冬季血压讲座');
    await worker
      .locator('[aria-label^="第 1 个活动 "][role="radio"]:visible')
      .filter({ hasText: '周三' })
      .click();
    await typeInto(worker, '第 1 个活动 开始时间', '19:30');
    await typeInto(worker, '第 1 个活动 结束时间', '20:00');
    await typeInto(worker, '第 1 个活动 地点', '一楼活动室');
    await worker.locator('[aria-label="第 1 个活动 需要报名"]:visible').click();
    await worker.locator('[aria-label="第 1 个活动 名额不限"]:visible').click();
    await typeInto(worker, '第 1 个活动 名额', '20');
    await visibleButton(worker, '保存并发布').click();
    await worker.getByText('已保存并发布，居民现在能看到这条通知').waitFor();

    // The resident goes back to the tonight page: the notice is there, and the number too.
    await resident.goBack();
    await resident.waitForURL(/#\/pages\/tonight\/index\?c=shishan$/);
    await waitText(
      resident.locator('.bdb-my-entry__main:visible').first(),
      `健康检测 ${ticketLabel} · 已叫号，请到服务台`,
    );
    await resident.getByText('今晚 狮山健康讲座').click();
    await resident.locator('[aria-label="报名 冬季血压讲座"]').click();
    await resident.getByText('已报名').first().waitFor();
    await resident.getByText('剩 19 个名额（共 20 个）').first().waitFor();
  });

  it('the worker marks the resident served at both desks, and the evening report counts both', async () => {
    // Back to the desk, which still shows the called number.
    await worker.goBack();
    await worker.goBack();
    await worker.locator('button[aria-label="狮山社区 健康检测叫号台"]:visible').click();
    await worker.locator(`button[aria-label="${ticketLabel} 完成"]:visible`).click();
    await waitText(
      worker.locator('.bdb-queue-desk__serving .bdb-queue-desk__empty:visible'),
      '暂无',
    );
    await waitText(worker.locator('.bdb-queue-desk__stat-value:visible').first(), '1 位');

    // Back on the tonight page, the resident reads that the number is done.
    await visibleButton(resident, '回到今晚服务').click();
    await resident.waitForURL(/#\/pages\/tonight\/index\?c=shishan$/);
    await waitText(
      resident.locator('.bdb-my-entry__main:visible').first(),
      `健康检测 ${ticketLabel} · 已完成`,
    );
    await fullScreenshot(resident, 'new-community-tonight.png');

    // The resident comes to the 政务服务 desk: 签到 on arrival, 完成 once the paperwork is done.
    await worker.goBack();
    await waitForRole(worker, '社工');
    await worker.locator('button[aria-label="狮山社区 预约管理"]:visible').click();
    const move = (name: string) =>
      worker.locator(`button[aria-label^="${bookingCode} "][aria-label$=" ${name}"]:visible`);
    await move('签到').click();
    await move('完成').click();
    await waitText(
      worker
        .locator('.bdb-desk__row:visible')
        .filter({ hasText: bookingCode })
        .locator('.bdb-desk__status'),
      '已完成',
    );
    expect(await move('签到').count()).toBe(0);

    await worker.goBack();
    await waitForRole(worker, '社工');
    await visibleButton(worker, '狮山社区 晚间报表').click();
    // The report's own title: the hidden 工作人员入口 below has a button with the same words.
    await waitText(worker.locator('.bdb-desk-page__title:visible'), '狮山社区 晚间报表');
    await worker.getByText('服务 1 人次（1 人） · 取号 1', { exact: false }).first().waitFor();
    // The booking served counts too: two visits by one resident.
    const paperwork = worker.locator('.bdb-report-service:visible').filter({ hasText: '政务服务' });
    await paperwork.filter({ hasText: '服务 1 人次（1 人） · 预约 1 · 未到 0' }).waitFor();
    // The card's figures in words: one text after the trend, a line each.
    const lines = await paperwork.locator('.bdb-report-service__trend + *').textContent();
    expect(lines!.split('\n')).toContain('服务 1 人次（1 人） · 预约 1 · 未到 0');
    const figures = worker.locator('.bdb-desk-figures__value:visible');
    await waitText(figures.first(), '2 人次');
    await waitText(figures.nth(1), '1 人');
    await fullScreenshot(worker, 'new-community-report.png');
  });
});
