import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import {
  bookingBriefFixture,
  COMMUNITIES,
  lineFixture,
  noticeSummaryFixture,
  ticketFixture,
  tonightFixture,
  tonightMineFixture,
  residentFollowUpFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import { emitLine, resetLineFeed, subscribedCommunities } from '@/test-utils/mock-line-feed';
import {
  navigateTo,
  peekStorage,
  resetTaroDouble,
  setAppBaseInfo,
  setRouterParams,
  setStorageSync,
  showToast,
  triggerDidHide,
  triggerDidShow,
  stopPullDownRefresh,
  triggerPullDownRefresh,
} from '../../../tests/doubles/taro';
import type {
  ResidentFollowUp as ResidentFollowUpItem,
  Ticket,
  TonightMine,
} from '@/types/contract';
import TonightPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));
jest.mock('@/lib/live/line-feed', () => jest.requireActual('@/test-utils/mock-line-feed'));

function rootOf(container: HTMLElement): HTMLElement {
  const root = container.querySelector<HTMLElement>('.bdb-a11y-root');
  if (!root) throw new Error('page root not rendered');
  return root;
}

/** Lets answers already on their way land inside act(). */
async function settle() {
  await act(async () => {
    await Promise.resolve();
  });
}

beforeEach(() => {
  resetTaroDouble();
  resetLineFeed();
  callMock.mockReset();
});

describe('tonight page', () => {
  it('shows the community, date, status, schedule and services from one call', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({ 'community.tonight': async () => tonightFixture() });

    render(<TonightPage />);

    expect(await screen.findByText('金色里程')).toBeTruthy();
    expect(screen.getByText('11月25日 周三')).toBeTruthy();
    expect(screen.getByText('开放中 17:00–20:00')).toBeTruthy();
    expect(screen.getByText('每周三 17:00–20:00')).toBeTruthy();
    expect(screen.getByText('血压测量')).toBeTruthy();
    expect(screen.getByText('血压、血糖快速检测')).toBeTruthy();
    expect(screen.getByText('取号', { selector: '.bdb-service-list__badge' })).toBeTruthy();
    expect(screen.getByText('预约', { selector: '.bdb-service-list__badge' })).toBeTruthy();
    expect(screen.getByText('直接来')).toBeTruthy();
    expect(screen.queryByText(/演示时钟/)).toBeNull();
    // One call for the whole page: my tickets, bookings and follow-ups come with it (`mine`).
    await settle();
    expect(callMock.mock.calls).toEqual([['community.tonight', { community: 'jinse' }]]);
  });

  it('says the community’s limit of numbers per resident under 取号 before the tap', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({
          limits: { bookingsPerEvening: 2, openBookings: 4, numbersPerEvening: 5, openSignUps: 3 },
        }),
    });
    render(<TonightPage />);
    expect(await screen.findByText('每人每晚最多取 5 个号（各项服务合计）')).toBeTruthy();
  });

  it('announces the status card politely to screen readers', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({ 'community.tonight': async () => tonightFixture() });
    render(<TonightPage />);
    await screen.findByText('金色里程');
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toContain('开放中');
  });

  it('reads the community from a mini-program code scene', async () => {
    setRouterParams({ scene: encodeURIComponent('c=huchi&q=bp') });
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({ community: { id: 'huchi', name: '虎池苑' } }),
    });
    render(<TonightPage />);
    expect(await screen.findByText('虎池苑')).toBeTruthy();
    expect(callsOf('community.tonight')).toEqual([{ community: 'huchi' }]);
    expect(peekStorage('bdb.community')).toBe('huchi');
  });

  it('says 今晚未开放 and the next opening on other days, calmly: information, not an error', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({
          date: '2026-11-26',
          weekday: 4,
          serviceEvening: false,
          open: false,
          nextOpening: '2026-12-02T17:00:00+08:00',
          now: '2026-11-26T10:00:00+08:00',
        }),
    });
    const { container } = render(<TonightPage />);
    expect(await screen.findByText('今晚未开放')).toBeTruthy();
    expect(screen.getByText('下次开放：12月2日 周三 17:00')).toBeTruthy();
    expect(screen.queryByText(/开放中/)).toBeNull();
    // A closed day is no failure: a polite status with the 休 sign, no alert and no ✕.
    const card = container.querySelector<HTMLElement>('.bdb-status-card');
    expect(card?.getAttribute('role')).toBe('status');
    expect(card?.textContent).toContain('休');
    expect(container.textContent).not.toContain('✕');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says 今晚服务已结束 after closing time on a service evening', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({
          open: false,
          nextOpening: '2026-12-02T17:00:00+08:00',
          now: '2026-11-25T20:15:00+08:00',
        }),
    });
    render(<TonightPage />);
    expect(await screen.findByText('今晚服务已结束')).toBeTruthy();
    expect(screen.getByText('下次开放：12月2日 周三 17:00')).toBeTruthy();
  });

  it('shows the demo clock banner with the server time', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({ 'community.tonight': async () => tonightFixture({ demoClock: true }) });
    render(<TonightPage />);
    expect(await screen.findByText('演示时钟 · 当前 18:30')).toBeTruthy();
  });

  it('shows a load failure inline and retries', async () => {
    setRouterParams({ c: 'jinse' });
    let attempts = 0;
    routeCalls({
      'community.tonight': async () => {
        attempts += 1;
        if (attempts === 1) throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
        return tonightFixture();
      },
    });
    render(<TonightPage />);

    expect(await screen.findByText(NETWORK_MESSAGE)).toBeTruthy();
    expect(showToast).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('金色里程')).toBeTruthy();
    expect(screen.queryByText(NETWORK_MESSAGE)).toBeNull();
    expect(attempts).toBe(2);
  });

  it('offers another community when the one in the link does not exist', async () => {
    setRouterParams({ c: 'nowhere' });
    routeCalls({
      'community.tonight': async () => {
        throw new GatewayError({ code: 'NOT_FOUND', message: '没有找到这个社区' });
      },
      'community.list': async () => COMMUNITIES,
    });
    render(<TonightPage />);
    fireEvent.click(await screen.findByText('换个社区'));
    expect(await screen.findByText('请选择您的社区')).toBeTruthy();
  });

  it('reloads on pull-down and stops the refresh indicator', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({ 'community.tonight': async () => tonightFixture() });
    render(<TonightPage />);
    await screen.findByText('金色里程');

    act(() => triggerPullDownRefresh());

    await waitFor(() => expect(stopPullDownRefresh).toHaveBeenCalledTimes(1));
    expect(callsOf('community.tonight')).toHaveLength(2);
  });

  it('keeps the last answer and shows a toast when a refresh fails', async () => {
    setRouterParams({ c: 'jinse' });
    let attempts = 0;
    routeCalls({
      'community.tonight': async () => {
        attempts += 1;
        if (attempts > 1) throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
        return tonightFixture();
      },
    });
    render(<TonightPage />);
    await screen.findByText('金色里程');

    fireEvent.click(screen.getByText('刷新'));

    await waitFor(() =>
      expect(showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: NETWORK_MESSAGE, icon: 'none' }),
      ),
    );
    expect(screen.getByText('金色里程')).toBeTruthy();
  });
});

