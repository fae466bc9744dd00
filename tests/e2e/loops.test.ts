/**
 * Closing the loops (#16) in Chromium against the real local host: a resident turns calls off on
 * 我的建议 and the call list shows 不要电话 with nothing to dial; an adopted suggestion joins a
 * 居民点单 round with one tap on the survey desk, is voted in and published, and its author reads
 * 已列入点单, then 已开通, in 我的建议.
 */
import type { Browser, Page } from 'playwright-core';
import type { Booking } from '../../contract/booking';
import type { Suggestion } from '../../contract/suggestion';
import type { Round } from '../../contract/survey';
import { adminAndStaff, type TestClient, type TestHost } from '../../server/hosts/local/testing';
import {
  fullScreenshot,
  launchBrowser,
  movableClock,
  newPhonePage,
  SIGN_IN,
  startH5Host,
  TONIGHT,
} from './support';

const clock = movableClock('2026-12-02T18:00:00+08:00');
let host: TestHost;
let browser: Browser;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startH5Host(clock)]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await host?.destroy();
});

const MINE = '/#/package-suggestion/pages/mine/index';

/** An HTTP client speaking as the browser page's identity (its cookie). */
async function asPage(page: Page): Promise<TestClient> {
  const cookies = await page.context().cookies();
  const client = host.client();
  client.cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return client;
}

function ok<T>(res: { body: { ok: true; data: T } | { ok: false }; text: string }): T {
  if (!res.body.ok) throw new Error(res.text);
  return res.body.data;
}

async function signInAsWorker(page: Page) {
  const { admin } = await adminAndStaff(host);
  const invite = ok(
    await admin.call<{ code: string }>('staff', { action: 'invite', community: 'jinse' }),
  );
  await page.goto(`${host.url}${SIGN_IN}`);
  await page.locator('.bdb-redeem-form__input input').pressSequentially(invite.code);
  await page.locator('button:has-text("验证")').click();
  await page
    .locator('.bdb-identity-card__role')
    .filter({ hasText: /^社工$/ })
    .waitFor();
}

it('lets a resident turn calls off; the call list shows 不要电话 and nothing to dial', async () => {
  const resident = await newPhonePage(browser);
  const worker = await newPhonePage(browser);
  const { staff, admin } = await adminAndStaff(host);

  // Wednesday evening: booked with a phone and served.
  await resident.page.goto(`${host.url}${TONIGHT('jinse')}`);
  await resident.page.getByText('政务服务').first().waitFor();
  const booking = ok(
    await (
      await asPage(resident.page)
    ).call<Booking>('booking', {
      action: 'book',
      slotId: 'jinse_paperwork_20261202_1900',
      requestId: 'e2e-loops-book-01',
      phone: '13912340001',
      consent: true,
    }),
  );
  ok(await staff.call('booking', { action: 'complete', bookingId: booking.id }));

  // On 我的建议 the resident turns calls off.
  await resident.page.goto(`${host.url}${MINE}`);
  const toggle = resident.page.locator('[role="switch"]', { hasText: '不要电话回访' });
  await toggle.waitFor();
  expect(await toggle.getAttribute('aria-checked')).toBe('false');
  await toggle.click();
  await resident.page.getByText(/社区不会给您打回访电话/).waitFor();
  expect(await toggle.getAttribute('aria-checked')).toBe('true');
  await fullScreenshot(resident.page, 'followup-no-calls.png');

  // Thursday morning's job asks them in the app; staff see 不要电话 and no number.
  clock.set('2026-12-03T09:00:00+08:00');
  expect(ok(await admin.call<{ created: number }>('followup', { action: 'run' }))).toEqual({
    created: 1,
  });
  await signInAsWorker(worker.page);
  await worker.page.goto(`${host.url}/#/package-staff/pages/calls/index?c=jinse`);
  const card = worker.page.locator('.bdb-call-card', { hasText: '不要电话' });
  await card.first().waitFor();
  await card.getByText('居民选择了不要电话回访，请勿致电，已改为在小程序里询问').waitFor();
  expect(await card.locator('[aria-label^="拨打"]').count()).toBe(0);
  expect(await worker.page.getByText(/139\*\*\*\*0001|13912340001/).count()).toBe(0);
  await fullScreenshot(worker.page, 'followup-calls-no-calls.png');

  // The question waits for the resident on 我的建议.
  await resident.page.reload();
  await resident.page.getByText('待回复的回访（1 条）').waitFor();

  for (const p of [resident, worker]) {
    expect(p.problems.errors).toEqual([]);
    await p.context.close();
  }
}, 120_000);

