/**
 * Smoke test of the compiled notice detail page (dist/package-notice/pages/detail/index) under
 * miniprogram-simulate: a notice staff published through the real core shows with its body and
 * activities, and a sign-up made by one tap reaches the core (tests/weapp/harness.ts). Needs
 * `npm run build:weapp` first.
 */
import type { Envelope } from '../../contract/envelope';
import type { MyActivity, Notice } from '../../contract/notice';
import type { Harness, Rendered, waitForText as WaitForText } from './harness';

let waitForText: typeof WaitForText;

const PAGE = 'package-notice/pages/detail/index';
/** A staff member's phone, apart from the resident the mini-program runs as. */
const DESK = { userId: 'wx:desk-openid' };

let harness: Harness | null = null;
let rendered: Rendered | null = null;

function data<T>(envelope: unknown): T {
  const e = envelope as Envelope<T>;
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.data;
}

function ready() {
  if (!harness || !rendered) throw new Error('the notice page was not rendered');
  return { harness, ...rendered };
}

/** The rendered component whose class is `selector` and whose text is `text`. */
function find(selector: string, text: string) {
  const { page } = ready();
  const found = page
    .querySelectorAll(selector)
    .find((c) => (c.dom?.textContent ?? '').trim() === text);
  if (!found) throw new Error(`no ${selector} showing "${text}"`);
  return found;
}

beforeAll(async () => {
  const { ADMIN_TOKEN, startWeapp, waitForText: wait } = await import('./harness');
  waitForText = wait;
  harness = await startWeapp();
  data(await harness.run('staff', { action: 'redeem', code: ADMIN_TOKEN }, DESK));
  const draft = data<Notice>(
    await harness.run(
      'notice',
      {
        action: 'save',
        community: 'jinse',
        week: '2026-11-25',
        title: '本周三晚 八点伴活动',
        body: '象棋角照常开放。\n书法课请自带毛笔。',
        activities: [
          {
            name: '书法体验课',
            date: '2026-11-25',
            startsAt: '19:30',
            endsAt: '20:30',
            place: '二楼活动室',
            capacity: 12,
            signUp: true,
          },
        ],
      },
      DESK,
    ),
  );
  data(await harness.run('notice', { action: 'publish', id: draft.id }, DESK));
  rendered = await harness.renderPage(PAGE, { id: draft.id }, '剩 12 个名额');
});

afterAll(async () => {
  await harness?.close();
});

describe('weapp build: notice detail page', () => {
  it('renders the notice, its body as text and the activity from the real core', () => {
    const { root } = ready();
    const text = root.textContent ?? '';
    expect(text).toContain('本周三晚 八点伴活动');
    expect(text).toContain('象棋角照常开放。');
    expect(text).toContain('书法课请自带毛笔。');
    expect(text).toContain('书法体验课');
    expect(text).toContain('11月25日 周三 19:30–20:30');
    expect(text).toContain('地点：二楼活动室');
    expect(text).toContain('怎么称呼您（选填）');
    // The limit of open sign-ups per resident, said before the tap (#13).
    expect(text).toContain('每人同时最多报名 3 个还没开始的活动（候补也算）');
  });

  it('signs up with one tap and shows the new state', async () => {
    const { harness: h, root } = ready();
    find('.bdb-button--primary', '报名').dispatchEvent('tap');

    await waitForText(root, '✓ 已报名');
    expect(root.textContent).toContain('剩 11 个名额');
    const mine = data<MyActivity[]>(await h.run('notice', { action: 'mine' }));
    expect(mine.map((m) => [m.activity.name, m.signUp.status])).toEqual([['书法体验课', 'signed']]);
  });
});