describe('community picker', () => {
  it('appears without a community, and the choice is remembered', async () => {
    routeCalls({
      'community.list': async () => COMMUNITIES,
      'community.tonight': async ({ community }) =>
        tonightFixture({ community: COMMUNITIES.find((c) => c.id === community) }),
    });
    const first = render(<TonightPage />);

    expect(await screen.findByText('请选择您的社区')).toBeTruthy();
    fireEvent.click(await screen.findByText('虎池苑'));

    expect(await screen.findByText('开放中 17:00–20:00')).toBeTruthy();
    expect(callsOf('community.tonight')).toEqual([{ community: 'huchi' }]);
    expect(peekStorage('bdb.community')).toBe('huchi');
    first.unmount();

    // Next visit: straight to the remembered community, no picker, no list call.
    callMock.mockClear();
    render(<TonightPage />);
    expect(await screen.findByText('虎池苑')).toBeTruthy();
    expect(screen.queryByText('请选择您的社区')).toBeNull();
    expect(callsOf('community.list')).toHaveLength(0);
  });

  const unknownCommunity = async () => {
    throw new GatewayError({
      code: 'NOT_FOUND',
      message: '没有找到这个社区，请重新扫码或选择社区',
    });
  };

  it('never remembers a community the server did not confirm: the plain link still works', async () => {
    setRouterParams({ c: 'nope' });
    routeCalls({
      'community.list': async () => COMMUNITIES,
      'community.tonight': async ({ community }) =>
        community === 'nope' ? unknownCommunity() : tonightFixture(),
    });
    const first = render(<TonightPage />);
    expect(await screen.findByText('没有找到这个社区，请重新扫码或选择社区')).toBeTruthy();
    expect(peekStorage('bdb.community')).toBeUndefined();
    first.unmount();

    // Later, from the chat list: the picker, not the old failure.
    setRouterParams({});
    render(<TonightPage />);
    expect(await screen.findByText('请选择您的社区')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/找不到了/)).toBeNull();
  });

  it('keeps the remembered community when a link names an unknown one', async () => {
    setStorageSync('bdb.community', 'huchi');
    setRouterParams({ c: 'nope' });
    routeCalls({
      'community.tonight': async ({ community }) =>
        community === 'nope'
          ? unknownCommunity()
          : tonightFixture({ community: COMMUNITIES.find((c) => c.id === community) }),
    });
    const first = render(<TonightPage />);
    expect(await screen.findByText('没有找到这个社区，请重新扫码或选择社区')).toBeTruthy();
    expect(peekStorage('bdb.community')).toBe('huchi');
    first.unmount();

    setRouterParams({});
    render(<TonightPage />);
    expect(await screen.findByText('虎池苑')).toBeTruthy();
  });

  it('recovers from a remembered community that no longer exists', async () => {
    setStorageSync('bdb.community', 'gone');
    routeCalls({
      'community.list': async () => COMMUNITIES,
      'community.tonight': async ({ community }) =>
        community === 'gone'
          ? unknownCommunity()
          : tonightFixture({ community: COMMUNITIES.find((c) => c.id === community) }),
    });
    render(<TonightPage />);

    // Straight to the list, saying why calmly (a status, not an alert).
    expect(await screen.findByText('请选择您的社区')).toBeTruthy();
    const note = screen.getByText('之前选过的社区现在找不到了，请在下面重新选择');
    expect(note.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(peekStorage('bdb.community')).toBeUndefined();

    fireEvent.click(await screen.findByText('金色里程'));
    expect(await screen.findByText('开放中 17:00–20:00')).toBeTruthy();
    expect(screen.queryByText(/找不到了/)).toBeNull();
    expect(peekStorage('bdb.community')).toBe('jinse');
  });

  it('keeps the remembered community through a network failure', async () => {
    setStorageSync('bdb.community', 'huchi');
    routeCalls({
      'community.tonight': async () => {
        throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
      },
    });
    render(<TonightPage />);
    expect(await screen.findByText(NETWORK_MESSAGE)).toBeTruthy();
    expect(peekStorage('bdb.community')).toBe('huchi');
    expect(screen.queryByText('请选择您的社区')).toBeNull();
  });

  it('switches community later from the tonight page', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({
      'community.list': async () => COMMUNITIES,
      'community.tonight': async ({ community }) =>
        tonightFixture({ community: COMMUNITIES.find((c) => c.id === community) }),
    });
    render(<TonightPage />);
    await screen.findByText('金色里程');

    fireEvent.click(screen.getByText('切换社区'));
    expect(await screen.findByText('✓ 金色里程（当前）')).toBeTruthy();
    fireEvent.click(screen.getByText('虎池苑'));

    expect(await screen.findByText('虎池苑')).toBeTruthy();
    expect(peekStorage('bdb.community')).toBe('huchi');
  });
});

