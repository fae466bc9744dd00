/**
 * The resident's tonight page, H5 build in real Chromium against a real local host: open evening
 * with the demo banner, elder mode, a closed day, the community picker, and an unknown community.
 * Needs `npm run build:h5`; screenshots go to test-output/e2e/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestHost } from '../../server/hosts/local/testing';
import {
  button,
  fontSizePx,
  fullScreenshot,
  heightPx,
  launchBrowser,
  newPhonePage,
  pageText,
  startH5Host,
  THURSDAY_NOON,
  TONIGHT,
  WEDNESDAY_1830,
  type PageProblems,
} from './support';

jest.setTimeout(60_000);

const SERVICES: [string, string][] = [
  ['政务服务', '预约'],
  ['健康检测', '取号'],
  ['图书阅览', '取号'],
  ['家电维修', '预约'],
  ['便民缝补', '预约'],
  ['康复理疗', '预约'],
  ['棋牌游戏', '直接来'],
  ['文体活动', '直接来'],
];

let browser: Browser;
let wednesday: TestHost;
let thursday: TestHost;
const contexts: BrowserContext[] = [];
let problems: PageProblems | null = null;

beforeAll(async () => {
  [browser, wednesday, thursday] = await Promise.all([
    launchBrowser(),
    startH5Host(WEDNESDAY_1830, true),
    startH5Host(THURSDAY_NOON),
  ]);
});

afterEach(async () => {
  const seen = problems;
  problems = null;
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  // No uncaught exception in any page of the scenario.
  expect(seen?.errors ?? []).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([wednesday?.destroy(), thursday?.destroy()]);
});

async function openPhone(options: { timezoneId?: string } = {}): Promise<Page> {
  const opened = await newPhonePage(browser, options);
  contexts.push(opened.context);
  problems = opened.problems;
  return opened.page;
}

/** Waits until the tonight view of `name` is on screen (not the loading state). */
async function waitForCommunity(page: Page, name: string): Promise<void> {
  await page.locator('.bdb-tonight__name').filter({ hasText: name }).waitFor();
}

async function serviceRows(page: Page): Promise<[string, string][]> {
  return page
    .locator('.bdb-service-list__item')
    .evaluateAll((items) =>
      items.map((item): [string, string] => [
        item.querySelector('.bdb-service-list__name')?.textContent?.trim() ?? '',
        item.querySelector('.bdb-service-list__badge')?.textContent?.trim() ?? '',
      ]),
    );
}

/** Font sizes (px) of every visible piece of text on the page, with the text itself. */
async function textSizes(page: Page): Promise<{ text: string; size: number }[]> {
  return page.locator('taro-text-core').evaluateAll((nodes) =>
    nodes
      .filter((n) => (n as HTMLElement).offsetParent !== null && n.textContent?.trim())
      .map((n) => ({
        text: n.textContent!.trim(),
        size: parseFloat(getComputedStyle(n).fontSize),
      })),
  );
}

/** Heights (px) of every touch target: buttons and the two mode options. */
async function targetHeights(page: Page): Promise<{ text: string; height: number }[]> {
  return page.locator('button, [role=radio]').evaluateAll((nodes) =>
    nodes.map((n) => ({
      text: n.textContent?.trim() ?? '',
      height: n.getBoundingClientRect().height,
    })),
  );
}