it('takes an adopted suggestion into a round with one tap; its author reads 已列入点单, then 已开通', async () => {
  clock.set('2026-12-03T10:00:00+08:00');
  const author = await newPhonePage(browser);
  const worker = await newPhonePage(browser);
  const { staff } = await adminAndStaff(host);

  await author.page.goto(`${host.url}${TONIGHT('jinse')}`);
  await author.page.getByText('政务服务').first().waitFor();
  const mine = await asPage(author.page);
  const suggestion = ok(
    await mine.call<Suggestion>('suggestion', {
      action: 'submit',
      community: 'jinse',
      category: 'other',
      text: '希望开一个手机使用课',
      requestId: 'e2e-loops-suggest-01',
    }),
  );
  ok(
    await staff.call('suggestion', {
      action: 'reply',
      id: suggestion.id,
      status: 'adopted',
      reply: '采纳，放进下一轮居民点单',
    }),
  );

  // The survey desk offers it; one tap makes it a proposal.
  await signInAsWorker(worker.page);
  await worker.page.goto(`${host.url}/#/package-staff/pages/survey/index?c=jinse`);
  await worker.page.locator('button:visible', { hasText: /^\s*开一轮点单\s*$/ }).click();
  await worker.page.locator(`[aria-label="把建议 ${suggestion.receipt} 列入点单"]`).click();
  await worker.page.getByText(`来自居民建议 ${suggestion.receipt}`).waitFor();
  await worker.page
    .locator('[aria-label="点单标题"]')
    .locator('input')
    .first()
    .fill('明年的八点伴服务');
  await fullScreenshot(worker.page, 'survey-adopted.png');
  await worker.page.locator('button:visible', { hasText: /^\s*开始点单\s*$/ }).click();
  await worker.page.getByText(/已开始点单“明年的八点伴服务”/).waitFor();

  // Residents vote it in; staff close and publish the menu with it.
  const round = ok(
    await mine.call<Round | null>('survey', { action: 'current', community: 'jinse' }),
  )!;
  const proposed = round.ranking.find((c) => c.source === 'suggestion')!;
  expect(proposed.suggestionId).toBe(suggestion.id);
  for (const voter of [mine, host.client(), host.client()]) {
    await voter.session();
    ok(await voter.call('survey', { action: 'vote', roundId: round.id, choices: [proposed.id] }));
  }
  ok(await staff.call('survey', { action: 'close', roundId: round.id }));
  ok(
    await staff.call('survey', {
      action: 'publish',
      roundId: round.id,
      menu: [proposed.id, 'paperwork', 'health'],
    }),
  );

  await author.page.goto(`${host.url}${MINE}`);
  const progress = author.page.locator(`[aria-label="建议 ${suggestion.receipt} 的进展"]`);
  await progress.getByText('已列入点单', { exact: true }).waitFor();
  await progress.getByText('居民投票选中，已列入点单', { exact: false }).waitFor();

  // Staff log it as a new service: 已开通.
  ok(
    await staff.call('suggestion', {
      action: 'logChange',
      community: 'jinse',
      title: '周三晚开设手机使用课',
      detail: '居民点单选中，12 月 9 日起。',
      since: '2026-12-09',
      suggestionIds: [suggestion.id],
    }),
  );
  await author.page.reload();
  await progress.getByText('已开通', { exact: true }).waitFor();
  await progress.getByText(/已开通：周三晚开设手机使用课/).waitFor();
  await fullScreenshot(author.page, 'suggestion-thread.png');

  for (const p of [author, worker]) {
    expect(p.problems.errors).toEqual([]);
    await p.context.close();
  }
}, 120_000);