describe('elder mode', () => {
  beforeEach(() => {
    setRouterParams({ c: 'jinse' });
    routeCalls({ 'community.tonight': async () => tonightFixture() });
  });

  it('switches the size class and is remembered', async () => {
    const first = render(<TonightPage />);
    await screen.findByText('金色里程');
    const root = rootOf(first.container);
    expect(root.classList.contains('bdb-a11y-root--standard')).toBe(true);
    expect(screen.getByRole('radio', { name: /标准模式/ }).getAttribute('aria-checked')).toBe(
      'true',
    );

    fireEvent.click(screen.getByText('长辈模式'));

    expect(root.classList.contains('bdb-a11y-root--elder')).toBe(true);
    expect(screen.getByRole('radio', { name: /长辈模式/ }).getAttribute('aria-checked')).toBe(
      'true',
    );
    expect(peekStorage('bdb.elder-mode')).toBe('elder');
    first.unmount();

    const second = render(<TonightPage />);
    await screen.findByText('金色里程');
    expect(rootOf(second.container).classList.contains('bdb-a11y-root--elder')).toBe(true);
  });

  it("follows WeChat's large font setting until the resident chooses", async () => {
    setAppBaseInfo({ fontSizeSetting: 22, fontSizeScaleFactor: 1.3 });
    const first = render(<TonightPage />);
    await screen.findByText('金色里程');
    const root = rootOf(first.container);
    expect(root.classList.contains('bdb-a11y-root--elder')).toBe(true);
    expect(root.style.getPropertyValue('--bdb-font-factor')).toBe('1.3');

    fireEvent.click(screen.getByText('标准模式'));
    first.unmount();

    const second = render(<TonightPage />);
    await screen.findByText('金色里程');
    const again = rootOf(second.container);
    expect(again.classList.contains('bdb-a11y-root--standard')).toBe(true);
    // The explicit choice changes the mode, not WeChat's scale factor.
    expect(again.style.getPropertyValue('--bdb-font-factor')).toBe('1.3');
  });
});

