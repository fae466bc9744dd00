/**
 * The walk-in queue (取号) end to end, H5 build in real Chromium against a real local host: two
 * residents take numbers at 图书阅览, a social worker (signed in with an invite code) calls them
 * from the desk, and the TV board follows. Every change reaches the other screens over the
 * live feed (Server-Sent Events): no page is reloaded after it opened.
 * The steps build on each other and run in order.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ADMIN_TOKEN, type TestHost } from '../../server/hosts/local/testing';
import {
  button,
  fullScreenshot,
  launchBrowser,
  pageText,
  screenshotPath,
  SIGN_IN,
  startH5Host,
  TONIGHT,
  WEDNESDAY_1830,
  watch,
  type PageProblems,
} from './support';

// One scenario across five browser pages; each step waits on live updates from the others.
jest.setTimeout(90_000);

/** Playwright waits give up before jest does, so a failure names what it waited for. */
const WAIT_MS = 20_000;

const QUEUE_DESK = '/#/package-staff/pages/queue-desk/index?c=jinse&q=library';
// The tonight page names the community, so the ticket page asks for that community's tickets.
const TICKET_URL = /#\/pages\/ticket\/index\?id=([^&]+)&c=jinse$/;

let browser: Browser;
let host: TestHost;
const contexts: BrowserContext[] = [];
const problems: PageProblems[] = [];
/** Pages that must never reload: every change after they opened arrives live. */
const marked: Page[] = [];
/** Pages that opened the live feed (`/api/queue/events?community=…`), with its URL. */
const streams = new Map<Page, string>();
/** The actions each page sent (`POST /api/<function>`), as "queue.mine": what a page costs. */
const actions = new Map<Page, string[]>();

/** The actions `page` sent from `from` on (an index into its list). */
const sent = (page: Page, from = 0) => (actions.get(page) ?? []).slice(from);

let resident1: Page;
let resident2: Page;
let staff: Page;
let tv: Page;
let ticket1Id: string;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchBrowser(), startH5Host(WEDNESDAY_1830)]);
});

afterEach(async () => {
  // No uncaught exception in any page during the step.
  expect(problems.flatMap((p) => p.errors)).toEqual([]);
  // And no page was reloaded: a marker set on its window is still there.
  const kept = await Promise.all(
    marked.map((p) =>
      p.evaluate((name) => (window as unknown as Record<string, unknown>)[name] === true, MARK),
    ),
  );
  expect(kept).toEqual(marked.map(() => true));
});

afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await browser?.close();
  await host?.destroy();
});

async function open(options: {
  viewport: { width: number; height: number };
  deviceScaleFactor?: number;
}): Promise<Page> {
  const context = await browser.newContext({
    ...options,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(WAIT_MS);
  contexts.push(context);
  const page = await context.newPage();
  problems.push(watch(page));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/queue/events') streams.set(page, `${url.pathname}${url.search}`);
    if (request.method() === 'POST' && url.pathname.startsWith('/api/')) {
      const body = request.postDataJSON() as { action?: string } | null;
      const name = `${url.pathname.slice('/api/'.length)}.${body?.action ?? '?'}`;
      actions.set(page, [...(actions.get(page) ?? []), name]);
    }
  });
  return page;
}

const MARK = '__bdbNotReloaded';

/** Marks the page's window; a reload (not a hash navigation inside the app) loses the mark. */
async function mark(page: Page): Promise<void> {
  await page.evaluate((name) => {
    (window as unknown as Record<string, unknown>)[name] = true;
  }, MARK);
  marked.push(page);
}

/** Waits for an element on the page that has finished sliding in (Taro H5 animates for 300 ms). */
const arrived = (page: Page, selector: string) =>
  page.locator(`.taro_page.taro_page_stationed ${selector}`).first().waitFor();

/**
 * A phone whose clock agrees with the server's evening (Wednesday 18:30). The ticket page decides
 * whether 重新排队 is still offered by comparing the server's requeueUntil with the phone's own
 * Date.now() (useBefore in ticket-card.tsx): with the phone on the real date, the test would stop
 * passing once the real date is past 2026-12-02 18:40.
 */
