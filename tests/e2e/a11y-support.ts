/**
 * Helpers of the accessibility test (a11y.test.ts): an evening played over HTTP so every page has
 * real data, browser contexts that carry a resident's or a worker's identity in standard or elder
 * mode, axe-core in the page, a walk with Tab over every interactive element, and a check that a
 * big number is drawn whole.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Booking } from '../../contract/booking';
import type { Attendees, Notice } from '../../contract/notice';
import type { Ticket } from '../../contract/queue';
import type { Round } from '../../contract/survey';
import type { Suggestion } from '../../contract/suggestion';
import {
  adminAndStaff,
  type TestClient,
  type TestHost,
  type TestResponse,
} from '../../server/hosts/local/testing';

export type Mode = 'standard' | 'elder';

/** What the played evening left behind: the ids the pages' addresses need. */
export interface Evening {
  resident: TestClient;
  staff: TestClient;
  /** The admin who invited the worker (社区管理 and the 街道汇总 are the admin's pages). */
  admin: TestClient;
  residentId: string;
  /** The resident's own number, waiting (another resident's number is being served). */
  ticket: Ticket;
  /** The number being served at the library desk. */
  servedLabel: string;
  booking: Booking;
  notice: Notice;
  activityId: string;
  checkInCode: string;
  round: Round;
  suggestion: Suggestion;
}

function ok<T>(response: TestResponse<T>): T {
  if (!response.body.ok) throw new Error(response.text);
  return response.body.data;
}

/**
 * Wednesday 18:30 at 金色里程: a resident takes a library number behind another resident, whose
 * number the desk calls; books a paperwork slot with a name and phone; signs up for this week's
 * activity (the worker wrote and published the notice); votes in the open 居民点单 round and
 * leaves a suggestion. The worker is signed in (an invite redeemed).
 */
export async function playEvening(host: TestHost): Promise<Evening> {
  const { admin, staff } = await adminAndStaff(host);
  const resident = host.client();
  const { userId: residentId } = await resident.session();
  const other = host.client();
  await other.session();

  ok<Ticket>(
    await other.call('queue', {
      action: 'join',
      community: 'jinse',
      queue: 'library',
      requestId: 'a11y-join-other',
    }),
  );
  const ticket = ok<Ticket>(
    await resident.call('queue', {
      action: 'join',
      community: 'jinse',
      queue: 'library',
      requestId: 'a11y-join-resident',
    }),
  );
  const desk = ok<{ tickets: { label: string; status: string }[] }>(
    await staff.call('queue', { action: 'callNext', community: 'jinse', queue: 'library' }),
  );
  const served = desk.tickets.find((t) => t.status === 'called');
  if (!served) throw new Error('the desk called nobody');

  const booking = ok<Booking>(
    await resident.call('booking', {
      action: 'book',
      slotId: 'jinse_paperwork_20261202_1900',
      requestId: 'a11y-book-0001',
      name: '王阿姨',
      phone: '13812345678',
      consent: true,
    }),
  );

  const saved = ok<Notice>(
    await staff.call('notice', {
      action: 'save',
      community: 'jinse',
      week: '2026-12-02',
      title: '本周三晚 书法体验课',
      body: '象棋角照常开放。\n19:00 书法体验课，名额 8 位。',
      activities: [
        {
          name: '书法体验课',
          date: '2026-12-02',
          startsAt: '19:00',
          endsAt: '20:00',
          place: '二楼活动室',
          capacity: 8,
          signUp: true,
        },
      ],
    }),
  );
  const notice = ok<Notice>(await staff.call('notice', { action: 'publish', id: saved.id }));
  const activityId = notice.activities[0]!.id;
  ok(
    await resident.call('notice', {
      action: 'signUp',
      activityId,
      requestId: 'a11y-signup-0001',
      name: '王阿姨',
    }),
  );
  const { checkInCode } = ok<Attendees>(
    await staff.call('notice', { action: 'attendees', activityId }),
  );

  const round = ok<Round>(
    await staff.call('survey', {
      action: 'open',
      community: 'jinse',
      title: '2027 年上半年 八点伴服务点单',
      maxChoices: 3,
      closesOn: '2026-12-16',
      proposals: [],
    }),
  );
  ok(
    await resident.call('survey', {
      action: 'vote',
      roundId: round.id,
      choices: ['library', 'paperwork'],
    }),
  );

  const suggestion = ok<Suggestion>(
    await resident.call('suggestion', {
      action: 'submit',
      community: 'jinse',
      category: 'other',
      text: '希望活动室多一些椅子',
      requestId: 'a11y-suggest-0001',
    }),
  );

  return {
    resident,
    staff,
    admin,
    residentId,
    ticket,
    servedLabel: served.label,
    booking,
    notice,
    activityId,
    checkInCode,
    round,
    suggestion,
  };
}

