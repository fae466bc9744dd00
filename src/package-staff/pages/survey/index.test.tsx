import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import { formatDate, shanghaiDate } from '@/lib/shanghai-time';
import type { BallotReview, Round } from '@/types/contract';
import {
  COMMUNITIES,
  deskRoundFixture,
  deskRoundsFixture,
  deskTiedRoundFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import { pageScrollTo, resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import SurveyPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

const review = (voided = false): BallotReview => ({
  roundId: deskRoundsFixture()[0]!.id,
  ballots: [
    {
      ref: 'ref-burst-000001',
      at: '2026-12-02T11:05:00.000Z',
      kind: 'browser',
      choices: ['图书阅览'],
      burst: true,
      voided,
    },
    {
      ref: 'ref-honest-00001',
      at: '2026-12-02T10:00:00.000Z',
      kind: 'wechat',
      choices: ['政务服务'],
      burst: false,
      voided: false,
    },
  ],
  counted: voided ? 19 : 20,
  voided: voided ? 1 : 0,
  flagged: 1,
});

async function openPage(handlers: Handlers = {}, rounds: Round[] = deskRoundsFixture()) {
  routeCalls({
    'survey.rounds': async () => rounds,
    'survey.ballots': async () => review(),
    'survey.adopted': async () => [],
    'community.list': async () => COMMUNITIES,
    ...handlers,
  });
  const view = render(<SurveyPage />);
  await screen.findByText('实时排名');
  return view;
}

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const tick = (name: string) => fireEvent.click(screen.getByRole('checkbox', { name }));
const rows = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('.bdb-round__row')].map((row) => ({
    text: row.textContent,
    // The fill's width: bar.scss draws it from --bdb-bar.
    width: row.style.getPropertyValue('--bdb-bar'),
  }));

describe('staff survey page (居民点单)', () => {
  it('shows the open round’s live ranking as bars with votes in words and 入选 marks', async () => {
    const { container } = await openPage();

    expect(await screen.findByText('金色里程 居民点单')).toBeTruthy();
    expect(callsOf('survey.rounds')).toEqual([{ community: 'jinse' }]);
    expect(screen.getByText('当前这一轮')).toBeTruthy();
    expect(screen.getByText('投票中')).toBeTruthy();
    expect(
      screen.getByText('截止 12月16日 周三（含当天） · 每人最多选 3 项 · 20 人投票'),
    ).toBeTruthy();
    const ranked = rows(container);
    expect(ranked[0]).toEqual({
      text: '第 1 名现有服务✓ 入选政务服务12 票（其中纸质 3 票）',
      width: '100%',
    });
    expect(ranked[2]).toEqual({
      text: '第 3 名新提议✓ 入选手机使用课9 票（其中纸质 1 票）',
      width: '75%',
    });
    expect(ranked[5]!.text).toBe('第 6 名居民建议✓ 入选法律咨询5 票');
    expect(ranked[8]).toEqual({ text: '第 9 名新提议儿童托管1 票', width: '8%' });
    expect(ranked[9]).toEqual({ text: '第 10 名现有服务爱心理发0 票', width: '0%' });
    expect(screen.getAllByText('✓ 入选')).toHaveLength(8);
    // The bar is drawn for the eye, not an element: a screen reader meets the rank and words only.
    expect(container.querySelector('.bdb-round__row')!.children).toHaveLength(3);
    expect(screen.queryByText(/票数相同/)).toBeNull();
    // A round is open: no second one, no publishing yet.
    expect(screen.queryByRole('button', { name: '开一轮点单' })).toBeNull();
    expect(screen.queryByRole('button', { name: '发布菜单' })).toBeNull();

    expect(screen.getByText('往期点单（1 轮）')).toBeTruthy();
    expect(screen.getByText('菜单：政务服务、血压测量、家电维修')).toBeTruthy();
  });

  it('enters a stack of paper ballots, checked first, and loads the ranking again', async () => {
    const after = deskRoundFixture({ voters: 25 });
    await openPage({ 'survey.paper': async () => after });
    click('录入纸质票');
    click('录入这些选票');
    expect(screen.getByRole('alert').textContent).toBe('✕ 请至少选一项');

    tick('纸质票选了 图书阅览');
    tick('纸质票选了 政务服务');
    tick('纸质票选了 血压测量');
    tick('纸质票选了 棋牌娱乐');
    type('纸质票张数', '5');
    click('录入这些选票');
    expect(screen.getByRole('alert').textContent).toBe('✕ 每张选票最多 3 项，现在选了 4 项');
    expect(callsOf('survey.paper')).toHaveLength(0);

    tick('纸质票选了 棋牌娱乐');
    tick('纸质票选了 血压测量');
    click('录入这些选票');
    expect(await screen.findByText('✓ 已录入 5 张纸质票（政务服务、图书阅览）')).toBeTruthy();
    const [sent] = callsOf('survey.paper');
    expect(sent).toEqual({
      roundId: 'round-2',
      choices: ['paperwork', 'library'],
      copies: 5,
      requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
    });
    expect(callsOf('survey.rounds')).toHaveLength(2);
    // The form starts over for the next stack.
    expect(
      screen.getByRole('checkbox', { name: '纸质票选了 政务服务' }).getAttribute('aria-checked'),
    ).toBe('false');
    expect((screen.getByLabelText('纸质票张数') as HTMLInputElement).value).toBe('1');
  });

  it('sends the same stack again with the same request id after a lost answer', async () => {
    let tries = 0;
    await openPage({
      'survey.paper': async () => {
        tries += 1;
        if (tries === 1) throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
        return deskRoundFixture();
      },
    });
    click('录入纸质票');
    tick('纸质票选了 手机使用课');
    type('纸质票张数', '2');
    click('录入这些选票');
    expect(await screen.findByText(`✕ ${NETWORK_MESSAGE}`)).toBeTruthy();
    click('录入这些选票');
    expect(await screen.findByText('✓ 已录入 2 张纸质票（手机使用课）')).toBeTruthy();
    const [first, second] = callsOf('survey.paper');
    expect(second!.requestId).toBe(first!.requestId);
  });

  it('ends voting only after saying what that means', async () => {
    await openPage({
      'survey.close': async () => deskRoundFixture({ status: 'closed' }),
    });
    click('结束投票');
    expect(screen.getByText('结束后居民就不能再投票了，确定结束吗？')).toBeTruthy();
    click('不结束投票');
    expect(callsOf('survey.close')).toHaveLength(0);

    click('结束投票');
    click('确定结束投票');
    expect(
      await screen.findByText('✓ 已结束投票“2027 年上半年 服务点单”，可以发布菜单了'),
    ).toBeTruthy();
    expect(callsOf('survey.close')).toEqual([{ roundId: 'round-2' }]);
    expect(pageScrollTo).toHaveBeenCalledWith({ scrollTop: 0, duration: 0 });
  });

  it('opens a round: checks the form, then sends title, choices, last day and proposals', async () => {
    const [, published] = deskRoundsFixture();
    let rounds: Round[] = [published!];
    await openPage(
      {
        'survey.rounds': async () => rounds,
        'survey.open': async (input) => {
          const round = deskRoundFixture({ title: input.title, maxChoices: input.maxChoices });
          rounds = [round, published!];
          return round;
        },
      },
      rounds,
    );
    expect(screen.getByText('最近一轮')).toBeTruthy();
    click('开一轮点单');
    click('添加一项新服务');
    click('开始点单');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      '✕ 请写这轮点单的标题，如：2027 年上半年 服务点单',
      '✕ 请写新服务的名称，如：手机使用课',
      '✕ 请选择服务方式',
    ]);

    type('点单标题', '2027 年上半年 服务点单');
    fireEvent.click(screen.getByRole('radio', { name: '每人最多选 2 项' }));
    fireEvent.change(screen.getByLabelText('日期选择器'), { target: { value: '2020-01-01' } });
    type('第 1 项新服务 名称', '手机使用课');
    fireEvent.click(screen.getByRole('radio', { name: '第 1 项新服务 服务方式 直接来' }));
    type('第 1 项新服务 说明', '教老人用手机挂号、缴费');
    click('添加一项新服务');
    type('第 2 项新服务 名称', '不要的');
    click('删除第 2 项新服务');
    click('开始点单');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      '✕ 截止日期不能早于今天',
    ]);
    expect(callsOf('survey.open')).toHaveLength(0);

    const closesOn = shanghaiDate(Date.now() + 14 * 86_400_000);
    fireEvent.change(screen.getByLabelText('日期选择器'), { target: { value: closesOn } });
    expect(screen.getByText(`${formatDate(closesOn)} 截止`)).toBeTruthy();
    click('开始点单');
    expect(
      await screen.findByText(
        '✓ 已开始点单“2027 年上半年 服务点单”，共 10 项候选，居民现在可以投票',
      ),
    ).toBeTruthy();
    expect(callsOf('survey.open')).toEqual([
      {
        community: 'jinse',
        title: '2027 年上半年 服务点单',
        maxChoices: 2,
        closesOn,
        proposals: [{ name: '手机使用课', kind: 'drop-in', description: '教老人用手机挂号、缴费' }],
      },
    ]);
    await waitFor(() => expect(screen.getByText('当前这一轮')).toBeTruthy());
    expect(screen.queryByRole('button', { name: '开一轮点单' })).toBeNull();
  });

  it('adds an adopted suggestion as a proposal with one tap, linked back to it', async () => {
    const proposal = {
      name: '希望开手机使用课',
      kind: 'drop-in' as const,
      description: '居民建议 JS-1202-003：希望开手机使用课',
      suggestionId: 'sg-9',
    };
    await openPage(
      {
        'survey.adopted': async () => [
          { suggestionId: 'sg-9', receipt: 'JS-1202-003', text: '希望开手机使用课', proposal },
        ],
        'survey.open': async (input) => deskRoundFixture({ title: input.title }),
      },
      [deskRoundsFixture()[1]!],
    );
    click('开一轮点单');
    const adopted = await screen.findByRole('group', { name: '已采纳的建议' });
    expect(within(adopted).getByText('JS-1202-003：希望开手机使用课')).toBeTruthy();
    click('把建议 JS-1202-003 列入点单');
    expect(
      screen.getByRole('button', { name: '建议 JS-1202-003 已列入' }).getAttribute('aria-disabled'),
    ).toBe('true');
    expect(screen.getByText('来自居民建议 JS-1202-003')).toBeTruthy();
    expect((screen.getByLabelText('第 1 项新服务 名称') as HTMLInputElement).value).toBe(
      '希望开手机使用课',
    );
    type('第 1 项新服务 名称', '手机使用课');
    type('点单标题', '明年的服务');
    fireEvent.change(screen.getByLabelText('日期选择器'), {
      target: { value: shanghaiDate(Date.now() + 7 * 86_400_000) },
    });
    click('开始点单');
    await waitFor(() => expect(callsOf('survey.open')).toHaveLength(1));
    expect(callsOf('survey.open')[0]!.proposals).toEqual([{ ...proposal, name: '手机使用课' }]);
    expect(callsOf('survey.adopted')).toEqual([{ community: 'jinse' }]);
  });

  it('shows the server’s refusal to open a round', async () => {
    await openPage(
      {
        'survey.open': async () => {
          throw new GatewayError({ code: 'CONFLICT', message: '还有一轮点单没结束，请先结束它' });
        },
      },
      [deskRoundsFixture()[1]!],
    );
    click('开一轮点单');
    type('点单标题', '再开一轮');
    fireEvent.change(screen.getByLabelText('日期选择器'), {
      target: { value: shanghaiDate(Date.now() + 7 * 86_400_000) },
    });
    click('开始点单');
    const alert = await screen.findByText('✕ 还有一轮点单没结束，请先结束它');
    expect(alert.getAttribute('role')).toBe('alert');
    // The form stays open with what was typed.
    expect((screen.getByLabelText('点单标题') as HTMLInputElement).value).toBe('再开一轮');
  });

  it('publishes the menu: a tie at the cut is shown, staff untick, then confirm the change', async () => {
    let rounds = [deskTiedRoundFixture()];
    await openPage(
      {
        'survey.rounds': async () => rounds,
        'survey.publish': async ({ menu }) => {
          rounds = [{ ...deskTiedRoundFixture(), status: 'published', menu }];
          return rounds[0]!;
        },
      },
      rounds,
    );
    expect(screen.getByText('投票已结束')).toBeTruthy();
    expect(
      screen.getByText(
        '⚠ 第 8 名有 2 项票数相同（康复理疗、儿童托管），入选的有 9 项，超过 8 项：请工作人员商量决定，发布菜单时取消勾选多出的',
      ),
    ).toBeTruthy();
    expect(screen.getAllByText('✓ 入选')).toHaveLength(9);
    expect(screen.queryByRole('button', { name: '录入纸质票' })).toBeNull();

    click('发布菜单');
    const ticked = () =>
      screen
        .getAllByRole('checkbox')
        .filter((c) => c.getAttribute('aria-checked') === 'true')
        .map((c) => c.getAttribute('aria-label'));
    expect(ticked()).toHaveLength(9);
    expect(screen.getByText('已按票数勾上入选的服务；菜单最多 8 项，现在勾了 9 项')).toBeTruthy();
    click('下一步');
    expect(screen.getByRole('alert').textContent).toBe(
      '✕ 菜单最多 8 项，现在选了 9 项，请取消勾选几项',
    );

    tick('菜单里有 康复理疗');
    click('下一步');
    expect(screen.getByText('发布后，社区的服务项目会换成这 8 项')).toBeTruthy();
    expect(
      screen.getByText(
        '政务服务、血压测量、手机使用课、图书阅览、家电维修、法律咨询、棋牌娱乐、儿童托管',
      ),
    ).toBeTruthy();
    expect(callsOf('survey.publish')).toHaveLength(0);
    click('返回修改');
    expect(ticked()).toHaveLength(8);
    click('下一步');
    click('确认发布');

    expect(await screen.findByText('✓ 已发布菜单，社区的服务项目换成了这 8 项')).toBeTruthy();
    expect(callsOf('survey.publish')).toEqual([
      {
        roundId: 'round-2',
        menu: ['paperwork', 'bp', 'p-phone', 'library', 'repair', 'p-legal', 'chess', 'p-kids'],
      },
    ]);
    await waitFor(() =>
      expect(
        screen.getByText(
          '已发布的菜单：政务服务、血压测量、手机使用课、图书阅览、家电维修、法律咨询、棋牌娱乐、儿童托管',
        ),
      ).toBeTruthy(),
    );
    expect(screen.getByRole('button', { name: '开一轮点单' })).toBeTruthy();
  });

  it('shows a refused publish and stays on the picked menu', async () => {
    await openPage(
      {
        'survey.publish': async () => {
          throw new GatewayError({ code: 'CONFLICT', message: '这轮点单刚刚被发布了' });
        },
      },
      [deskRoundFixture({ status: 'closed' })],
    );
    click('发布菜单');
    click('下一步');
    expect(screen.getByText('发布后，社区的服务项目会换成这 8 项')).toBeTruthy();
    click('确认发布');
    expect(await screen.findByText('✕ 这轮点单刚刚被发布了')).toBeTruthy();
    const form = screen.getByText('发布菜单', { selector: '.bdb-desk-form__title' });
    expect(within(form.parentElement!).getAllByRole('checkbox')).toHaveLength(10);
  });

  it('says so when no round was ever opened', async () => {
    routeCalls({
      'survey.rounds': async () => [],
      'community.list': async () => COMMUNITIES,
    });
    render(<SurveyPage />);
    expect(await screen.findByText('还没有开过点单')).toBeTruthy();
    expect(screen.getByRole('button', { name: '开一轮点单' })).toBeTruthy();
  });

  it('asks to come in through the staff entry without a community', () => {
    setRouterParams({});
    render(<SurveyPage />);
    expect(screen.getByText('请从“工作人员入口”进入居民点单')).toBeTruthy();
    expect(callMock).not.toHaveBeenCalled();
  });

  it('lists the suspicious ballots under 选票核查 and voids one, without naming voters', async () => {
    let voided = false;
    await openPage({
      'survey.ballots': async () => review(voided),
      'survey.voidBallot': async () => {
        voided = true;
        return review(true);
      },
    });
    const toggle = await screen.findByRole('button', { name: /选票核查/ });
    expect(toggle.textContent).toContain('计入 20 张 · 可疑 1 张');
    fireEvent.click(toggle);
    expect(screen.getByText('12月2日 19:05 · 浏览器 · 图书阅览')).toBeTruthy();
    expect(screen.getByText('可疑：短时间内大量相同选票')).toBeTruthy();
    // Ballots that look ordinary are counted, not listed.
    expect(screen.queryByText(/· 微信 ·/)).toBeNull();
    fireEvent.click(
      screen.getByRole('button', { name: '作废：12月2日 19:05 · 浏览器 · 图书阅览' }),
    );
    await screen.findByText('已作废');
    expect(callsOf('survey.voidBallot')).toEqual([
      { roundId: deskRoundsFixture()[0]!.id, ref: 'ref-burst-000001', voided: true },
    ]);
    expect(screen.getByRole('button', { name: /恢复计票/ })).toBeTruthy();
    expect(toggle.textContent).toContain('计入 19 张 · 已作废 1 张 · 可疑 1 张');
  });
});
