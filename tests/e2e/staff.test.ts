/**
 * Staff sign-in, H5 build in real Chromium against a real local host: the admin token makes an
 * admin, the admin generates a one-time invite code, and a second browser redeems it as social
 * worker. Wrong and reused codes are explained in Chinese.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_TOKEN, type TestHost } from '../../server/hosts/local/testing';
import {
  button,
  fullScreenshot,
  launchBrowser,
  newPhonePage,
  pageText,
  SIGN_IN,
  startH5Host,
  TONIGHT,
  WEDNESDAY_1830,
  type PageProblems,
} from './support';

jest.setTimeout(60_000);

let browser: Browser;
let host: TestHost;
const contexts: BrowserContext[] = [];
const problems: PageProblems[] = [];

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startH5Host(WEDNESDAY_1830, true)]);
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

/** A new person: own browser context, so own cookie (identity) and storage. */
async function person(): Promise<Page> {
  const opened = await newPhonePage(browser);
  contexts.push(opened.context);
  problems.push(opened.problems);
  return opened.page;
}

const role = (page: Page) => page.locator('.bdb-identity-card__role');
const feedback = (page: Page) => page.locator('.bdb-redeem-form__feedback');

async function waitForRole(page: Page, label: string): Promise<void> {
  await role(page)
    .filter({ hasText: new RegExp(`^${label}$`) })
    .waitFor();
}

/** Types into the code field like a person would, then presses 验证. */
async function redeem(page: Page, code: string): Promise<void> {
  const input = page.locator('.bdb-redeem-form__input input');
  await input.fill('');
  await input.pressSequentially(code);
  await page.locator('button:has-text("验证")').click();
}

describe('staff sign-in (H5)', () => {
  it('turns the admin token into an admin whose invite code makes a social worker', async () => {
    // The admin reaches the sign-in page from the resident's tonight page.
    const admin = await person();
    await admin.goto(`${host.url}${TONIGHT('jinse')}`);
    await admin.locator('.bdb-tonight__name').filter({ hasText: '金色里程社区' }).waitFor();
    await button(admin, '工作人员入口').click();
    await waitForRole(admin, '居民');
    expect(admin.url()).toContain('#/package-staff/pages/sign-in/index');
    expect(await admin.locator('.bdb-identity-card__communities').count()).toBe(0);
    expect(await admin.getByText('生成社工邀请码').count()).toBe(0);

    // Nothing typed: said inline, role unchanged.
    await admin.locator('button:has-text("验证")').click();
    await feedback(admin).filter({ hasText: '请输入验证码' }).waitFor();
    expect(await feedback(admin).getAttribute('role')).toBe('alert');

    await redeem(admin, ADMIN_TOKEN);
    await waitForRole(admin, '管理员');
    expect(await feedback(admin).innerText()).toBe('✓ 验证成功，你现在是管理员');
    expect(await admin.locator('.bdb-identity-card__communities').textContent()).toBe(
      '负责社区：全部社区',
    );
    // The field is emptied: the admin secret does not stay on screen.
    expect(await admin.locator('.bdb-redeem-form__input input').inputValue()).toBe('');

    // Both communities are offered; the first (虎池苑) starts selected. Choose 金色里程.
    await button(admin, '✓ 虎池苑社区').waitFor();
    await button(admin, '金色里程社区').click();
    await button(admin, '✓ 金色里程社区').waitFor();
    expect(await button(admin, '虎池苑社区').count()).toBe(1);
    expect(await button(admin, '✓ 虎池苑社区').count()).toBe(0);
    await button(admin, '生成社工邀请码').click();

    const codeText = admin.locator('.bdb-invite-panel__code');
    await codeText.waitFor();
    const code = (await codeText.innerText()).trim();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    expect(await admin.locator('.bdb-invite-panel__for').textContent()).toBe(
      '金色里程社区 社工邀请码',
    );
    // Seven days from the (fixed) Wednesday 18:30.
    expect(await admin.locator('.bdb-invite-panel__expiry').textContent()).toBe(
      '有效期至 12月9日 周三 18:30，只能用一次',
    );
    await fullScreenshot(admin, 'staff-admin.png');

    // A second person: resident first; a wrong code is refused in Chinese.
    const worker = await person();
    await worker.goto(`${host.url}${SIGN_IN}`);
    await waitForRole(worker, '居民');
    await redeem(worker, 'WRONGCODE9');
    await feedback(worker).filter({ hasText: '✕' }).waitFor();
    expect(await feedback(worker).innerText()).toBe('✕ 验证码不正确，请核对后再输入');
    expect(await feedback(worker).getAttribute('role')).toBe('alert');
    expect(await role(worker).textContent()).toBe('居民');
    expect(await pageText(worker)).not.toMatch(/NOT_FOUND|Error|undefined/);

    // The real code makes them social worker of 金色里程社区.
    await redeem(worker, code);
    await waitForRole(worker, '社工');
    expect(await feedback(worker).innerText()).toBe('✓ 验证成功，你现在是社工');
    await worker
      .locator('.bdb-identity-card__communities')
      .filter({ hasText: '负责社区：金色里程社区' })
      .waitFor();
    // Social workers cannot make invites.
    expect(await worker.getByText('生成社工邀请码').count()).toBe(0);

    // The identity lives in the cookie: a reload keeps it.
    await worker.reload();
    await waitForRole(worker, '社工');
    await fullScreenshot(worker, 'staff-worker.png');

    // The code works once only.
    const third = await person();
    await third.goto(`${host.url}${SIGN_IN}`);
    await waitForRole(third, '居民');
    await redeem(third, code);
    await feedback(third).filter({ hasText: '✕' }).waitFor();
    expect(await feedback(third).innerText()).toBe('✕ 这个邀请码已经用过了，请向管理员要一个新的');
    expect(await role(third).textContent()).toBe('居民');
  });
});