describe('taking a number', () => {
  const joinButton = () => screen.getByRole('button', { name: '血压测量 取号' });

  beforeEach(() => setRouterParams({ c: 'jinse' }));

  it('joins the line with a fresh requestId and opens the ticket page', async () => {
    routeCalls({
      'community.tonight': async () => tonightFixture(),
      'queue.join': async () => ticketFixture({ id: 't-9', queue: 'bp', label: 'A009' }),
    });
    render(<TonightPage />);
    await screen.findByText('金色里程');

    // One button, on the walk-in line only; big and labelled with the line for screen readers.
    expect(screen.getAllByRole('button', { name: /取号$/ })).toHaveLength(1);
    expect(joinButton().textContent).toBe('取号');
    fireEvent.click(joinButton());

    await waitFor(() =>
      expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=t-9&c=jinse' }),
    );
    const [join] = callsOf('queue.join');
    expect(join).toEqual({ community: 'jinse', queue: 'bp', requestId: expect.any(String) });
    expect(join.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('opens one ticket page per join: a second tap while it opens does nothing', async () => {
    let opened: () => void = () => undefined;
    navigateTo.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          opened = () => resolve({ errMsg: 'navigateTo:ok' });
        }),
    );
    routeCalls({
      'community.tonight': async () => tonightFixture(),
      'queue.join': async () => ticketFixture({ id: 't-9', queue: 'bp', label: 'A009' }),
    });
    render(<TonightPage />);
    await screen.findByText('金色里程');

    fireEvent.click(joinButton());
    await waitFor(() => expect(navigateTo).toHaveBeenCalledTimes(1));
    // The ticket page is on its way: the button stays off, and a tap changes nothing.
    expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(true);
    fireEvent.click(joinButton());
    act(() => opened());
    await settle();
    expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(true);
    expect(navigateTo).toHaveBeenCalledTimes(1);
    expect(callsOf('queue.join')).toHaveLength(1);

    // Back from the ticket page: a new tap joins (the server answers the same ticket) and opens it.
    act(() => triggerDidShow());
    expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(false);
    fireEvent.click(joinButton());
    await waitFor(() => expect(navigateTo).toHaveBeenCalledTimes(2));
  });

  it('brings the button back when the ticket page could not open', async () => {
    navigateTo.mockImplementationOnce(() => Promise.reject(new Error('navigateTo:fail')));
    routeCalls({
      'community.tonight': async () => tonightFixture(),
      'queue.join': async () => ticketFixture({ id: 't-9', queue: 'bp', label: 'A009' }),
    });
    render(<TonightPage />);
    await screen.findByText('金色里程');
    fireEvent.click(joinButton());
    await waitFor(() => expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(false));
    fireEvent.click(joinButton());
    await waitFor(() => expect(navigateTo).toHaveBeenCalledTimes(2));
  });

  it('says calmly, without an alarm, when the evening closed while the page was open', async () => {
    routeCalls({
      'community.tonight': async () => tonightFixture(),
      'queue.join': async () => {
        throw new GatewayError({
          code: 'CLOSED',
          message: '现在不在服务时间，下次开放：12月2日 17:00',
        });
      },
    });
    render(<TonightPage />);
    await screen.findByText('金色里程');
    fireEvent.click(joinButton());
    const said = await screen.findByText('现在不在服务时间，下次开放：12月2日 17:00');
    expect(said.getAttribute('role')).toBe('status');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/✕/)).toBeNull();
  });

  it('is disabled with the reason when the evening is not open', async () => {
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({
          open: false,
          nextOpening: '2026-12-02T17:00:00+08:00',
          now: '2026-11-25T20:15:00+08:00',
        }),
    });
    render(<TonightPage />);
    await screen.findByText('现在不能取号：今晚服务已结束');

    expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(true);
    fireEvent.click(joinButton());
    expect(callsOf('queue.join')).toHaveLength(0);
    // Nothing to follow live while closed.
    expect(subscribedCommunities()).toEqual([]);
  });

  it('follows the line live: waiting count, and paused in words', async () => {
    routeCalls({ 'community.tonight': async () => tonightFixture() });
    render(<TonightPage />);
    await screen.findByText('金色里程');
    expect(subscribedCommunities()).toEqual(['jinse']);

    act(() => emitLine(lineFixture({ queue: 'bp', waiting: 6, version: 3 })));
    expect(screen.getByText('现在有 6 位在等')).toBeTruthy();
    expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(false);

    act(() => emitLine(lineFixture({ queue: 'bp', paused: true, accepting: false, version: 4 })));
    expect(screen.getByText('暂停取号，请稍后再来或咨询工作人员')).toBeTruthy();
    expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(true);
  });

  it("ignores a line's state from an earlier evening (the watched document before tonight's first change)", async () => {
    routeCalls({ 'community.tonight': async () => tonightFixture() });
    render(<TonightPage />);
    await screen.findByText('金色里程');
    act(() =>
      emitLine(
        lineFixture({ queue: 'bp', date: '2026-11-18', waiting: 9, accepting: false, version: 40 }),
      ),
    );
    expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(false);
    expect(screen.queryByText('现在有 9 位在等')).toBeNull();
    expect(screen.queryByText(/截止|不能取号/)).toBeNull();
  });

  describe('as the server’s clock passes the hours, with no tap and no call', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** Opens the page at `now` on the server, with the line's state pushed once. */
    async function openAt(now: string) {
      routeCalls({ 'community.tonight': async () => tonightFixture({ now }) });
      render(<TonightPage />);
      await screen.findByText('金色里程');
      act(() => emitLine(lineFixture({ queue: 'bp', version: 3 })));
    }

    it('turns 取号 into "今晚取号已在 19:30 截止" at 19:30', async () => {
      await openAt('2026-11-25T19:29:30+08:00');
      expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(false);
      expect(screen.getByText('现在有 5 位在等')).toBeTruthy();

      act(() => jest.advanceTimersByTime(31_000));
      expect(screen.getByText('今晚取号已在 19:30 截止')).toBeTruthy();
      expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(true);
      expect(screen.queryByText('现在有 5 位在等')).toBeNull();
      expect(callMock.mock.calls.map(([action]) => action)).toEqual(['community.tonight']);
    });

    it('says 今晚服务已结束 at 20:00 and lets go of the live feed', async () => {
      await openAt('2026-11-25T19:59:50+08:00');
      expect(screen.getByText('开放中 17:00–20:00')).toBeTruthy();
      expect(subscribedCommunities()).toEqual(['jinse']);

      act(() => jest.advanceTimersByTime(11_000));
      expect(screen.getByText('今晚服务已结束')).toBeTruthy();
      expect(screen.getByText('现在不能取号：今晚服务已结束')).toBeTruthy();
      expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(true);
      expect(subscribedCommunities()).toEqual([]);
      expect(callsOf('community.tonight')).toHaveLength(1);
    });

    it('opens 取号 at 17:00 on a page opened before', async () => {
      routeCalls({
        'community.tonight': async () =>
          tonightFixture({ open: false, now: '2026-11-25T16:59:40+08:00' }),
      });
      render(<TonightPage />);
      expect(await screen.findByText('今晚 17:00 开放')).toBeTruthy();
      expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(true);
      expect(subscribedCommunities()).toEqual([]);

      act(() => jest.advanceTimersByTime(21_000));
      expect(screen.getByText('开放中 17:00–20:00')).toBeTruthy();
      expect(joinButton().getAttribute('aria-disabled') === 'true').toBe(false);
      expect(subscribedCommunities()).toEqual(['jinse']);
    });
  });

  it('lets go of the live feed while another page covers it, and reloads tonight on return', async () => {
    let tickets: Ticket[] = [];
    routeCalls({
      'community.tonight': async () => tonightFixture({ mine: tonightMineFixture({ tickets }) }),
    });
    render(<TonightPage />);
    await screen.findByText('金色里程');
    expect(screen.queryByText(/我的号/)).toBeNull();

    act(() => triggerDidHide());
    expect(subscribedCommunities()).toEqual([]);
    // A number taken on the way (the ticket page covered this one).
    tickets = [ticketFixture({ queue: 'bp', queueName: '血压测量', label: 'A007' })];
    act(() => triggerDidShow());
    expect(subscribedCommunities()).toEqual(['jinse']);

    expect(await screen.findByText('我的号（今晚 1 张）')).toBeTruthy();
    expect(screen.getByText('血压测量 A007 · 排队中')).toBeTruthy();
    // The return costs one call: tonight again, with my tickets in it.
    expect(callMock.mock.calls.map(([action]) => action)).toEqual([
      'community.tonight',
      'community.tonight',
    ]);
  });

  it('retries a failed join with the same requestId, and makes a new one for the next tap', async () => {
    let attempts = 0;
    routeCalls({
      'community.tonight': async () => tonightFixture(),
      'queue.join': async () => {
        attempts += 1;
        if (attempts === 1) throw new GatewayError({ code: 'INTERNAL', message: NETWORK_MESSAGE });
        if (attempts === 3) {
          throw new GatewayError({ code: 'CONFLICT', message: '今晚血压测量的号已经取完了' });
        }
        return ticketFixture({ queue: 'bp' });
      },
    });
    render(<TonightPage />);
    await screen.findByText('金色里程');

    fireEvent.click(joinButton());
    expect(await screen.findByText(`✕ ${NETWORK_MESSAGE}`)).toBeTruthy();
    expect(navigateTo).not.toHaveBeenCalled();
    // Back from the background: the old failure no longer describes the line.
    act(() => triggerDidShow());
    expect(screen.queryByText(`✕ ${NETWORK_MESSAGE}`)).toBeNull();

    fireEvent.click(joinButton());
    await waitFor(() => expect(navigateTo).toHaveBeenCalledTimes(1));
    // Back from the ticket page.
    act(() => triggerDidShow());
    fireEvent.click(joinButton());
    expect(await screen.findByText('✕ 今晚血压测量的号已经取完了')).toBeTruthy();
    fireEvent.click(joinButton());
    await waitFor(() => expect(callsOf('queue.join')).toHaveLength(4));

    const ids = callsOf('queue.join').map((j) => j.requestId);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[1]);
    // A refusal (not a lost answer) is final: the next tap is a new request.
    expect(ids[3]).not.toBe(ids[2]);
  });

  /** Service names in page order, and whether each comes before the status card. */
  const serviceOrder = (container: HTMLElement) => {
    const status = container.querySelector('.bdb-status-card');
    if (!status) throw new Error('status card not rendered');
    return [...container.querySelectorAll('.bdb-service-list__item')].map((item) => ({
      name: item.querySelector('.bdb-service-list__name')?.textContent,
      lifted: Boolean(status.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_PRECEDING),
    }));
  };

  it('lifts the line whose QR code was scanned to the top, with its 取号, said in words', async () => {
    setRouterParams({ scene: encodeURIComponent('c=jinse&q=bp') });
    routeCalls({
      'community.tonight': async () => tonightFixture(),
      'queue.join': async () => ticketFixture({ id: 't-9', queue: 'bp', label: 'A009' }),
    });
    const { container } = render(<TonightPage />);
    expect(await screen.findByText('▶ 您扫码的是这项服务')).toBeTruthy();
    const item = container.querySelector<HTMLElement>('.bdb-service-list__item--highlighted');
    expect(item?.textContent).toContain('血压测量');
    // Above the status card and everything else, listed once.
    expect(serviceOrder(container)).toEqual([
      { name: '血压测量', lifted: true },
      { name: '家电维修', lifted: false },
      { name: '棋牌娱乐', lifted: false },
    ]);
    expect(screen.getByText('其他服务项目（2 项）')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: '血压测量 取号' })).toHaveLength(1);

    fireEvent.click(within(item!).getByRole('button', { name: '血压测量 取号' }));
    await waitFor(() =>
      expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=t-9&c=jinse' }),
    );
  });

  it('lifts a bookable service named by the link (`s`) with its 预约', async () => {
    setRouterParams({ c: 'jinse', s: 'repair' });
    routeCalls({ 'community.tonight': async () => tonightFixture() });
    const { container } = render(<TonightPage />);
    await screen.findByText('▶ 您扫码的是这项服务');
    expect(serviceOrder(container)[0]).toEqual({ name: '家电维修', lifted: true });
    const item = container.querySelector<HTMLElement>('.bdb-service-list__item--highlighted');
    fireEvent.click(within(item!).getByRole('button', { name: '家电维修 预约' }));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/package-booking/pages/book/index?c=jinse&s=repair',
    });
  });

  it('keeps the plain order when the code names no service of tonight', async () => {
    setRouterParams({ c: 'jinse', q: 'gone' });
    routeCalls({ 'community.tonight': async () => tonightFixture() });
    const { container } = render(<TonightPage />);
    await screen.findByText('金色里程');
    expect(serviceOrder(container).map((s) => s.lifted)).toEqual([false, false, false]);
    expect(screen.getByText('服务项目（3 项）')).toBeTruthy();
    expect(screen.queryByText('▶ 您扫码的是这项服务')).toBeNull();
  });

  it('offers 我的号 once the resident holds a ticket, from the tonight answer', async () => {
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({ mine: tonightMineFixture({ tickets: [ticketFixture()] }) }),
    });
    render(<TonightPage />);
    expect(await screen.findByText('我的号（今晚 1 张）')).toBeTruthy();
    expect(screen.getByText('图书阅览 B007 · 排队中')).toBeTruthy();

    fireEvent.click(screen.getByText('我的号'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/index?id=t-7&c=jinse' });
    expect(callsOf('queue.mine')).toHaveLength(0);
  });

  it('moves 我的号 along with the live line, without a call', async () => {
    const mine = ticketFixture({ queue: 'bp', queueName: '血压测量', label: 'A007' });
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({ mine: tonightMineFixture({ tickets: [mine] }) }),
    });
    render(<TonightPage />);
    expect(await screen.findByText('血压测量 A007 · 排队中')).toBeTruthy();

    act(() =>
      emitLine(
        lineFixture({
          queue: 'bp',
          prefix: 'A',
          nowCalling: 'A007',
          nowCallingAt: '2026-11-25T18:40:00+08:00',
          waitingNumbers: [8],
          calledNumbers: [7],
          waiting: 1,
          version: 12,
        }),
      ),
    );
    expect(screen.getByText('血压测量 A007 · 已叫号，请到服务台')).toBeTruthy();
    // My number left the line (done): the entry keeps what it knows until the next tonight
    // answer instead of asking.
    act(() =>
      emitLine(lineFixture({ queue: 'bp', waitingNumbers: [], calledNumbers: [8], version: 13 })),
    );
    await settle();
    expect(callMock.mock.calls.map(([action]) => action)).toEqual(['community.tonight']);
  });
});