async function phone(): Promise<Page> {
  const page = await open({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await page.context().clock.setSystemTime(new Date(WEDNESDAY_1830));
  return page;
}

/** Waits until `locator` has exactly this text (trimmed). */
async function waitText(locator: Locator, text: string): Promise<void> {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await locator
    .filter({ hasText: new RegExp(`^\\s*${escaped}\\s*$`) })
    .first()
    .waitFor();
}

const joinButton = (page: Page) => page.locator('button[aria-label="图书阅览 取号"]');
const label = (page: Page) => page.locator('.bdb-ticket__label');
const ahead = (page: Page) => page.locator('.bdb-ticket__ahead');
const status = (page: Page) => page.locator('.bdb-ticket__status');
const calledScreen = (page: Page) => page.locator('.bdb-called');
const announcer = (page: Page) => page.locator('[aria-live="assertive"]');
const libraryPanel = (page: Page) =>
  page.locator('.bdb-board__queue').filter({ hasText: '图书阅览' });
const serving = (page: Page) => page.locator('.bdb-queue-desk__serving .bdb-queue-desk__now');

async function openTonight(page: Page): Promise<void> {
  await page.goto(`${host.url}${TONIGHT('jinse')}`);
  await page.locator('.bdb-tonight__name').filter({ hasText: '金色里程社区' }).waitFor();
  await mark(page);
}

/** Taps 图书阅览 取号 and waits for the ticket page; returns the ticket id from the URL. */
async function takeNumber(page: Page): Promise<string> {
  await joinButton(page).click();
  await page.waitForURL(TICKET_URL);
  await arrived(page, '.bdb-ticket__label');
  return TICKET_URL.exec(page.url())![1]!;
}

/** What the ticket card says, for readable failures. */
async function ticketCard(page: Page): Promise<string[]> {
  const card = page.locator('.bdb-ticket');
  return (await card.innerText()).split('\n').filter((s) => s.trim() !== '');
}

/** The queue desk's 过号 or 完成 button for the called ticket `ticketLabel`. */
const move = (page: Page, ticketLabel: string, name: '过号' | '完成') =>
  page.locator(`button[aria-label="${ticketLabel} ${name}"]`);

describe('walk-in queue (H5, live)', () => {
  it('opens two residents, a social worker signed in by invite code, and the TV board', async () => {
    [resident1, resident2, staff, tv] = await Promise.all([
      phone(),
      phone(),
      phone(),
      open({ viewport: { width: 1920, height: 1080 } }),
    ]);

    // The admin makes an invite for 金色里程 over HTTP; the social worker redeems it in the UI.
    const admin = host.client();
    await admin.session();
    await admin.call('staff', { action: 'redeem', code: ADMIN_TOKEN });
    const invite = await admin.call<{ code: string }>('staff', {
      action: 'invite',
      community: 'jinse',
    });
    if (!invite.body.ok) throw new Error(`invite failed: ${invite.text}`);
    await staff.goto(`${host.url}${SIGN_IN}`);
    await waitText(staff.locator('.bdb-identity-card__role'), '居民');
    await staff.locator('.bdb-redeem-form__input input').pressSequentially(invite.body.data.code);
    await staff.locator('button:has-text("验证")').click();
    await waitText(staff.locator('.bdb-identity-card__role'), '社工');
    await staff.locator('button[aria-label="金色里程社区 图书阅览叫号台"]').waitFor();
    await mark(staff);

    // The board is up before anyone takes a number: nobody waits, nobody is called.
    await tv.goto(`${host.url}/board/jinse`);
    await waitText(libraryPanel(tv).locator('.bdb-board__queue-waiting'), '等待 0 位');
    expect(await libraryPanel(tv).locator('.bdb-board__queue-now').textContent()).toBe('—');
    await mark(tv);

    await Promise.all([openTonight(resident1), openTonight(resident2)]);
    // Give a late call the time to show up: the tonight page must not make one.
    await resident2.waitForTimeout(500);
    for (const page of [resident1, resident2]) {
      expect(sent(page)).toEqual(['community.tonight']);
    }
  });

  it('gives resident 1 B001 and resident 2 B002; a second tap returns the same ticket', async () => {
    ticket1Id = await takeNumber(resident1);
    await waitText(label(resident1), 'B001');
    await waitText(ahead(resident1), '前面还有 0 位');
    expect(await resident1.locator('.bdb-ticket__line').textContent()).toBe('图书阅览');
    await waitText(status(resident1), '排队中');

    // Resident 2's tonight page, open all along, counts resident 1 live.
    await waitText(resident2.locator('.bdb-queue-join__waiting'), '现在有 1 位在等');
    await takeNumber(resident2);
    await waitText(label(resident2), 'B002');
    await waitText(ahead(resident2), '前面还有 1 位');
    await waitText(status(resident2), '排队中');
    expect(await ticketCard(resident2)).toEqual([
      '图书阅览',
      'B002',
      '排队中',
      '前面还有 1 位',
      '预计等待约 5 分钟',
      '取消排队',
    ]);
    // Close to the desk: the banner says so in words.
    await waitText(
      resident2.locator('.bdb-near-banner__text'),
      'B002：前面还有 1 位，请回到服务台附近',
    );
    // No English on the page: the only Latin letters are the ticket labels.
    expect((await pageText(resident2)).replace(/\bB\d{3}\b/g, '')).not.toMatch(/[A-Za-z]/);
    await fullScreenshot(resident2, 'queue-ticket.png');

    // Resident 1 goes back to the tonight page and taps 取号 again: the same ticket, no B003.
    await button(resident1, '回到今晚服务').click();
    await resident1.waitForURL(/#\/pages\/tonight\/index\?c=jinse$/);
    await arrived(resident1, '.bdb-tonight__name');
    await waitText(resident1.locator('.bdb-my-entry__main'), '图书阅览 B001 · 排队中');
    await waitText(resident1.locator('.bdb-queue-join__waiting'), '现在有 2 位在等');
    expect(await takeNumber(resident1)).toBe(ticket1Id);
    await waitText(label(resident1), 'B001');
    await waitText(ahead(resident1), '前面还有 0 位');
    await waitText(resident1.locator('.bdb-my-tickets__title'), '今晚我的号（1 张）');
  });

  it('shows 图书阅览 with 2 waiting on the board without a reload', async () => {
    await waitText(libraryPanel(tv).locator('.bdb-board__queue-waiting'), '等待 2 位');
    expect(await libraryPanel(tv).locator('.bdb-board__queue-name').textContent()).toBe('图书阅览');
    expect(await libraryPanel(tv).locator('.bdb-board__queue-now').textContent()).toBe('—');
    // What carried it: the live feed, opened by the board and by both residents' pages.
    for (const page of [tv, resident1, resident2]) {
      expect(streams.get(page)).toBe('/api/queue/events?community=jinse');
    }
  });

  it('calls B001 from the desk: full-screen call, board flash, resident 2 moves up', async () => {
    await staff.locator('button[aria-label="金色里程社区 图书阅览叫号台"]').click();
    await staff.waitForURL(`${host.url}${QUEUE_DESK}`);
    await arrived(staff, '.bdb-queue-desk__title');
    await waitText(staff.locator('.bdb-queue-desk__title'), '图书阅览 叫号台');
    await waitText(
      staff.locator('.bdb-queue-desk__meta'),
      '今晚已发 2 个号，名额 100，19:30 截止取号',
    );
    expect(await staff.locator('.bdb-qr .bdb-qr__l').allTextContents()).toEqual(['B001', 'B002']);

    // The board's flash lasts a few seconds: watch for it (and photograph it) from before the tap.
    const flashed = tv
      .locator('.bdb-board__queue--flash')
      .filter({ hasText: '图书阅览' })
      .waitFor()
      .then(() => tv.screenshot({ path: screenshotPath('queue-board-flash.png') }));
    void flashed.catch(() => undefined);

    const before1 = sent(resident1).length;
    const before2 = sent(resident2).length;
    await button(staff, '叫下一位').click();
    await waitText(serving(staff), 'B001');
    await waitText(staff.locator('.bdb-qr .bdb-qr__l'), 'B002');
    expect(await staff.locator('.bdb-qr').count()).toBe(1);

    // Resident 1: the whole screen, the number, and the words a screen reader says.
    const called = calledScreen(resident1);
    await called.waitFor();
    expect(await called.getAttribute('role')).toBe('dialog');
    await waitText(resident1.locator('.bdb-called__label'), 'B001');
    expect(await resident1.locator('.bdb-called__title').textContent()).toBe('请到服务台');
    await waitText(announcer(resident1), '请 B001 到服务台');
    const box = await called.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 390, height: 844 });

    // The board: B001 now called, and its panel flashes.
    await waitText(libraryPanel(tv).locator('.bdb-board__queue-now'), 'B001');
    await flashed;
    await waitText(libraryPanel(tv).locator('.bdb-board__queue-waiting'), '等待 1 位');

    // Resident 2 is next.
    await waitText(ahead(resident2), '前面还有 0 位');
    await waitText(
      resident2.locator('.bdb-near-banner__text'),
      'B002：下一位就是您，请回到服务台附近',
    );
    expect(await calledScreen(resident2).count()).toBe(0);
    // Both ticket pages followed the line state alone: not one call for the call.
    expect(sent(resident1, before1)).toEqual([]);
    expect(sent(resident2, before2)).toEqual([]);

    await resident1.screenshot({ path: screenshotPath('queue-called.png') });
    await fullScreenshot(staff, 'queue-desk.png');
    // The flash stops by itself (a few seconds); the number stays.
    await tv.locator('.bdb-board__queue--flash').waitFor({ state: 'detached' });
    await waitText(libraryPanel(tv).locator('.bdb-board__queue-now'), 'B001');
    await fullScreenshot(tv, 'queue-board.png');

    // 我知道了 closes the call screen; the ticket still says it is called.
    await button(resident1, '我知道了').click();
    await called.waitFor({ state: 'detached' });
    await waitText(status(resident1), '已叫号，请到服务台');
  });

  it('marks B001 missed; resident 1 requeues behind B002, who is called and completed', async () => {
    const before = sent(resident1).length;
    await move(staff, 'B001', '过号').click();
    await waitText(staff.locator('.bdb-queue-desk__serving .bdb-queue-desk__empty'), '暂无');

    await waitText(status(resident1), '已过号');
    await waitText(
      resident1.locator('.bdb-ticket__deadline'),
      '请在 18:40 前重新排队，前面最多还有 2 位',
    );
    // Missed is seen on the line; the seconds left come from the server's clock, asked once.
    expect(sent(resident1, before)).toEqual(['queue.mine']);
    // The board no longer shows B001 as called, only among the recent calls.
    await waitText(libraryPanel(tv).locator('.bdb-board__queue-now'), '—');
    await waitText(libraryPanel(tv).locator('.bdb-board__queue-recent'), '刚才叫过：B001');

    await button(resident1, '重新排队').click();
    await waitText(status(resident1), '排队中');
    // Behind B002, the only one waiting.
    await waitText(ahead(resident1), '前面还有 1 位');
    await waitText(libraryPanel(tv).locator('.bdb-board__queue-waiting'), '等待 2 位');

    await button(staff, '叫下一位').click();
    await waitText(serving(staff), 'B002');
    await calledScreen(resident2).waitFor();
    await waitText(resident2.locator('.bdb-called__label'), 'B002');
    await waitText(announcer(resident2), '请 B002 到服务台');
    await waitText(libraryPanel(tv).locator('.bdb-board__queue-now'), 'B002');
    await waitText(ahead(resident1), '前面还有 0 位');
    expect(await calledScreen(resident1).count()).toBe(0);

    await move(staff, 'B002', '完成').click();
    await waitText(staff.locator('.bdb-queue-desk__serving .bdb-queue-desk__empty'), '暂无');
    await calledScreen(resident2).waitFor({ state: 'detached' });
    await waitText(status(resident2), '已完成');
    await waitText(staff.locator('.bdb-queue-desk__stat-value').first(), '1 位');
  });

  it('calls the requeued B001 again, even though resident 1 had dismissed its first call', async () => {
    await button(staff, '叫下一位').click();
    await waitText(serving(staff), 'B001');
    await calledScreen(resident1).waitFor();
    await waitText(resident1.locator('.bdb-called__label'), 'B001');
    await waitText(announcer(resident1), '请 B001 到服务台');
    await waitText(libraryPanel(tv).locator('.bdb-board__queue-now'), 'B001');
    await waitText(libraryPanel(tv).locator('.bdb-board__queue-waiting'), '等待 0 位');

    await move(staff, 'B001', '完成').click();
    await calledScreen(resident1).waitFor({ state: 'detached' });
    await waitText(status(resident1), '已完成');
    await waitText(staff.locator('.bdb-queue-desk__stat-value').first(), '2 位');
    await waitText(staff.locator('.bdb-queue-desk__hint'), '现在没有人在排队');
  });
});
