/**
 * The staff pages of issue #16 under miniprogram-simulate (tests/weapp/harness.ts), each compiled
 * page on a fresh app and core with the evening of audit-world.ts, opened as the role it is for:
 * 社区管理 and 街道汇总 as an admin, 开放日历 and 志愿者与组织 as a community's staff member,
 * 我的志愿服务 as a volunteer. On the calendar, 暂停开放 typed and tapped reaches the real core.
 * Needs `npm run build:weapp` first.
 */
import type { Booking } from '../../contract/booking';
import type { CalendarView } from '../../contract/calendar';
import { freshWeapp } from './audit-every-page';
import { CANCELLED, COMMUNITY, data, ORG_NAME, seedWorld, type Role } from './audit-world';
import type { Harness, Rendered } from './harness';

const open: Array<{ h: Harness; rendered: Rendered }> = [];

/** Opens `route` on a fresh app and evening as `role`, once `shows` is on screen. */
async function openPage(route: string, role: Role, query: Record<string, string>, shows: string) {
  const { startWeapp, waitForText } = await freshWeapp();
  const h = await startWeapp();
  await seedWorld(h, role);
  const rendered = await h.renderPage(route, query, shows);
  open.push({ h, rendered });
  return { h, ...rendered, text: () => rendered.root.textContent ?? '', waitForText };
}

afterEach(async () => {
  for (const { h } of open.splice(0)) await h.close();
});

describe('weapp build: the staff pages of #16', () => {
  it('社区管理 lists both seeded communities to an admin', async () => {
    const page = await openPage('package-staff/pages/communities/index', 'admin', {}, '虎池苑社区');
    expect(page.text()).toContain('金色里程社区编号 jinse · 每周三 17:00–20:00');
    expect(page.text()).toContain('虎池苑社区编号 huchi · 每周三 17:00–20:00');
    expect(page.text()).toContain('新建社区');
  });

  it('街道汇总 shows each community’s latest evening and open suggestions to an admin', async () => {
    const page = await openPage(
      'package-staff/pages/subdistrict/index',
      'admin',
      {},
      '近 8 周合计',
    );
    const text = page.text();
    expect(text).toContain('截至 11月25日 周三');
    // Two of jinse's three suggestions are unanswered; huchi has none.
    expect(text).toMatch(/金色里程社区最近一晚 11月25日：[^虎]*未答复建议 2 条/);
    expect(text).toMatch(/虎池苑社区最近一晚 11月25日：[^金]*未答复建议 0 条/);
  });

  it('志愿者与组织 lists the organisation and its volunteers serving tonight to staff', async () => {
    const page = await openPage(
      'package-staff/pages/volunteers/index',
      'staff',
      { c: COMMUNITY },
      '志愿者（2 人）',
    );
    // Tonight's sign-ups come after the list.
    await page.waitForText(page.root, '李志愿 的服务小时数');
    const text = page.text();
    expect(text).toContain(`${ORG_NAME}（志愿服务队） · 联系：王老师 13812345678`);
    expect(text).toContain(`张志愿${ORG_NAME} · 11月25日 周三 18:30 加入撤销`);
    expect(text).toContain(`李志愿 · ${ORG_NAME}健康检测 · 时长未登记`);
  });

  it('我的志愿服务 shows a volunteer tonight’s service and its line', async () => {
    const page = await openPage(
      'package-staff/pages/volunteer/index',
      'volunteer',
      {},
      // Until volunteer.desk answers, the page says the service needs no calling (a flash).
      '等候 9 人',
    );
    const text = page.text();
    expect(text).toContain(`金色里程社区 志愿者 · ${ORG_NAME}`);
    expect(text).toContain('今晚我服务：健康检测');
    // Eight neighbours and the mini-program's own resident wait on 健康检测.
    expect(text).toContain('等候 9 人');
    expect(text).toContain('已报名：11月25日 周三 健康检测');
  });

  it('开放日历 shows a cancelled date’s reason, and cancels another date by typing and a tap', async () => {
    const page = await openPage(
      'package-staff/pages/calendar/index',
      'staff',
      { c: COMMUNITY },
      `已暂停开放：${CANCELLED.reason}`,
    );
    expect(page.text()).toContain('12月30日 周三 17:00–20:00已暂停开放');
    // The rows run from tonight: the second is 12月2日, where a neighbour booked 19:00.
    const reason = page.page.querySelectorAll('.bdb-field__input')[1];
    const cancel = page.page
      .querySelectorAll('.bdb-button')
      .filter((b) => (b.dom?.textContent ?? '').trim() === '暂停开放')[1];
    if (!reason || !cancel) throw new Error('no reason field or 暂停开放 button on 12月2日');
    reason.dispatchEvent('input', { detail: { value: '停电检修' } });
    cancel.dispatchEvent('tap');

    await page.waitForText(page.root, '已暂停开放：停电检修');
    expect(page.text()).toContain('12月2日 周三 17:00–20:00已暂停开放：停电检修');
    const calendar = data<CalendarView>(
      await page.h.run('community', { action: 'calendar', community: COMMUNITY }),
    );
    const off = calendar.evenings.filter((e) => e.cancelled).map((e) => [e.date, e.reason]);
    expect(off).toEqual([
      ['2026-12-02', '停电检修'],
      [CANCELLED.date, CANCELLED.reason],
    ]);
    // The neighbour's booking that evening was cancelled with it.
    const theirs = data<Booking[]>(
      await page.h.run('booking', { action: 'mine' }, { userId: 'wx:audit-neighbour-2' }),
    );
    expect(theirs.map((b) => [b.date, b.status])).toEqual([['2026-12-02', 'cancelled']]);
  });
});
