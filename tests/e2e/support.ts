/**
 * Shared pieces of the browser tests: the H5 build served by a real local host (real SQLite file,
 * fixed clock), Debian's Chromium driven by playwright-core, and small measuring helpers.
 * Needs `npm run build:h5` first and `apt-get install -y chromium fonts-noto-cjk`.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { fixedClock, startingClock } from '../../server/core/clock';
import type { Clock } from '../../server/core/ports';
import { DEFAULT_H5_DIR } from '../../server/hosts/local/start';
import { startTestHost, type TestHost } from '../../server/hosts/local/testing';

export const CHROMIUM = '/usr/bin/chromium';
export const OUTPUT_DIR = path.resolve(__dirname, '../../test-output/e2e');

/** A Wednesday service evening, 18:30 in Suzhou (open 17:00–20:00). */
export const WEDNESDAY_1830 = '2026-12-02T18:30:00+08:00';
/** Thursday noon: no service evening today; the next one is Wednesday 12月9日 17:00. */
export const THURSDAY_NOON = '2026-12-03T12:00:00+08:00';

export const TONIGHT = (community?: string) =>
  `/#/pages/tonight/index${community === undefined ? '' : `?c=${community}`}`;
export const SIGN_IN = '/#/package-staff/pages/sign-in/index';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (the fonts are needed for Chinese text)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A clock that stands still until the test moves it: for flows where the time of day matters. */
export interface MovableClock extends Clock {
  set(iso: string): void;
}

export function movableClock(iso: string): MovableClock {
  let at = fixedClock(iso).now();
  return {
    demo: false,
    now: () => new Date(at),
    set: (next) => {
      at = fixedClock(next).now();
    },
  };
}

/**
 * A real local host serving dist-h5 on a temporary SQLite file, its clock fixed at `at`, the
 * clock given (e.g. a movableClock), or (`running`) starting at `at` and running in real time,
 * as BDB_NOW does: to watch a time pass.
 */
export async function startH5Host(
  at: string | Clock,
  demo = false,
  options: { running?: boolean } = {},
): Promise<TestHost> {
  if (!fs.existsSync(path.join(DEFAULT_H5_DIR, 'index.html'))) {
    throw new Error(`${DEFAULT_H5_DIR}/index.html is missing: run \`npm run build:h5\` first`);
  }
  const clock: Clock =
    typeof at !== 'string'
      ? at
      : options.running
        ? startingClock(new Date(at), demo)
        : { ...fixedClock(at), demo };
  return startTestHost({ clock, h5Dir: DEFAULT_H5_DIR });
}

/** Everything that went wrong inside a page: uncaught errors and failed requests. */
export interface PageProblems {
  errors: string[];
  failedRequests: string[];
}

/** A fresh context (own cookies and localStorage) with one phone-sized page. */
export async function newPhonePage(
  browser: Browser,
  options: { timezoneId?: string } = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: options.timezoneId ?? 'Asia/Shanghai',
  });
  const page = await context.newPage();
  return { context, page, problems: watch(page) };
}

/** A fresh context with one page the size of the service-desk PC's screen (1280 × 800). */
export async function newDeskPage(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  return { context, page, problems: watch(page) };
}

export function watch(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], failedRequests: [] };
  page.on('pageerror', (error) => problems.errors.push(error.message));
  // Whatever the host's CSP blocks (an inline script, a framed page) is an error of the page.
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) {
      problems.errors.push(message.text());
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(`${response.status()} ${new URL(response.url()).pathname}`);
    }
  });
  return problems;
}

/** The computed font size of the first match, in CSS px. */
export async function fontSizePx(locator: Locator): Promise<number> {
  return locator.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
}

/** The rendered height of the first match, in CSS px. */
export async function heightPx(locator: Locator): Promise<number> {
  const box = await locator.first().boundingBox();
  if (!box) throw new Error('element is not rendered');
  return box.height;
}

/** Visible text of the whole page (what a resident can read). */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  return path.join(OUTPUT_DIR, name);
}

/** A button (components/button renders a native <button> in H5) with exactly this text. */
export function button(page: Page, text: string): Locator {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.locator('button').filter({ hasText: new RegExp(`^\\s*${escaped}\\s*$`) });
}

/**
 * A screenshot of the whole page. Taro H5 scrolls inside its page container, so Playwright's
 * fullPage only sees one viewport: grow the viewport to the content first, then put it back.
 */
export async function fullScreenshot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('page has no viewport');
  const height = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...[...document.querySelectorAll('.taro_page, .bdb-a11y-root, .bdb-board-page')].map(
        (el) => el.scrollHeight,
      ),
    ),
  );
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  await page.setViewportSize(viewport);
}