/** The size of the browser window, and how it is drawn. */
export interface Screen {
  width: number;
  height: number;
  deviceScaleFactor: number;
}

/** A 390 × 844 phone (as newPhonePage). */
export const PHONE: Screen = { width: 390, height: 844, deviceScaleFactor: 2 };
/**
 * The same phone at 200% browser zoom: zoom makes a CSS pixel twice as many device pixels, so the
 * layout viewport halves (195 CSS px) while the screen keeps its 780 device pixels.
 */
export const PHONE_ZOOM_200: Screen = { width: 195, height: 422, deviceScaleFactor: 4 };

/**
 * A browser context with the identity of `client` (its session cookie) and the display mode
 * stored the way the app stores it (Taro's storage in localStorage), so every page opens in
 * `mode`. The CSP is bypassed only so that axe-core can be added as a script tag.
 */
export async function identityContext(
  browser: Browser,
  host: TestHost,
  client: TestClient,
  mode: Mode,
  screen: Screen = PHONE,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: screen.width, height: screen.height },
    deviceScaleFactor: screen.deviceScaleFactor,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    bypassCSP: true,
  });
  if (!client.cookie) throw new Error('the client has no session cookie');
  const at = client.cookie.indexOf('=');
  await context.addCookies([
    { name: client.cookie.slice(0, at), value: client.cookie.slice(at + 1), url: host.url },
  ]);
  await context.addInitScript((stored: string) => {
    try {
      localStorage.setItem('bdb.elder-mode', JSON.stringify({ data: stored }));
      localStorage.setItem('bdb.community', JSON.stringify({ data: 'jinse' }));
    } catch {
      // about:blank has no storage
    }
  }, mode);
  return context;
}

/**
 * Opens `path` in a fresh page (a full load: Taro H5 keeps earlier pages of the same tab, hidden,
 * in the DOM) and waits until the page has drawn its data: its root is visible and nothing says
 * 正在加载 any more. A page that shows a load error fails here.
 */
export async function openPage(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.locator('.bdb-a11y-root, .bdb-board-page').first().waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.querySelector('.bdb-state--loading') === null);
  // Late answers (a second request, a live update) settle.
  await page.waitForTimeout(400);
  const failed = await page.locator('.bdb-state--error').count();
  if (failed > 0) {
    const text = await page.locator('.bdb-state--error').first().innerText();
    throw new Error(`${url} shows a load error: ${text}`);
  }
  if (errors.length > 0) throw new Error(`${url} threw: ${errors.join('; ')}`);
  return page;
}

export interface AxeCount {
  serious: string[];
  critical: string[];
  /** Rule id → the first few offending nodes (CSS selectors), for the report. */
  nodes: Record<string, string[]>;
}

/** axe-core's own build, as the package ships it for browsers. */
const AXE_PATH = createRequire(__filename).resolve('axe-core/axe.min.js');

/** Runs axe-core on the page as it is now; counts serious and critical violations by rule. */
export async function runAxe(page: Page): Promise<AxeCount> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  const count: AxeCount = { serious: [], critical: [], nodes: {} };
  for (const v of violations) {
    if (v.impact === 'serious') count.serious.push(v.id);
    if (v.impact === 'critical') count.critical.push(v.id);
    if (v.impact === 'serious' || v.impact === 'critical') count.nodes[v.id] = v.nodes.slice(0, 5);
  }
  return count;
}

/** One interactive element found on the page. */
export interface Interactive {
  index: number;
  /** "taro-button-core "取号"", to say which one in a failure. */
  name: string;
  /** A native control, or an explicit widget role. */
  hasRole: boolean;
  /** For a radio: which radio group it belongs to (its group is one Tab stop). */
  radioGroup: number | null;
}

export interface KeyboardWalk {
  interactive: Interactive[];
  /** The indexes focused by walking with Tab from the top of the page. */
  reached: number[];
}

/**
 * Marks every visible interactive element (links, buttons, form fields, Taro's buttons, elements
 * with a widget role, and elements with a React click handler that hold no other control), then
 * presses Tab until focus comes back round, collecting which of them got focus.
 */
