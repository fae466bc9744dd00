import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GatewayError, NETWORK_MESSAGE } from '@/lib/gateway';
import { COMMUNITIES, tonightFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import {
  peekStorage,
  resetTaroDouble,
  setAppBaseInfo,
  setRouterParams,
  showToast,
  stopPullDownRefresh,
  triggerPullDownRefresh,
} from '../../../tests/doubles/taro';
import TonightPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

function rootOf(container: HTMLElement): HTMLElement {
  const root = container.querySelector<HTMLElement>('.bdb-a11y-root');
  if (!root) throw new Error('page root not rendered');
  return root;
}

beforeEach(() => {
  resetTaroDouble();
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
    expect(screen.getByText('取号')).toBeTruthy();
    expect(screen.getByText('预约')).toBeTruthy();
    expect(screen.getByText('直接来')).toBeTruthy();
    expect(screen.queryByText(/演示时钟/)).toBeNull();
    expect(callMock).toHaveBeenCalledTimes(1);
    expect(callsOf('community.tonight')).toEqual([{ community: 'jinse' }]);
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

  it('says 今晚未开放 and the next opening on other days', async () => {
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
    render(<TonightPage />);
    expect(await screen.findByText('今晚未开放')).toBeTruthy();
    expect(screen.getByText('下次开放：12月2日 周三 17:00')).toBeTruthy();
    expect(screen.queryByText(/开放中/)).toBeNull();
  });

  it('says 已结束 after closing time on a service evening', async () => {
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
    expect(await screen.findByText('已结束')).toBeTruthy();
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
    expect(await screen.findByText('请选择你的社区')).toBeTruthy();
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

    expect(await screen.findByText('请选择你的社区')).toBeTruthy();
    fireEvent.click(await screen.findByText('虎池苑'));

    expect(await screen.findByText('开放中 17:00–20:00')).toBeTruthy();
    expect(callsOf('community.tonight')).toEqual([{ community: 'huchi' }]);
    expect(peekStorage('bdb.community')).toBe('huchi');
    first.unmount();

    // Next visit: straight to the remembered community, no picker, no list call.
    callMock.mockClear();
    render(<TonightPage />);
    expect(await screen.findByText('虎池苑')).toBeTruthy();
    expect(screen.queryByText('请选择你的社区')).toBeNull();
    expect(callsOf('community.list')).toHaveLength(0);
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
