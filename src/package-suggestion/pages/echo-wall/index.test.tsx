import { fireEvent, render, screen, within } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import { echoWallFixture, changeEntryFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import {
  navigateTo,
  resetTaroDouble,
  setRouterParams,
  setStorageSync,
} from '../../../../tests/doubles/taro';
import EchoWallPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

describe('社区回音墙 page', () => {
  it('shows 你说我做 changes, then the answered suggestions, with nothing personal', async () => {
    routeCalls({
      'suggestion.echoWall': async () =>
        echoWallFixture({
          changes: [
            changeEntryFixture(),
            changeEntryFixture({
              id: 'ch-2',
              title: '活动室换了新桌椅',
              detail: '桌椅已更换。',
              since: '2026-11-30',
              receipts: [],
            }),
          ],
        }),
    });
    const { container } = render(<EchoWallPage />);
    expect(await screen.findByText('金色里程')).toBeTruthy();
    expect(callsOf('suggestion.echoWall')).toEqual([{ community: 'jinse' }]);

    const titles = [...container.querySelectorAll('.bdb-echo-wall__section-title')].map(
      (t) => t.textContent,
    );
    expect(titles).toEqual(['你说我做（2 项改进）', '社区的答复（2 条）']);

    const [change, other] = [...container.querySelectorAll<HTMLElement>('.bdb-echo-wall__change')];
    expect(within(change).getByText('周三晚增加康复理疗')).toBeTruthy();
    expect(within(change).getByText('12月9日 起')).toBeTruthy();
    expect(within(change).getByText('来自建议 JS-1202-003')).toBeTruthy();
    // Staff's words as typed: the line break kept, shown as text.
    expect([...change.querySelectorAll('.bdb-echo-wall__text')].map((t) => t.textContent)).toEqual([
      '根据居民建议，每周三晚增加康复理疗服务。\n请到二楼理疗室。',
    ]);
    expect(within(other).queryByText(/来自建议/)).toBeNull();

    const [adopted, refused] = [
      ...container.querySelectorAll<HTMLElement>('.bdb-echo-wall__answered'),
    ];
    expect(within(adopted).getByText('开放时间')).toBeTruthy();
    expect(within(adopted).getByText('已采纳')).toBeTruthy();
    expect(within(adopted).getByText('希望周五晚上也能开放')).toBeTruthy();
    expect(within(adopted).getByText('从 12 月 9 日起，周三晚增加康复理疗')).toBeTruthy();
    expect(within(adopted).getByText('建议 JS-1202-003 · 12月4日 答复')).toBeTruthy();
    expect(within(refused).getByText('暂不采纳')).toBeTruthy();
    expect(within(refused).getByText('原因：照明改造要等街道统一安排')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();

    fireEvent.click(screen.getByText('提建议'));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/package-suggestion/pages/submit/index?c=jinse',
    });
  });

  it('says so plainly when nothing has been answered yet', async () => {
    routeCalls({
      'suggestion.echoWall': async () => echoWallFixture({ changes: [], answered: [] }),
    });
    render(<EchoWallPage />);
    expect(await screen.findByText('还没有答复过的建议。有想法？欢迎提第一条。')).toBeTruthy();
    expect(screen.queryByText(/你说我做/)).toBeNull();
    expect(screen.getByText('提建议')).toBeTruthy();
  });

  it('shows only the sections that have something', async () => {
    routeCalls({ 'suggestion.echoWall': async () => echoWallFixture({ changes: [] }) });
    render(<EchoWallPage />);
    expect(await screen.findByText('社区的答复（2 条）')).toBeTruthy();
    expect(screen.queryByText(/你说我做/)).toBeNull();
  });

  it('uses the remembered community, and retries a failed load', async () => {
    setRouterParams({});
    setStorageSync('bdb.community', 'huchi');
    let loads = 0;
    routeCalls({
      'suggestion.echoWall': async () => {
        loads += 1;
        if (loads === 1) throw new GatewayError({ code: 'NOT_FOUND', message: '没有找到这个社区' });
        return echoWallFixture({ community: { id: 'huchi', name: '虎池苑' } });
      },
    });
    render(<EchoWallPage />);
    expect(await screen.findByText('没有找到这个社区')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('虎池苑')).toBeTruthy();
    expect(callsOf('suggestion.echoWall')).toEqual([
      { community: 'huchi' },
      { community: 'huchi' },
    ]);
  });

  it('says which community is missing when there is none', () => {
    setRouterParams({});
    render(<EchoWallPage />);
    expect(screen.getByText('还不知道是哪个社区，请先在“今晚服务”页选择社区')).toBeTruthy();
    expect(callsOf('suggestion.echoWall')).toHaveLength(0);
    expect(screen.queryByText('提建议')).toBeNull();
  });
});