export async function walkWithTab(page: Page): Promise<KeyboardWalk> {
  const interactive = await page.evaluate(() => {
    const NATIVE = 'a[href], button, input:not([type="hidden"]), select, textarea';
    const WIDGET_ROLES = [
      'button',
      'link',
      'radio',
      'checkbox',
      'switch',
      'tab',
      'menuitem',
      'option',
      'textbox',
      'searchbox',
      'combobox',
      'slider',
      'spinbutton',
    ];
    const ROLE = WIDGET_ROLES.map((r) => `[role="${r}"]`).join(', ');
    const TARO = 'taro-button-core, taro-checkbox-core, taro-radio-core, taro-switch-core';
    const visible = (el: Element) =>
      el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const clickable = (el: Element) => {
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
      if (!key) return false;
      const props = (el as unknown as Record<string, { onClick?: unknown } | undefined>)[key];
      return typeof props?.onClick === 'function';
    };
    const controls = new Set<Element>(document.querySelectorAll(`${NATIVE}, ${ROLE}, ${TARO}`));
    for (const el of document.querySelectorAll('body *')) {
      // A click handler on a wrapper of real controls (a row that catches their taps) is not a
      // control of its own.
      if (clickable(el) && ![...controls].some((c) => c !== el && el.contains(c))) {
        controls.add(el);
      }
    }
    // Taro's field wrapper (taro-input-core) holds the real <input>: the input is the control.
    const counted = (el: Element) =>
      visible(el) &&
      !(el.tagName.endsWith('-CORE') && el.querySelector(NATIVE) && !el.matches(TARO));
    const describe = (el: Element) => {
      const role = el.getAttribute('role');
      const text = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 24);
      const group = role === 'radio' ? el.closest('[role="radiogroup"]') : null;
      return {
        name: `${el.tagName.toLowerCase()}${role ? `[role=${role}]` : ''} "${text}"`,
        hasRole: el.matches(NATIVE) || (role !== null && WIDGET_ROLES.includes(role.trim())),
        radioGroup: group ? groups.indexOf(group) : null,
      };
    };
    const groups = [...document.querySelectorAll('[role="radiogroup"]')];
    const found = [...controls].filter(counted);
    found.forEach((el, index) => el.setAttribute('data-bdb-a11y', String(index)));
    return found.map((el, index) => ({ ...describe(el), index }));
  });

  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
  });
  const reached = new Set<number>();
  const limit = interactive.length + 20;
  let nulls = 0;
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (!active || active === document.body || active === document.documentElement) return null;
      // Focus came round to an element it already visited: the walk is complete.
      const again = active.hasAttribute('data-bdb-tabbed');
      active.setAttribute('data-bdb-tabbed', '');
      const marked = active.closest('[data-bdb-a11y]');
      return { again, index: marked ? Number(marked.getAttribute('data-bdb-a11y')) : null };
    });
    // Past the last element focus leaves the document for one press, then wraps to the first;
    // twice in a row means nothing on the page takes focus.
    if (at === null) {
      nulls += 1;
      if (nulls >= 2) break;
      continue;
    }
    nulls = 0;
    if (at.again) break;
    if (at.index !== null) reached.add(at.index);
  }
  // A radio group is one Tab stop (its checked radio); the arrow keys move within it, as
  // WAI-ARIA's radio group pattern has it. A radio counts as reached when its group was.
  const groupsReached = new Set(
    interactive.filter((i) => reached.has(i.index)).map((i) => i.radioGroup),
  );
  for (const i of interactive) {
    if (i.radioGroup !== null && groupsReached.has(i.radioGroup)) reached.add(i.index);
  }
  return { interactive, reached: [...reached].sort((a, b) => a - b) };
}

/** How a number is drawn: whole, or where it is cut. */
export interface Wholeness {
  text: string;
  /** Empty when the number is drawn whole, on one line, inside the screen. */
  problems: string[];
}

/**
 * Whether every visible element matching `selector` is drawn whole: its text inside its own box
 * (scrollWidth ≤ clientWidth), inside every ancestor that clips (overflow other than visible) and
 * inside the viewport, and (with `oneLine`) not broken over lines.
 */
export async function wholeness(
  page: Page,
  selector: string,
  oneLine: boolean,
): Promise<Wholeness[]> {
  return page.evaluate(
    ({ selector, oneLine }) => {
      const out: { text: string; problems: string[] }[] = [];
      const span = (r: { left: number; right: number }) =>
        `${Math.round(r.left)}…${Math.round(r.right)}`;
      /** Ancestors that cut what overflows them, and the part of the text they cut. */
      const clippers = (el: HTMLElement, text: DOMRect) => {
        const found: string[] = [];
        for (let a = el.parentElement; a; a = a.parentElement) {
          const style = getComputedStyle(a);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const left = a.getBoundingClientRect().left + a.clientLeft;
          const inner = { left, right: left + a.clientWidth };
          if (text.left < inner.left - 0.5 || text.right > inner.right + 0.5) {
            found.push(`clipped by ${a.tagName.toLowerCase()}.${a.className} (${span(inner)})`);
          }
        }
        return found;
      };
      for (const el of document.querySelectorAll<HTMLElement>(selector)) {
        if (el.getClientRects().length === 0) continue;
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        const problems = clippers(el, text);
        if (oneLine && lines.size > 1) problems.push(`broken over ${lines.size} lines`);
        if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
          problems.push(`scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
        }
        if (text.left < -0.5 || text.right > window.innerWidth + 0.5) {
          problems.push(`text ${span(text)} outside the viewport (0…${window.innerWidth})`);
        }
        out.push({ text: el.innerText.trim(), problems });
      }
      return out;
    },
    { selector, oneLine },
  );
}
