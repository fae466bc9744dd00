/**
 * Smoke test of the compiled booking page (dist/package-booking/pages/book/index) under
 * miniprogram-simulate: the page loads from its subpackage, shows the real core's services and
 * slots, and a booking made by taps reaches the core (tests/weapp/harness.ts). Needs
 * `npm run build:weapp` first.
 */
import type { Envelope } from '../../contract/envelope';
import type { Booking } from '../../contract/booking';
import { startWeapp, waitForText, type Harness, type Rendered } from './harness';

const PAGE = 'package-booking/pages/book/index';

let harness: Harness | null = null;
let rendered: Rendered | null = null;

function data<T>(envelope: unknown): T {
  const e = envelope as Envelope<T>;
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.data;
}

function ready() {
  if (!harness || !rendered) throw new Error('the booking page was not rendered');
  return { harness, ...rendered };
}

/** The rendered component whose class is `selector` and whose text contains `text`. */
function find(selector: string, text: string) {
  const { page } = ready();
  const found = page
    .querySelectorAll(selector)
    .find((c) => (c.dom?.textContent ?? '').includes(text));
  if (!found) throw new Error(`no ${selector} showing "${text}"`);
  return found;
}

beforeAll(async () => {
  harness = await startWeapp();
  // The number residents are given once a booking can no longer change online.
  await harness.deps.store.communities.setContactPhone('jinse', '0512-6888 1234');
  rendered = await harness.renderPage(PAGE, { c: 'jinse', s: 'paperwork' }, '剩 2 位');
});

afterAll(async () => {
  await harness?.close();
});

describe('weapp build: booking page', () => {
  it('renders the service, what to bring, the evenings and the slots from the real core', () => {
    const { root } = ready();
    const text = root.textContent ?? '';
    expect(text).toContain('政务服务');
    expect(text).toContain('请带上：身份证、户口本');
    // Wednesday 18:30: tonight is still bookable, then the next three Wednesdays.
    expect(text).toContain('11月25日 周三');
    expect(text).toContain('12月16日 周三');
    // 18:30: the first slots are over, 18:30 is running, the rest are past the 2-hour cut-off.
    expect(text).toContain('17:00–17:30 · 已结束');
    expect(text).toContain('18:30–19:00 · 已开始');
    expect(text).toContain('19:30–20:00 · 剩 2 位 · 约后不能取消');
  });

  it('books a slot with two taps and shows the result', async () => {
    const { harness: h, root } = ready();
    find('.bdb-slot-list__row', '19:30–20:00').dispatchEvent('tap');
    await waitForText(root, '请核对预约信息');
    // Past the cut-off: the rule and the number to call come before 确认预约.
    await waitForText(root, '这个时段离开始已不到 2 小时，约好后不能在网上取消或改约。');
    expect(find('.bdb-button', '0512-6888 1234')).toBeTruthy();
    find('.bdb-button--primary', '确认预约').dispatchEvent('tap');

    await waitForText(root, '预约成功');
    const mine = data<Booking[]>(await h.run('booking', { action: 'mine' }));
    expect(mine.map((b) => [b.serviceName, b.date, b.startsAt, b.status, b.changeable])).toEqual([
      ['政务服务', '2026-11-25', '19:30', 'confirmed', false],
    ]);
    await waitForText(root, `预约码 ${mine[0]!.code}`);
    await waitForText(root, '这个时段临近开始，不能在网上取消或改约。');
    expect(h.calls.get('pageScrollTo')).toHaveLength(1);
  });
});