describe('bookings', () => {
  beforeEach(() => setRouterParams({ c: 'jinse' }));

  it('offers 预约 under each bookable service, opening its booking page', async () => {
    routeCalls({
      'community.tonight': async () => tonightFixture(),
    });
    render(<TonightPage />);
    await screen.findByText('金色里程');

    // Only under 家电维修 (the booking service), open or not tonight.
    expect(screen.getAllByRole('button', { name: / 预约$/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '家电维修 预约' }));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/package-booking/pages/book/index?c=jinse&s=repair',
    });
  });

  it('shows 我的预约 with the next booking still to come, by the server’s date', async () => {
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({
          mine: tonightMineFixture({
            bookings: [
              bookingBriefFixture({ id: 'b-9', date: '2026-12-09', status: 'waitlisted' }),
              bookingBriefFixture(),
              // Over already (an answer from just before midnight): not counted.
              bookingBriefFixture({ id: 'b-old', date: '2026-11-18' }),
            ],
          }),
        }),
    });
    render(<TonightPage />);

    expect(await screen.findByText('我的预约（2 个）')).toBeTruthy();
    expect(screen.getByText('12月2日 周三 17:30 政务服务 · 已预约')).toBeTruthy();
    fireEvent.click(screen.getByText('查看我的预约'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-booking/pages/mine/index?id=b-1' });
    expect(callsOf('booking.mine')).toHaveLength(0);
  });

  it('keeps the entry without my bookings (no identity yet), and reloads tonight on return', async () => {
    let mine: TonightMine | null = null;
    routeCalls({ 'community.tonight': async () => tonightFixture({ mine }) });
    render(<TonightPage />);
    expect(await screen.findByText('暂无待到访的预约')).toBeTruthy();
    expect(screen.getByText('我的预约')).toBeTruthy();
    fireEvent.click(screen.getByText('查看我的预约'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-booking/pages/mine/index' });

    // Booked on the booking page, then back.
    mine = tonightMineFixture({ bookings: [bookingBriefFixture({ status: 'waitlisted' })] });
    act(() => triggerDidShow());
    expect(await screen.findByText('12月2日 周三 17:30 政务服务 · 候补中')).toBeTruthy();
    expect(callMock.mock.calls.map(([action]) => action)).toEqual([
      'community.tonight',
      'community.tonight',
    ]);
  });

  it('shows no 我的预约 where nothing can be booked', async () => {
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({
          services: [{ id: 'bp', name: '血压测量', kind: 'queue', description: '血压检测' }],
        }),
    });
    render(<TonightPage />);
    await screen.findByText('金色里程');
    expect(screen.queryByText('查看我的预约')).toBeNull();
    expect(callsOf('booking.mine')).toHaveLength(0);
  });
});

