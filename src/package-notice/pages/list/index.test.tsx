import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import { formatDate, shanghaiDate } from '@/lib/shanghai-time';
import {
  myActivityFixture,
  noticeActivityFixture,
  noticeListFixture,
  noticeSummaryFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import {
  navigateTo,
  reLaunch,
  resetTaroDouble,
  setRouterParams,
  setStorageSync,
  stopPullDownRefresh,
  triggerDidShow,
  triggerPullDownRefresh,
} from '../../../../tests/doubles/taro';
import NoticeListPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

const DAY = 24 * 60 * 60 * 1000;
/** Dates around this phone's own today, so the sections do not depend on when the test runs. */
const day = (offset: number) => shanghaiDate(Date.now() + offset * DAY);

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

const tab = (name: string) => screen.getByRole('radio', { name: new RegExp(name) });
const titles = (container: HTMLElement) =>
  [...container.querySelectorAll('.bdb-notice-card__title')].map((t) => t.textContent);

const HANDLERS: Handlers = {
  'notice.list': async ({ past }) =>
    past
      ? noticeListFixture({
          notices: [
            noticeSummaryFixture({
              id: 'n-old',
              week: '2026-11-16',
              title: '上周 八点伴活动',
              tonight: [],
              status: 'archived',
            }),
          ],
        })
      : noticeListFixture({
          notices: [
            noticeSummaryFixture({ pinned: true, edited: true }),
            noticeSummaryFixture({
              id: 'n-next',
              week: '2026-11-30',
              title: '下周三晚 手工课',
              tonight: [],
              activityCount: 2,
            }),
          ],
        }),
};

describe('notice list page', () => {
  it('shows this week and next with their weeks in words, and opens a notice', async () => {
    routeCalls(HANDLERS);
    const { container } = render(<NoticeListPage />);
    expect(await screen.findByText('下周三晚 手工课')).toBeTruthy();

    expect(tab('本周和下周').getAttribute('aria-checked')).toBe('true');
    expect(titles(container)).toEqual(['本周三晚 八点伴活动', '下周三晚 手工课']);
    expect(screen.getByText('本周 · 11月23日–11月29日')).toBeTruthy();
    expect(screen.getByText('下周 · 11月30日–12月6日')).toBeTruthy();
    expect(screen.getByText('置顶')).toBeTruthy();
    expect(screen.getByText('已更新')).toBeTruthy();
    expect(callsOf('notice.list')).toEqual([{ community: 'jinse' }]);

    fireEvent.click(screen.getByText('下周三晚 手工课'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/package-notice/pages/detail/index?id=n-next',
    });
  });

  it('shows the past notices on 往期, loading them only then', async () => {
    routeCalls(HANDLERS);
    const { container } = render(<NoticeListPage />);
    await screen.findByText('下周三晚 手工课');

    fireEvent.click(tab('往期'));
    expect(await screen.findByText('上周 八点伴活动')).toBeTruthy();
    expect(tab('往期').getAttribute('aria-checked')).toBe('true');
    expect(titles(container)).toEqual(['上周 八点伴活动']);
    expect(screen.getByText('11月16日–11月22日')).toBeTruthy();
    expect(screen.getByText('已下架')).toBeTruthy();
    expect(callsOf('notice.list')).toEqual([
      { community: 'jinse' },
      { community: 'jinse', past: true },
    ]);
    expect(callsOf('notice.mine')).toHaveLength(0);
  });

  it('shows my sign-ups on 我的报名: upcoming then past, status in words, each opens its notice', async () => {
    routeCalls({
      ...HANDLERS,
      'notice.mine': async () => [
        myActivityFixture({
          signUp: {
            id: 's-past',
            status: 'signed',
            waitlistPosition: null,
            attendedAt: `${day(-7)}T18:25:00+08:00`,
          },
          activity: { ...myActivityFixture().activity, id: 'a-past', name: '剪纸', date: day(-7) },
        }),
        myActivityFixture({
          signUp: { id: 's-wait', status: 'waitlisted', waitlistPosition: 2, attendedAt: null },
          activity: { ...myActivityFixture().activity, id: 'a-wait', name: '太极拳', date: day(2) },
          notice: { id: 'n-2', title: '周五太极拳体验', community: 'jinse' },
        }),
        myActivityFixture({
          activity: { ...myActivityFixture().activity, date: day(1) },
        }),
      ],
    });
    const { container } = render(<NoticeListPage />);
    await screen.findByText('下周三晚 手工课');
    fireEvent.click(tab('我的报名'));

    const upcoming = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('.bdb-my-activities__section--upcoming');
      if (!found) throw new Error('not yet');
      return found;
    });
    const past = container.querySelector<HTMLElement>('.bdb-my-activities__section--past');
    if (!past) throw new Error('past section missing');
    expect(within(upcoming).getByText('接下来的活动（2 项）')).toBeTruthy();
    const statuses = (section: HTMLElement) =>
      [...section.querySelectorAll('.bdb-my-activities__status')].map((s) => s.textContent);
    // Soonest first.
    expect(statuses(upcoming)).toEqual(['已报名', '候补第 2 位']);
    expect(statuses(past)).toEqual(['已签到 18:25']);
    expect(within(upcoming).getByText(`${formatDate(day(1))} 18:30–19:30`)).toBeTruthy();
    expect(within(upcoming).getByText('通知：周五太极拳体验 ›')).toBeTruthy();

    fireEvent.click(within(upcoming).getByText('太极拳'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-notice/pages/detail/index?id=n-2' });
    expect(callsOf('notice.mine')).toEqual([{}]);
  });

  it('says on 我的报名 why a sign-up was cancelled with its evening (#16)', async () => {
    routeCalls({
      ...HANDLERS,
      'notice.mine': async () => [
        myActivityFixture({
          signUp: {
            id: 's-off',
            status: 'cancelled',
            waitlistPosition: null,
            attendedAt: null,
            cancelledReason: '台风停课',
          },
          activity: { ...myActivityFixture().activity, date: day(1) },
        }),
      ],
    });
    const { container } = render(<NoticeListPage />);
    await screen.findByText('下周三晚 手工课');
    fireEvent.click(tab('我的报名'));
    expect(await screen.findByText('活动取消：台风停课，报名已一并取消')).toBeTruthy();
    expect(container.querySelector('.bdb-my-activities__item--cancelled')).not.toBeNull();
    expect(screen.getByText('已取消报名')).toBeTruthy();
  });

  it('opens on 我的报名 from ?tab=mine, and says so without sign-ups', async () => {
    setRouterParams({ c: 'jinse', tab: 'mine' });
    routeCalls({ 'notice.mine': async () => [] });
    render(<NoticeListPage />);
    expect(await screen.findByText('还没有报名过活动')).toBeTruthy();
    expect(callsOf('notice.list')).toHaveLength(0);
  });

  it('uses the community the tonight page remembered when the link names none', async () => {
    setRouterParams({});
    setStorageSync('bdb.community', 'huchi');
    routeCalls({ 'notice.list': async () => noticeListFixture({ notices: [] }) });
    render(<NoticeListPage />);
    expect(await screen.findByText('本周和下周还没有发布活动通知')).toBeTruthy();
    expect(callsOf('notice.list')).toEqual([{ community: 'huchi' }]);

    fireEvent.click(screen.getByText('回到今晚服务'));
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/tonight/index?c=huchi' });
  });

  it('asks for a community when there is none at all, but still shows my sign-ups', async () => {
    setRouterParams({});
    routeCalls({
      'notice.mine': async () => [
        myActivityFixture({ activity: noticeActivityFixture({ date: day(1) }) }),
      ],
    });
    render(<NoticeListPage />);
    expect(screen.getByText('请先在“今晚服务”页选择社区')).toBeTruthy();
    expect(callsOf('notice.list')).toHaveLength(0);
    fireEvent.click(tab('我的报名'));
    expect(await screen.findByText('接下来的活动（1 项）')).toBeTruthy();
  });

  it('shows a load failure inline with retry', async () => {
    let attempts = 0;
    routeCalls({
      'notice.list': async () => {
        attempts += 1;
        if (attempts === 1) throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
        return noticeListFixture();
      },
    });
    render(<NoticeListPage />);
    expect(await screen.findByText(NETWORK_MESSAGE)).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('本周三晚 八点伴活动')).toBeTruthy();
  });

  it('loads the shown list again on pull-down and on return to the page', async () => {
    routeCalls(HANDLERS);
    render(<NoticeListPage />);
    await screen.findByText('下周三晚 手工课');
    act(() => triggerPullDownRefresh());
    await waitFor(() => expect(stopPullDownRefresh).toHaveBeenCalledTimes(1));
    act(() => triggerDidShow());
    await waitFor(() => expect(callsOf('notice.list')).toHaveLength(3));
  });
});
