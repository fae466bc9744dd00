import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import type { CallList, EchoWall } from '@/types/contract';
import {
  callListFixture,
  COMMUNITIES,
  followUpRulesFixture,
  followUpTaskFixture,
  suggestionCategoriesFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import {
  navigateTo,
  pageScrollTo,
  resetTaroDouble,
  setRouterParams,
} from '../../../../tests/doubles/taro';
import CallsPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

const board = (): EchoWall => ({
  community: { id: 'jinse', name: '金色里程' },
  answered: [],
  changes: [],
  categories: suggestionCategoriesFixture(),
});

/** Opens the page; `lists` are the call lists `followup.due` answers in turn (the last repeats). */
async function openPage(handlers: Handlers = {}, lists: CallList[] = [callListFixture()]) {
  let loads = 0;
  routeCalls({
    'followup.due': async () => lists[Math.min(loads++, lists.length - 1)],
    'community.list': async () => COMMUNITIES,
    'suggestion.echoWall': async () => board(),
    ...handlers,
  });
  const view = render(<CallsPage />);
  await screen.findByText('王阿姨');
  return view;
}

const card = (name: string) => {
  const found = screen.getByText(name).closest<HTMLElement>('.bdb-call-card');
  if (!found) throw new Error(`no card for ${name}`);
  return found;
};
const choose = (name: string) => fireEvent.click(screen.getByRole('radio', { name }));
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('staff call list page', () => {
  it('lists today’s and overdue calls with masked numbers to dial, and the last week’s', async () => {
    const { container } = await openPage();

    expect(await screen.findByText('金色里程 回访名单')).toBeTruthy();
    expect(callsOf('followup.due')).toEqual([{ community: 'jinse' }]);
    expect(
      [...container.querySelectorAll('.bdb-desk-page__section-title')].map((t) => t.textContent),
    ).toEqual(['今天（3 条）', '已逾期（1 条）', '最近完成（2 条）']);
    expect(screen.getByText('另有 2 条以后到期')).toBeTruthy();

    const wang = within(card('王阿姨'));
    expect(wang.getByText('12月2日 周三 晚 · 政务服务 19:00、书法体验课')).toBeTruthy();
    expect(wang.getByText('138****5678')).toBeTruthy();
    expect(wang.queryByText('13800005678')).toBeNull();
    const dial = wang.getByRole('link', { name: '拨打 王阿姨 的电话' });
    expect(dial.getAttribute('href')).toBe('tel:13800005678');
    expect(wang.getByText('第 1 次拨打')).toBeTruthy();

    const li = within(card('3栋 李伯伯'));
    expect(li.getByText('第 2 次拨打 · 前 1 次无人接听（最多 3 次）')).toBeTruthy();
    expect(li.getByText('上次拨打：12月3日 周四 10:05')).toBeTruthy();

    const zhao = within(card('赵大爷'));
    expect(zhao.getByText('复访')).toBeTruthy();
    expect(zhao.getByText('上次回访不满意或问题未解决，请资深社工 48 小时内再回访')).toBeTruthy();

    const late = within(card('居民（尾号 3f9a）'));
    expect(late.getByText('已逾期')).toBeTruthy();
    expect(late.getByText('应在 11月26日 回访，已逾期 7 天')).toBeTruthy();

    expect(within(card('孙奶奶')).getByText('基本满意 · 已解决（希望多开一晚）')).toBeTruthy();
    expect(within(card('钱先生')).getByText('已结束：号码错误')).toBeTruthy();
    // Finished calls have nothing left to record.
    expect(within(card('孙奶奶')).queryByRole('radio')).toBeNull();
  });

  it('records a call that got through, with the verdict, a note and a suggestion', async () => {
    const done = followUpTaskFixture({
      status: 'done',
      result: { satisfaction: 'unsatisfied', solved: 'no', note: '排队太久' },
    });
    const after = callListFixture({
      dueToday: callListFixture().dueToday.slice(1),
      recent: [done, ...callListFixture().recent],
    });
    await openPage({ 'followup.record': async () => done }, [callListFixture(), after]);

    choose('王阿姨 电话结果 接通');
    // Categories come from the community: its services, then the extra ones.
    const categories = within(card('王阿姨')).getByRole('radiogroup', { name: '王阿姨 建议类别' });
    expect(
      within(categories)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['血压测量', '家电维修', '棋牌娱乐', '开放时间', '环境设施', '其他']);
    choose('王阿姨 满意度 不满意');
    choose('王阿姨 问题是否解决 未解决');
    type('王阿姨 回访备注', ' 排队太久 ');
    choose('王阿姨 建议类别 血压测量');
    type('王阿姨 代提的建议', '希望多一台血压仪');
    expect(screen.getByRole('radio', { name: '王阿姨 满意度 不满意' }).textContent).toBe(
      '✓ 不满意',
    );
    fireEvent.click(screen.getByRole('button', { name: '王阿姨 保存回访结果' }));

    expect(
      await screen.findByText(
        '✓ 已记录 王阿姨 的回访：不满意 · 未解决（排队太久）；建议已代居民提交；已生成复访任务，请资深社工 48 小时内再回访',
      ),
    ).toBeTruthy();
    expect(callsOf('followup.record')).toEqual([
      {
        id: 'fu-1',
        outcome: 'reached',
        satisfaction: 'unsatisfied',
        solved: 'no',
        note: '排队太久',
        suggestion: '希望多一台血压仪',
        category: 'bp',
      },
    ]);
    // The list is loaded again: 王阿姨 has moved to 最近完成.
    await waitFor(() => expect(screen.getByText('今天（2 条）')).toBeTruthy());
    expect(callsOf('followup.due')).toHaveLength(2);
    expect(within(card('王阿姨')).queryByRole('radio')).toBeNull();
    expect(pageScrollTo).toHaveBeenCalledWith({ scrollTop: 0, duration: 0 });
  });

  it('records an unanswered call; the task stays with one more attempt', async () => {
    const missed = followUpTaskFixture({
      id: 'fu-2',
      name: '3栋 李伯伯',
      attempts: [
        { outcome: 'no-answer', at: '2026-12-03T10:05:00+08:00', by: 'staff-1' },
        { outcome: 'no-answer', at: '2026-12-03T16:00:00+08:00', by: 'staff-1' },
      ],
    });
    const after = callListFixture();
    after.dueToday[1] = { ...after.dueToday[1], attempts: missed.attempts };
    await openPage({ 'followup.record': async () => missed }, [callListFixture(), after]);

    choose('3栋 李伯伯 电话结果 无人接听');
    fireEvent.click(screen.getByRole('button', { name: '3栋 李伯伯 记录：无人接听' }));

    const said = await screen.findByText(
      '✓ 已记录 3栋 李伯伯 无人接听（第 2 次），还可以再打 1 次',
    );
    expect(said.getAttribute('role')).toBe('status');
    expect(callsOf('followup.record')).toEqual([{ id: 'fu-2', outcome: 'no-answer' }]);
    expect(
      await within(card('3栋 李伯伯')).findByText('第 3 次拨打 · 前 2 次无人接听（最多 3 次）'),
    ).toBeTruthy();
    // The form starts over for the next try.
    expect(
      screen
        .getByRole('radio', { name: '3栋 李伯伯 电话结果 无人接听' })
        .getAttribute('aria-checked'),
    ).toBe('false');
  });

  it('says what is missing before sending, next to the field', async () => {
    await openPage({ 'followup.record': async () => followUpTaskFixture() });

    fireEvent.click(screen.getByRole('button', { name: '王阿姨 保存回访结果' }));
    expect(within(card('王阿姨')).getByRole('alert').textContent).toBe('✕ 请选择这次电话的结果');

    choose('王阿姨 电话结果 接通');
    choose('王阿姨 问题是否解决 已解决');
    fireEvent.click(screen.getByRole('button', { name: '王阿姨 保存回访结果' }));
    const alerts = within(card('王阿姨')).getAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual(['✕ 请选择满意度']);
    expect(callsOf('followup.record')).toHaveLength(0);

    choose('王阿姨 满意度 满意');
    type('王阿姨 代提的建议', '周五也开');
    fireEvent.click(screen.getByRole('button', { name: '王阿姨 保存回访结果' }));
    expect(within(card('王阿姨')).getByRole('alert').textContent).toBe('✕ 请选择建议类别');
    expect(callsOf('followup.record')).toHaveLength(0);
  });

  it('shows the server’s refusal', async () => {
    await openPage({
      'followup.record': async () => {
        throw new GatewayError({
          code: 'CONFLICT',
          message: '刚刚有同事记录了这条回访，请刷新后再看',
        });
      },
    });
    choose('赵大爷 电话结果 号码错误');
    fireEvent.click(screen.getByRole('button', { name: '赵大爷 记录：号码错误（结束回访）' }));
    const alert = await screen.findByText('✕ 刚刚有同事记录了这条回访，请刷新后再看');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(callsOf('followup.record')).toEqual([{ id: 'fu-3', outcome: 'wrong-number' }]);
    await waitFor(() => expect(callsOf('followup.due')).toHaveLength(2));
  });

  it('shows a field refusal of the server next to its field', async () => {
    await openPage({
      'followup.record': async () => {
        throw new GatewayError({
          code: 'BAD_INPUT',
          message: '没有这个建议类别',
          field: 'category',
        });
      },
    });
    choose('王阿姨 电话结果 接通');
    choose('王阿姨 满意度 满意');
    choose('王阿姨 问题是否解决 已解决');
    choose('王阿姨 建议类别 其他');
    type('王阿姨 代提的建议', '周五也开');
    fireEvent.click(screen.getByRole('button', { name: '王阿姨 保存回访结果' }));
    expect(await within(card('王阿姨')).findByText('✕ 没有这个建议类别')).toBeTruthy();
    expect(screen.queryByText('✓', { exact: false, selector: '.bdb-desk-feedback' })).toBeNull();
  });

  it('leads from a name to the resident’s thread', async () => {
    await openPage();
    fireEvent.click(screen.getByRole('button', { name: '王阿姨 的记录' }));
    fireEvent.click(screen.getByRole('button', { name: '孙奶奶 的记录' }));
    expect(navigateTo.mock.calls).toEqual([
      [{ url: '/package-staff/pages/timeline/index?c=jinse&r=user-wang' }],
      [{ url: '/package-staff/pages/timeline/index?c=jinse&r=user-sun' }],
    ]);
  });

  it('turns a service’s calls off and moves another’s day in 回访设置', async () => {
    let rules = followUpRulesFixture();
    await openPage({
      'followup.rules': async () => rules,
      'followup.configure': async ({ service, followUp, delayDays }) => {
        rules = rules.map((r) => (r.service === service ? { ...r, followUp, delayDays } : r));
        return rules;
      },
    });
    expect(callsOf('followup.rules')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '回访设置' }));
    const bp = await screen.findByRole('switch', { name: '血压测量 需要回访' });
    expect(bp.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('服务后第 2 天回访')).toBeTruthy();
    expect(screen.getByRole('switch', { name: '活动通知里的活动 需要回访' }).textContent).toBe(
      '□ 不回访',
    );

    fireEvent.click(bp);
    expect(await screen.findByText('✓ 已保存：血压测量 不回访')).toBeTruthy();
    expect(
      screen.getByRole('switch', { name: '血压测量 需要回访' }).getAttribute('aria-checked'),
    ).toBe('false');
    expect(screen.queryByRole('button', { name: '血压测量 推后一天' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '家电维修 推后一天' }));
    expect(await screen.findByText('✓ 已保存：家电维修 服务后第 3 天回访')).toBeTruthy();
    expect(callsOf('followup.configure')).toEqual([
      { community: 'jinse', service: 'bp', followUp: false, delayDays: 1 },
      { community: 'jinse', service: 'repair', followUp: true, delayDays: 3 },
    ]);
    // The answer is shown as it came: no second load.
    expect(callsOf('followup.rules')).toHaveLength(1);
  });

  it('keeps the delay within 1–7 days', async () => {
    await openPage({
      'followup.rules': async () => [
        { service: 'bp', name: '血压测量', followUp: true, delayDays: 1 },
        { service: 'repair', name: '家电维修', followUp: true, delayDays: 7 },
      ],
    });
    fireEvent.click(screen.getByRole('button', { name: '回访设置' }));
    const earlier = await screen.findByRole('button', { name: '血压测量 提前一天' });
    expect(earlier.getAttribute('aria-disabled') === 'true').toBe(true);
    const later = screen.getByRole('button', { name: '家电维修 推后一天' });
    expect(later.getAttribute('aria-disabled') === 'true').toBe(true);
  });

  it('tags a resident who chose 不要电话回访, with no number and no way to record a call', async () => {
    const quiet = followUpTaskFixture({
      id: 'fu-quiet',
      name: '陈奶奶',
      resident: 'user-chen',
      channel: 'message',
      phone: null,
      noCalls: true,
    });
    const list = callListFixture();
    await openPage({}, [{ ...list, dueToday: [...list.dueToday, quiet] }]);
    const chen = within(card('陈奶奶'));
    expect(chen.getByText('不要电话')).toBeTruthy();
    expect(chen.getByText('居民选择了不要电话回访，请勿致电，已改为在小程序里询问')).toBeTruthy();
    expect(chen.queryByRole('link', { name: /拨打/ })).toBeNull();
    expect(chen.queryByText(/第 1 次拨打/)).toBeNull();
    expect(within(card('王阿姨')).queryByText('不要电话')).toBeNull();
  });

  it('says so when there is nobody to call today', async () => {
    routeCalls({
      'followup.due': async () => ({
        today: '2026-12-03',
        dueToday: [],
        overdue: [],
        upcoming: 0,
        recent: [],
      }),
      'community.list': async () => COMMUNITIES,
      'suggestion.echoWall': async () => board(),
    });
    render(<CallsPage />);
    expect(await screen.findByText('今天没有要打的回访电话')).toBeTruthy();
  });

  it('asks to come in through the staff entry without a community', () => {
    setRouterParams({});
    render(<CallsPage />);
    expect(screen.getByText('请从“工作人员入口”进入回访名单')).toBeTruthy();
    expect(callMock).not.toHaveBeenCalled();
  });
});
