import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import { surveyRoundFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import type { Round, VoteInput } from '@/types/contract';
import {
  reLaunch,
  resetTaroDouble,
  setRouterParams,
  setStorageSync,
} from '../../../../tests/doubles/taro';
import SurveyVotePage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

/** What the server answers a vote with: my choices, and one more vote for each. */
const counted = (input: VoteInput): Round => {
  const round = surveyRoundFixture();
  return {
    ...round,
    voters: round.voters + 1,
    mine: input.choices,
    ranking: round.ranking.map((c) =>
      input.choices.includes(c.id) ? { ...c, votes: c.votes + 1 } : c,
    ),
  };
};

async function openPage(round: Round | null = surveyRoundFixture(), handlers: Handlers = {}) {
  routeCalls({
    'survey.current': async () => round,
    'survey.vote': async (input) => counted(input),
    ...handlers,
  });
  const view = render(<SurveyVotePage />);
  await screen.findByText('居民点单', { selector: '.bdb-survey-page__title' });
  if (round) await screen.findByText(round.title);
  return view;
}

const chip = (name: string) => screen.getByRole('checkbox', { name: new RegExp(`^${name}`) });
const checked = () =>
  screen
    .getAllByRole('checkbox')
    .filter((c) => c.getAttribute('aria-checked') === 'true')
    .map((c) => c.querySelector('.bdb-survey-ballot__name')?.textContent);
const rows = (container: HTMLElement) => [
  ...container.querySelectorAll<HTMLElement>('.bdb-survey-ranking__row'),
];

describe('居民点单 page', () => {
  it('shows the round, its rules and every candidate to tick, in a fixed order', async () => {
    await openPage();
    expect(callsOf('survey.current')).toEqual([{ community: 'jinse' }]);
    expect(screen.getByText('每人最多选 3 项，12 月 16 日截止')).toBeTruthy();
    expect(screen.getByText('已有 12 人参与')).toBeTruthy();
    expect(screen.getByText('已选 0/3')).toBeTruthy();

    const group = screen.getByRole('group', { name: '请选出您最需要的晚间服务' });
    // Current services first, then proposals; not by votes, so the count does not steer.
    expect(
      within(group)
        .getAllByRole('checkbox')
        .map((c) => c.querySelector('.bdb-survey-ballot__name')?.textContent),
    ).toEqual([
      '书法体验课',
      '爱心理发',
      '血压测量',
      '儿童托管',
      '法律咨询',
      '图书阅览',
      '政务服务',
      '康复理疗',
      '手机使用课',
      '家电维修',
    ]);
    expect(within(chip('手机使用课')).getByText('新提议')).toBeTruthy();
    expect(within(chip('家电维修')).getByText('来自居民建议')).toBeTruthy();
    expect(screen.getByText('提交')).toBeTruthy();
  });

  it('ticks up to the maximum and says so when one more is tapped', async () => {
    await openPage();
    fireEvent.click(chip('政务服务'));
    fireEvent.click(chip('血压测量'));
    expect(chip('政务服务').getAttribute('aria-checked')).toBe('true');
    expect(chip('政务服务').textContent).toMatch(/^✓政务服务/);
    expect(screen.getByText('已选 2/3')).toBeTruthy();
    fireEvent.click(chip('图书阅览'));
    expect(screen.getByText('已选 3/3')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.click(chip('手机使用课'));
    expect(screen.getByRole('alert').textContent).toBe('✕ 每人最多选 3 项，请先取消一项再选');
    expect(chip('手机使用课').getAttribute('aria-checked')).toBe('false');
    expect(screen.getByText('已选 3/3')).toBeTruthy();

    // Taking one off makes room, and the message goes.
    fireEvent.click(chip('血压测量'));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(chip('手机使用课'));
    expect(checked()).toEqual(['图书阅览', '政务服务', '手机使用课']);
    expect(callsOf('survey.vote')).toHaveLength(0);
  });

  it('asks for a choice before sending an empty ballot', async () => {
    await openPage();
    fireEvent.click(screen.getByText('提交'));
    expect(screen.getByRole('alert').textContent).toBe('✕ 请至少选一项');
    expect(callsOf('survey.vote')).toHaveLength(0);
  });

  it('sends the choices, thanks the resident and shows the fresh ranking', async () => {
    const { container } = await openPage();
    fireEvent.click(chip('手机使用课'));
    fireEvent.click(chip('图书阅览'));
    fireEvent.click(screen.getByText('提交'));

    expect(await screen.findByText('✓ 已提交，谢谢您参与点单！截止前还可以修改')).toBeTruthy();
    expect(callsOf('survey.vote')).toEqual([
      { roundId: 'round-1', choices: ['p-phone', 'library'] },
    ]);
    expect(screen.getByText('已有 13 人参与')).toBeTruthy();
    const phone = rows(container).find((r) => within(r).queryByText('手机使用课'));
    expect(within(phone!).getByText('8 票（含纸质票 1）')).toBeTruthy();
    // My ballot is in: the button now changes it.
    expect(screen.getByText('修改我的选择')).toBeTruthy();
    expect(checked()).toEqual(['图书阅览', '手机使用课']);
  });

  it('starts from my ballot and changes it', async () => {
    await openPage(surveyRoundFixture({ mine: ['health', 'library'] }));
    expect(checked()).toEqual(['血压测量', '图书阅览']);
    expect(screen.getByText('已选 2/3')).toBeTruthy();
    expect(screen.queryByText('提交')).toBeNull();

    fireEvent.click(chip('图书阅览'));
    fireEvent.click(chip('法律咨询'));
    fireEvent.click(screen.getByText('修改我的选择'));

    expect(await screen.findByText('✓ 已修改您的选择，截止前还可以再改')).toBeTruthy();
    expect(callsOf('survey.vote')).toEqual([{ roundId: 'round-1', choices: ['health', 'legal'] }]);
  });

  it('shows the server’s refusal in an alert and keeps the choices', async () => {
    await openPage(surveyRoundFixture(), {
      'survey.vote': async () => {
        throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
      },
    });
    fireEvent.click(chip('政务服务'));
    fireEvent.click(screen.getByText('提交'));
    expect((await screen.findByRole('alert')).textContent).toBe(`✕ ${NETWORK_MESSAGE}`);
    expect(checked()).toEqual(['政务服务']);
    expect(screen.queryByText(/谢谢您参与点单/)).toBeNull();
  });

  it('loads the round again when the server says voting has ended', async () => {
    let loads = 0;
    routeCalls({
      'survey.current': async () => {
        loads += 1;
        return surveyRoundFixture(loads === 1 ? {} : { status: 'closed' });
      },
      'survey.vote': async () => {
        throw new GatewayError({ code: 'CLOSED', message: '这轮点单已经结束，谢谢关心' });
      },
    });
    render(<SurveyVotePage />);
    fireEvent.click(await screen.findByRole('checkbox', { name: /^政务服务/ }));
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findByText('投票已结束')).toBeTruthy();
    expect(callsOf('survey.current')).toHaveLength(2);
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
  });

  it('draws the ranking: places, bars as wide as the votes, paper votes and the top eight', async () => {
    const { container } = await openPage();
    expect(screen.getByText('实时排名')).toBeTruthy();
    const all = rows(container);
    expect(all.map((r) => r.querySelector('.bdb-survey-ranking__name')?.textContent)).toEqual([
      '政务服务',
      '血压测量',
      '手机使用课',
      '图书阅览',
      '书法体验课',
      '家电维修',
      '康复理疗',
      '儿童托管',
      '法律咨询',
      '爱心理发',
    ]);
    const [first, second, third] = all;
    expect(within(first).getByText('第 1 名')).toBeTruthy();
    expect(within(first).getByText('9 票（含纸质票 2）')).toBeTruthy();
    // Ties share a place.
    expect(within(second).getByText('第 2 名')).toBeTruthy();
    expect(within(third).getByText('第 2 名')).toBeTruthy();
    expect(within(second).getByText('7 票')).toBeTruthy();

    // The bar's width: ranking-list.scss draws it from the row's --bdb-bar.
    const width = (row: HTMLElement) => row.style.getPropertyValue('--bdb-bar');
    expect(all.map(width)).toEqual([
      '100%',
      '78%',
      '78%',
      '56%',
      '44%',
      '33%',
      '22%',
      '22%',
      '11%',
      '0%',
    ]);
    // The bar is drawn, not an element: a screen reader meets the place, name and votes only.
    expect([...first.children].map((c) => c.className)).toEqual([
      'bdb-survey-ranking__head',
      'bdb-survey-ranking__votes',
    ]);

    expect(all.map((r) => within(r).queryByText('入选') !== null)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(screen.queryByText(/第八名有并列/)).toBeNull();
  });

  it('says when places tie across the cut', async () => {
    await openPage(surveyRoundFixture({ tieAtCut: true }));
    expect(screen.getByText('第八名有并列，最后的菜单由社区商定。')).toBeTruthy();
  });

  it('says nobody has voted yet instead of a tie for first in an empty round', async () => {
    const round = surveyRoundFixture();
    const { container } = await openPage(
      surveyRoundFixture({
        voters: 0,
        tieAtCut: false,
        ranking: round.ranking.map((c) => ({
          ...c,
          votes: 0,
          paperVotes: 0,
          rank: 1,
          proposed: false,
        })),
      }),
    );
    expect(screen.getByText('还没有人投票，您可以投第一票').getAttribute('role')).toBe('status');
    expect(screen.queryByText(/并列/)).toBeNull();
    expect(screen.queryByText('第 1 名')).toBeNull();
    expect(screen.queryByText('入选')).toBeNull();
    expect(container.querySelectorAll('.bdb-survey-ranking__row')).toHaveLength(
      round.ranking.length,
    );
  });

  it('shows a closed round’s result only, with my choices', async () => {
    await openPage(surveyRoundFixture({ status: 'closed', mine: ['paperwork', 'p-phone'] }));
    expect(screen.getByText('投票已结束')).toBeTruthy();
    expect(screen.getByText('您选了：政务服务、手机使用课')).toBeTruthy();
    expect(screen.getByText('投票结果')).toBeTruthy();
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(screen.queryByText('提交')).toBeNull();
    expect(screen.queryByText('修改我的选择')).toBeNull();
    expect(screen.queryByText('已发布的服务菜单')).toBeNull();
  });

  it('shows the published menu in its order', async () => {
    await openPage(
      surveyRoundFixture({ status: 'published', menu: ['health', 'paperwork', 'p-phone'] }),
    );
    const menu = screen.getByText('已发布的服务菜单').parentElement!;
    expect([...menu.querySelectorAll('.bdb-survey-menu__name')].map((n) => n.textContent)).toEqual([
      '1. 血压测量',
      '2. 政务服务',
      '3. 手机使用课',
    ]);
    expect(within(menu).getByText('教老人用手机挂号、缴费')).toBeTruthy();
    expect(screen.getByText('投票已结束')).toBeTruthy();
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
  });

  it('says so when there is no round', async () => {
    await openPage(null);
    expect(await screen.findByText('现在没有进行中的点单')).toBeTruthy();
    expect(screen.queryByText('实时排名')).toBeNull();
    fireEvent.click(screen.getByText('回到今晚服务'));
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/tonight/index?c=jinse' });
  });

  it('uses the remembered community, and retries a failed load', async () => {
    setRouterParams({});
    setStorageSync('bdb.community', 'huchi');
    let loads = 0;
    routeCalls({
      'survey.current': async () => {
        loads += 1;
        if (loads === 1) throw new GatewayError({ code: 'NOT_FOUND', message: '没有找到这个社区' });
        return surveyRoundFixture({ community: 'huchi' });
      },
    });
    render(<SurveyVotePage />);
    expect((await screen.findByRole('alert')).textContent).toContain('没有找到这个社区');
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('2027 年上半年 八点伴服务点单')).toBeTruthy();
    await waitFor(() =>
      expect(callsOf('survey.current')).toEqual([{ community: 'huchi' }, { community: 'huchi' }]),
    );
  });

  it('says which community is missing when there is none', () => {
    setRouterParams({});
    render(<SurveyVotePage />);
    expect(screen.getByText('还不知道是哪个社区，请先在“今晚服务”页选择社区')).toBeTruthy();
    expect(callsOf('survey.current')).toHaveLength(0);
  });
});