describe('tonight page (H5)', () => {
  it('shows an open Wednesday evening with the demo banner, eight services and readable sizes', async () => {
    const page = await openPhone();
    await page.goto(`${wednesday.url}${TONIGHT('jinse')}`);
    await waitForCommunity(page, '金色里程社区');

    expect(await page.title()).toBe('八点伴 · 今晚');
    expect(await page.locator('.bdb-tonight__name').textContent()).toBe('金色里程社区');
    expect(await page.locator('.bdb-tonight__date').textContent()).toBe('12月2日 周三');
    expect(await page.locator('.bdb-demo-banner').innerText()).toBe('演示时钟 · 当前 18:30');

    const status = page.locator('.bdb-status-card');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.getAttribute('class')).toContain('bdb-status-card--open');
    expect(await page.locator('.bdb-status-card__title').textContent()).toBe('开放中 17:00–20:00');
    expect(await page.locator('.bdb-status-card__schedule').textContent()).toBe(
      '每周三 17:00–20:00',
    );
    expect(await page.locator('.bdb-status-card__next').count()).toBe(0);

    expect(await page.locator('.bdb-tonight__section-title').textContent()).toBe(
      '服务项目（8 项）',
    );
    expect(await serviceRows(page)).toEqual(SERVICES);

    // Nothing in English reaches the resident.
    expect(await pageText(page)).not.toMatch(/[A-Za-z]/);

    // Text: service names ≥ 16px, and no visible text below 16px anywhere on the page.
    expect(await fontSizePx(page.locator('.bdb-service-list__name'))).toBeGreaterThanOrEqual(16);
    const small = (await textSizes(page)).filter((t) => t.size < 16);
    expect(small).toEqual([]);

    // Touch targets: the refresh button and every other button / option ≥ 44px high.
    expect(await heightPx(button(page, '刷新'))).toBeGreaterThanOrEqual(44);
    const low = (await targetHeights(page)).filter((t) => t.height < 44);
    expect(low).toEqual([]);

    await fullScreenshot(page, 'tonight.png');
  });

  it('switches to elder mode with larger text and targets, and remembers it after a reload', async () => {
    const page = await openPhone();
    await page.goto(`${wednesday.url}${TONIGHT('jinse')}`);
    await waitForCommunity(page, '金色里程社区');

    const serviceName = page.locator('.bdb-service-list__name');
    const standardSize = await fontSizePx(serviceName);
    const standard = page.locator('[role=radio]').filter({ hasText: '标准模式' });
    const elder = page.locator('[role=radio]').filter({ hasText: '长辈模式' });
    expect(await standard.getAttribute('aria-checked')).toBe('true');
    expect(await standard.innerText()).toContain('✓');
    expect(await elder.getAttribute('aria-checked')).toBe('false');
    expect(await elder.innerText()).not.toContain('✓');

    await elder.click();
    await page.locator('.bdb-a11y-root--elder').waitFor();

    const checkElder = async () => {
      // The state is said in text (the tick), not by colour alone.
      expect(await elder.getAttribute('aria-checked')).toBe('true');
      expect(await elder.innerText()).toMatch(/✓\s*长辈模式/);
      expect(await standard.getAttribute('aria-checked')).toBe('false');
      expect(await standard.innerText()).not.toContain('✓');
      const size = await fontSizePx(serviceName);
      expect(size).toBeGreaterThanOrEqual(18);
      expect(size).toBeGreaterThan(standardSize);
      expect(await fontSizePx(page.locator('.bdb-service-list__desc'))).toBeGreaterThanOrEqual(18);
      // Elder targets are 60px.
      const low = (await targetHeights(page)).filter((t) => t.height < 60);
      expect(low).toEqual([]);
    };
    await checkElder();

    await page.reload();
    await waitForCommunity(page, '金色里程社区');
    await checkElder();
    await fullScreenshot(page, 'tonight-elder.png');

    // And back: standard mode is a real choice too.
    await standard.click();
    await page.locator('.bdb-a11y-root--standard').waitFor();
    expect(await fontSizePx(serviceName)).toBe(standardSize);
  });

  it('says a Thursday is not a service evening and gives the next opening', async () => {
    // A device on Los Angeles time: the page must still speak Shanghai time.
    const page = await openPhone({ timezoneId: 'America/Los_Angeles' });
    await page.goto(`${thursday.url}${TONIGHT('jinse')}`);
    await waitForCommunity(page, '金色里程社区');

    expect(await page.locator('.bdb-tonight__date').textContent()).toBe('12月3日 周四');
    const status = page.locator('.bdb-status-card');
    expect(await status.getAttribute('class')).toContain('bdb-status-card--not-tonight');
    expect(await page.locator('.bdb-status-card__title').textContent()).toBe('今晚未开放');
    expect(await page.locator('.bdb-status-card__next').textContent()).toBe(
      '下次开放：12月9日 周三 17:00',
    );
    expect(await page.locator('.bdb-status-card__schedule').textContent()).toBe(
      '每周三 17:00–20:00',
    );
    expect(await status.innerText()).not.toContain('开放中');
    // A real clock: no demo banner.
    expect(await page.locator('.bdb-demo-banner').count()).toBe(0);
    expect(await pageText(page)).not.toContain('演示时钟');
    // The services are still listed, so residents can plan for Wednesday.
    expect((await serviceRows(page)).map(([name]) => name)).toEqual(SERVICES.map(([n]) => n));
    await fullScreenshot(page, 'tonight-closed.png');
  });

  it('asks for a community when the link has none, and remembers the choice', async () => {
    const page = await openPhone();
    await page.goto(`${wednesday.url}${TONIGHT()}`);
    await page.getByText('请选择您的社区').waitFor();
    await button(page, '虎池苑社区').waitFor();
    expect(await button(page, '金色里程社区').count()).toBe(1);
    // First use: nothing to go back to.
    expect(await button(page, '返回').count()).toBe(0);
    expect(await page.locator('.bdb-tonight__name').count()).toBe(0);
    await fullScreenshot(page, 'picker.png');

    await button(page, '虎池苑社区').click();
    await waitForCommunity(page, '虎池苑社区');
    expect(await page.getByText('请选择您的社区').count()).toBe(0);
    expect(await page.locator('.bdb-status-card__title').textContent()).toBe('开放中 17:00–20:00');
    expect(await serviceRows(page)).toEqual(SERVICES);

    // A later visit without `c` (e.g. from the chat list) opens the remembered community.
    await page.goto('about:blank');
    await page.goto(`${wednesday.url}${TONIGHT()}`);
    await waitForCommunity(page, '虎池苑社区');
    expect(await page.getByText('请选择您的社区').count()).toBe(0);

    // 切换社区 marks the current one and offers a way back without changing it.
    await button(page, '切换社区').click();
    await button(page, '✓ 虎池苑社区（当前）').waitFor();
    await button(page, '返回').click();
    await waitForCommunity(page, '虎池苑社区');
  });

  it('explains an unknown community in Chinese and lets the resident choose another', async () => {
    const page = await openPhone();
    await page.goto(`${wednesday.url}${TONIGHT('nowhere')}`);
    const alert = page.locator('[role=alert]');
    await alert.waitFor();

    expect(await alert.innerText()).toContain('没有找到这个社区，请重新扫码或选择社区');
    const text = await pageText(page);
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    // No stack trace, error code or English leaking into the page.
    expect(text).not.toMatch(/[A-Za-z]/);
    expect(await button(page, '重试').count()).toBe(1);
    expect(await button(page, '换个社区').count()).toBe(1);
    await fullScreenshot(page, 'unknown-community.png');

    // Retry asks again and still explains (the page does not go blank).
    await button(page, '重试').click();
    await alert.waitFor();
    expect(await alert.innerText()).toContain('没有找到这个社区');

    await button(page, '换个社区').click();
    await page.getByText('请选择您的社区').waitFor();
    await button(page, '金色里程社区').click();
    await waitForCommunity(page, '金色里程社区');
    expect(await page.locator('[role=alert]').count()).toBe(0);
    expect(await serviceRows(page)).toEqual(SERVICES);

    await page.goto('about:blank');
    await page.goto(`${wednesday.url}${TONIGHT()}`);
    await waitForCommunity(page, '金色里程社区');
  });
});