describe('this week’s notices', () => {
  beforeEach(() => setRouterParams({ c: 'jinse' }));

  const noticesOf = (container: HTMLElement) => {
    const section = container.querySelector<HTMLElement>('.bdb-notice-section');
    if (!section) throw new Error('notice section not rendered');
    return section;
  };

  it('shows the notices from the tonight call, pinned first, with tags and tonight’s activities', async () => {
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({
          notices: [
            noticeSummaryFixture({
              id: 'n-2',
              title: '周五太极拳体验',
              tonight: [],
              activityCount: 1,
              edited: true,
            }),
            noticeSummaryFixture({
              pinned: true,
              cover: 'https://example.test/media/cover.jpg',
              tonight: [
                { id: 'a-1', name: '书法体验课', startsAt: '18:30', place: '二楼活动室' },
                { id: 'a-2', name: '少儿绘本阅读', startsAt: '19:00', place: '图书角' },
              ],
            }),
          ],
        }),
    });
    const { container } = render(<TonightPage />);
    await screen.findByText('金色里程');

    const section = noticesOf(container);
    expect(within(section).getByText('本周活动（2 条通知）')).toBeTruthy();
    const cards = [...section.querySelectorAll<HTMLElement>('.bdb-notice-card')];
    expect(cards.map((c) => c.querySelector('.bdb-notice-card__title')?.textContent)).toEqual([
      '本周三晚 八点伴活动',
      '周五太极拳体验',
    ]);
    const [pinned, edited] = cards;
    expect(within(pinned).getByText('置顶')).toBeTruthy();
    expect(within(pinned).queryByText('已更新')).toBeNull();
    expect(within(pinned).getByText('18:30 · 书法体验课 · 二楼活动室')).toBeTruthy();
    expect(within(pinned).getByText('19:00 · 少儿绘本阅读 · 图书角')).toBeTruthy();
    expect(pinned.querySelector('img')?.getAttribute('src')).toBe(
      'https://example.test/media/cover.jpg',
    );
    expect(within(edited).getByText('已更新')).toBeTruthy();
    expect(within(edited).queryByText('置顶')).toBeNull();
    expect(within(edited).queryByText('今晚')).toBeNull();
    expect(within(edited).getByText('共 1 项活动 · 查看详情 ›')).toBeTruthy();
    expect(edited.querySelector('img')).toBeNull();

    fireEvent.click(within(pinned).getByText('书法体验课', { exact: false }));
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: '/package-notice/pages/detail/index?id=n-1',
    });
    fireEvent.click(within(section).getByText('全部通知'));
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: '/package-notice/pages/list/index?c=jinse',
    });

    // Nothing more was asked for the notices.
    expect(callMock.mock.calls.map(([action]) => action)).toEqual(['community.tonight']);
  });

  it('says so when nothing is published this week, and still leads to all notices', async () => {
    routeCalls({ 'community.tonight': async () => tonightFixture() });
    const { container } = render(<TonightPage />);
    await screen.findByText('金色里程');
    const section = noticesOf(container);
    expect(within(section).getByText('本周活动')).toBeTruthy();
    expect(within(section).getByText('本周还没有发布活动通知')).toBeTruthy();
    fireEvent.click(within(section).getByText('全部通知'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-notice/pages/list/index?c=jinse' });
  });
});

