/**
 * Communities by the admin (#16), H5 build in real Chromium against a real local host: the admin
 * signs in with the admin token, opens 社区管理 from the staff home, is told in Chinese that an
 * evening must close after it opens, and creates a third community (狮山社区) with a Thursday
 * evening; a resident opening its tonight page sees its name, address, phone and evening.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_TOKEN, type TestHost } from '../../server/hosts/local/testing';
import { runAxe, walkWithTab } from './a11y-support';
import {
  button,
  fullScreenshot,
  launchBrowser,
  newPhonePage,
  SIGN_IN,
  startH5Host,
  TONIGHT,
  WEDNESDAY_1830,
  watch,
  type PageProblems,
} from './support';

jest.setTimeout(90_000);

let browser: Browser;
let host: TestHost;
const contexts: BrowserContext[] = [];
const problems: PageProblems[] = [];

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startH5Host(WEDNESDAY_1830)]);
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  const errors = problems.splice(0).flatMap((p) => p.errors);
  expect(errors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await host?.destroy();
});

async function person(): Promise<Page> {
  const opened = await newPhonePage(browser);
  contexts.push(opened.context);
  problems.push(opened.problems);
  return opened.page;
}

/** A phone page that lets axe-core's script in (the host's CSP allows only its own scripts). */
async function auditedPerson(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    bypassCSP: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  problems.push(watch(page));
  return page;
}

/** Types into the text box named `label` like a person would (Taro reads input events). */
async function typeInto(page: Page, label: string, text: string): Promise<void> {
  // The native <input> inside Taro's web component carries the name (components/text-field).
  const input = page.locator(`input[aria-label="${label}"]`);
  await input.fill('');
  await input.pressSequentially(text);
}

describe('communities by the admin (H5)', () => {
  it('creates 狮山社区 with a Thursday evening, whose tonight page a resident then sees', async () => {
    const admin = await auditedPerson();
    await admin.goto(`${host.url}${SIGN_IN}`);
    await admin
      .locator('.bdb-identity-card__role')
      .filter({ hasText: /^居民$/ })
      .waitFor();
    await admin.locator('.bdb-redeem-form__input input').pressSequentially(ADMIN_TOKEN);
    await button(admin, '验证').click();
    await admin
      .locator('.bdb-identity-card__role')
      .filter({ hasText: /^管理员$/ })
      .waitFor();

    await button(admin, '社区管理（新建、编辑、停用社区）').click();
    await admin.waitForURL(/package-staff\/pages\/communities\/index/);
    // The seeded pilots are listed like any community.
    await admin
      .locator('.bdb-community-admin .bdb-desk-list__name')
      .filter({ hasText: '金色里程社区' })
      .waitFor();
    expect(await admin.locator('.bdb-community-admin .bdb-desk-list__row').count()).toBe(2);

    await button(admin, '新建社区').click();
    await button(admin, '添加一个晚上').click();
    // The open form, evening rows and all: no serious axe violation, every control reached by Tab.
    const axe = await runAxe(admin);
    expect([...axe.critical, ...axe.serious]).toEqual([]);
    const walk = await walkWithTab(admin);
    expect(walk.interactive.filter((i) => !i.hasRole).map((i) => i.name)).toEqual([]);
    expect(
      walk.interactive.filter((i) => !walk.reached.includes(i.index)).map((i) => i.name),
    ).toEqual([]);
    await button(admin, '删除').last().click();
    expect(await admin.locator('.bdb-evenings-editor__row').count()).toBe(1);
    await typeInto(admin, '社区编号', 'shishan');
    await typeInto(admin, '社区名称', '狮山社区');
    await typeInto(admin, '地址', '狮山路 88 号社区服务中心一楼');
    await typeInto(admin, '联系电话', '0512-6888 1234');
    await admin.getByRole('radio', { name: '第 1 个晚上 星期 周四' }).click();
    await typeInto(admin, '第 1 个晚上 开始时间', '17:30');
    await typeInto(admin, '第 1 个晚上 结束时间', '17:00');
    await button(admin, '新建社区').click();
    // Refused in Chinese beside the evenings; nothing was created.
    const refusal = admin.locator('.bdb-evenings-editor [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('✕ 周四的结束时间要晚于开始时间（17:30）');
    expect(await admin.locator('.bdb-community-admin .bdb-desk-list__row').count()).toBe(2);

    await typeInto(admin, '第 1 个晚上 结束时间', '20:00');
    await button(admin, '新建社区').click();
    await admin.getByText('✓ 已新建 狮山社区').waitFor();
    await admin
      .locator('.bdb-community-admin .bdb-desk-list__meta')
      .filter({ hasText: '编号 shishan · 每周四 17:30–20:00' })
      .waitFor();
    expect(await admin.locator('.bdb-community-admin .bdb-desk-list__row').count()).toBe(3);
    await fullScreenshot(admin, 'communities.png');

    const resident = await person();
    await resident.goto(`${host.url}${TONIGHT('shishan')}`);
    await resident.locator('.bdb-tonight__name').filter({ hasText: '狮山社区' }).waitFor();
    const place = await resident.locator('.bdb-tonight__place').innerText();
    expect(place).toContain('地址：狮山路 88 号社区服务中心一楼');
    expect(place).toContain('联系电话：0512-6888 1234');
    expect(await resident.locator('.bdb-status-card__schedule').innerText()).toBe(
      '每周四 17:30–20:00',
    );
    // Wednesday evening: not its evening, the next one is tomorrow.
    expect(await resident.locator('.bdb-status-card').innerText()).toMatch(/明天|12月3日|周四/);
    await fullScreenshot(resident, 'community-tonight.png');
  });
});
