/**
 * Time passing pushes itself to the screens: with the host's clock running from a few seconds
 * before 19:30 (the last-join time at 金色里程), the TV board and an open tonight page show that
 * numbers are no longer taken when 19:30 passes, without a reload, a tap, or a call. The phone
 * and the TV box keep their own (different) clocks: the pages reckon with the server's.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestHost } from '../../server/hosts/local/testing';
import { launchBrowser, startH5Host, TONIGHT, watch, type PageProblems } from './support';

jest.setTimeout(90_000);

/** Long enough for both pages to load before 19:30 on a slow machine, short enough to wait for. */
const BEFORE_LAST_JOIN = '2026-12-02T19:29:35+08:00';
const WAIT_MS = 45_000;

let browser: Browser;
let host: TestHost;
const contexts: BrowserContext[] = [];
const problems: PageProblems[] = [];

beforeAll(async () => {
  [browser, host] = await Promise.all([
    launchBrowser(),
    startH5Host(BEFORE_LAST_JOIN, true, { running: true }),
  ]);
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await host?.destroy();
});

/** A page whose actions (`POST /api/<function>`) are counted, marked so a reload would show. */
async function open(viewport: { width: number; height: number }, timezoneId: string) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId });
  context.setDefaultTimeout(WAIT_MS);
  contexts.push(context);
  const page = await context.newPage();
  problems.push(watch(page));
  const actions: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'POST' && url.pathname.startsWith('/api/')) {
      const body = request.postDataJSON() as { action?: string } | null;
      actions.push(`${url.pathname.slice('/api/'.length)}.${body?.action ?? '?'}`);
    }
  });
  return { page, actions };
}

const MARK = '__bdbNotReloaded';
const mark = (page: Page) =>
  page.evaluate((name) => {
    (window as unknown as Record<string, unknown>)[name] = true;
  }, MARK);
const stillMarked = (page: Page) =>
  page.evaluate((name) => (window as unknown as Record<string, unknown>)[name] === true, MARK);

const serverTime = () => host.deps.clock.now().getTime();

describe('19:30 passes by itself', () => {
  it('turns 取号 into the reason on the tonight page and says 取号已截止 on the board', async () => {
    const [tv, phone] = await Promise.all([
      open({ width: 1920, height: 1080 }, 'UTC'),
      open({ width: 390, height: 844 }, 'Asia/Shanghai'),
    ]);
    await tv.page.goto(`${host.url}/board/jinse`);
    await phone.page.goto(`${host.url}${TONIGHT('jinse')}`);

    const states = tv.page.locator('.bdb-board__queue-state');
    const join = phone.page.locator('button[aria-label="图书阅览 取号"]');
    const reason = phone.page
      .locator('.bdb-queue-join')
      .filter({ has: join })
      .locator('.bdb-queue-join__reason');
    await states.filter({ hasText: '● 取号中' }).nth(1).waitFor();
    await phone.page.locator('.bdb-queue-join__waiting').first().waitFor();

    // Both pages are up, taking numbers, before 19:30 on the server.
    expect(serverTime()).toBeLessThan(Date.parse('2026-12-02T19:30:00+08:00'));
    expect(await states.allTextContents()).toEqual(['● 取号中', '● 取号中']);
    expect(await join.getAttribute('aria-disabled')).toBe('false');
    expect(await reason.count()).toBe(0);
    await Promise.all([mark(tv.page), mark(phone.page)]);
    const phoneActions = phone.actions.length;

    // Nobody touches anything: the server's clock passes 19:30.
    await states.filter({ hasText: '■ 取号已截止' }).nth(1).waitFor();
    await reason.filter({ hasText: /^今晚取号已在 19:30 截止$/ }).waitFor();
    expect(serverTime()).toBeGreaterThanOrEqual(Date.parse('2026-12-02T19:30:00+08:00'));
    expect(await states.allTextContents()).toEqual(['■ 取号已截止', '■ 取号已截止']);
    expect(await join.getAttribute('aria-disabled')).toBe('true');
    expect(await phone.page.locator('.bdb-tonight__name').textContent()).toBe('金色里程社区');
    await tv.page.locator('.bdb-board__clock').filter({ hasText: '19:30' }).waitFor();

    // No reload, and the tonight page asked the server nothing for it.
    expect(await Promise.all([stillMarked(tv.page), stillMarked(phone.page)])).toEqual([
      true,
      true,
    ]);
    expect(phone.actions.slice(phoneActions)).toEqual([]);
    // The server agrees: a join now is refused with the same words.
    const late = host.client();
    await late.session();
    const refused = await late.call('queue', {
      action: 'join',
      community: 'jinse',
      queue: 'library',
      requestId: 'late-join-0001',
    });
    expect(refused.body).toMatchObject({
      ok: false,
      error: { code: 'CLOSED', message: expect.stringContaining('今晚取号已在 19:30 截止') },
    });
    expect(problems.flatMap((p) => p.errors)).toEqual([]);
  });
});