describe('说说您的想法', () => {
  beforeEach(() => setRouterParams({ c: 'jinse' }));

  const cardOf = (container: HTMLElement) => {
    const card = container.querySelector<HTMLElement>('.bdb-suggestion-tonight');
    if (!card) throw new Error('suggestion card not rendered');
    return card;
  };

  const withFollowUps = (followUps: ResidentFollowUpItem[]) =>
    tonightFixture({ mine: tonightMineFixture({ followUps }) });

  it('offers 提建议 and 社区回音墙 for the community, and the follow-ups waiting for me', async () => {
    routeCalls({
      'community.tonight': async () =>
        withFollowUps([
          residentFollowUpFixture(),
          residentFollowUpFixture({ id: 'f-2', date: '2026-11-25' }),
          residentFollowUpFixture({ id: 'f-3', kind: 'invite' }),
        ]),
    });
    const { container } = render(<TonightPage />);
    await screen.findByText('金色里程');
    const card = cardOf(container);
    expect(within(card).getByText('说说您的想法')).toBeTruthy();

    // Only the questions wait for an answer; the invitation does not count as one.
    fireEvent.click(within(card).getByText('您有 2 条回访待回复 ›'));
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/package-suggestion/pages/mine/index' });
    fireEvent.click(within(card).getByText('提建议'));
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: '/package-suggestion/pages/submit/index?c=jinse',
    });
    fireEvent.click(within(card).getByText('社区回音墙'));
    expect(navigateTo).toHaveBeenLastCalledWith({
      url: '/package-suggestion/pages/echo-wall/index?c=jinse',
    });
    // The follow-ups came with tonight's answer.
    expect(callsOf('followup.pending')).toHaveLength(0);
  });

  it('invites a suggestion after a call when nothing waits for an answer', async () => {
    routeCalls({
      'community.tonight': async () => withFollowUps([residentFollowUpFixture({ kind: 'invite' })]),
    });
    const { container } = render(<TonightPage />);
    await screen.findByText('金色里程');
    expect(within(cardOf(container)).getByText('社工回访过您，还有想法欢迎提建议 ›')).toBeTruthy();
    expect(within(cardOf(container)).queryByText(/待回复/)).toBeNull();
  });

  it('keeps the card, without the 回访 line, when tonight knows nothing of me', async () => {
    routeCalls({ 'community.tonight': async () => tonightFixture({ mine: null }) });
    const { container } = render(<TonightPage />);
    await screen.findByText('金色里程');

    const card = cardOf(container);
    expect(within(card).getByText('提建议')).toBeTruthy();
    expect(within(card).queryByText(/回访/)).toBeNull();
    expect(showToast).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '血压测量 取号' })).toBeTruthy();
  });

  it('shows the follow-ups anew on return from another page, from one tonight call', async () => {
    let answered = false;
    routeCalls({
      'community.tonight': async () => withFollowUps(answered ? [] : [residentFollowUpFixture()]),
    });
    const { container } = render(<TonightPage />);
    expect(await within(container).findByText('您有 1 条回访待回复 ›')).toBeTruthy();

    answered = true;
    act(() => triggerDidShow());
    await waitFor(() => expect(screen.queryByText('您有 1 条回访待回复 ›')).toBeNull());
    expect(callMock.mock.calls.map(([action]) => action)).toEqual([
      'community.tonight',
      'community.tonight',
    ]);
  });
});
