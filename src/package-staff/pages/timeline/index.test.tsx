import { render, screen } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import { residentTimelineFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import TimelinePage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse', r: 'user-wang' });
});

const entries = (container: HTMLElement) =>
  [...container.querySelectorAll('.bdb-timeline__entry')].map((e) => ({
    icon: e.querySelector('.bdb-timeline__icon')?.textContent,
    head: e.querySelector('.bdb-timeline__head')?.textContent,
    text: e.querySelector('.bdb-timeline__text')?.textContent,
  }));

describe('staff resident timeline page', () => {
  it('shows one resident’s thread in time order, each kind with its icon and word', async () => {
    const timeline = residentTimelineFixture();
    const [visit, missed, reached, result, suggestion, reply, change] = timeline.entries;
    routeCalls({
      // Out of order on purpose: the page puts them in time order.
      'followup.timeline': async () => ({
        ...timeline,
        entries: [change, reply, visit, missed, reached, result, suggestion],
      }),
    });
    const { container } = render(<TimelinePage />);

    expect(await screen.findByText('王阿姨 的记录')).toBeTruthy();
    expect(callsOf('followup.timeline')).toEqual([{ community: 'jinse', resident: 'user-wang' }]);
    expect(entries(container)).toEqual([
      {
        icon: '🏠',
        head: '到访 · 12月2日 周三 晚',
        text: '2026-12-02 晚：政务服务 19:00、书法体验课',
      },
      { icon: '☎', head: '回访 · 12月3日 周四 10:05', text: '回访：无人接听' },
      { icon: '☎', head: '回访 · 12月3日 周四 15:20', text: '回访：已接通' },
      {
        icon: '☎',
        head: '回访 · 12月3日 周四 15:20',
        text: '结果：基本满意，部分解决（排队有点久）',
      },
      {
        icon: '💡',
        head: '建议 · 12月3日 周四 15:20',
        text: '建议 JS-1202-001：量血压排队太久，希望多一台仪器',
      },
      { icon: '💬', head: '答复 · 12月4日 周五 09:30', text: '已采纳：感谢建议，已经安排' },
      {
        icon: '✅',
        head: '改进 · 12月5日 周六 11:00',
        text: '改进：血压测量增加一台仪器（2026-12-09 起）',
      },
    ]);
    // Icons are decoration: the word says the kind.
    const icon = container.querySelector('.bdb-timeline__icon')!;
    expect(icon.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getAllByRole('listitem')).toHaveLength(7);
  });

  it('shows the 居民点单 steps of a suggestion between its answer and the new service', async () => {
    const id = 's-1';
    routeCalls({
      'followup.timeline': async () =>
        residentTimelineFixture({
          entries: [
            { kind: 'reply', id, at: '2026-12-04T09:30:00+08:00', text: '已采纳：放进点单' },
            {
              kind: 'change',
              id: 'ch-1',
              at: '2026-12-13T10:00:00+08:00',
              text: '改进：周三晚手机课（2026-12-16 起）',
            },
            {
              kind: 'menu',
              id,
              at: '2026-12-12T10:00:00+08:00',
              text: '居民投票选中，已列入点单',
            },
            {
              kind: 'round',
              id,
              at: '2026-12-05T10:00:00+08:00',
              text: '列入居民点单「明年的服务」，请居民投票',
            },
          ],
        }),
    });
    const { container } = render(<TimelinePage />);
    expect(await screen.findByText('王阿姨 的记录')).toBeTruthy();
    expect(entries(container).slice(1, 3)).toEqual([
      {
        icon: '🗳',
        head: '居民点单 · 12月5日 周六 10:00',
        text: '列入居民点单「明年的服务」，请居民投票',
      },
      { icon: '📋', head: '点单结果 · 12月12日 周六 10:00', text: '居民投票选中，已列入点单' },
    ]);
    expect(entries(container).map((e) => e.head?.split(' · ')[0])).toEqual([
      '答复',
      '居民点单',
      '点单结果',
      '改进',
    ]);
  });

  it('takes an encoded resident key as it was linked', async () => {
    setRouterParams({ c: 'jinse', r: encodeURIComponent('booking:b-7') });
    routeCalls({
      'followup.timeline': async () =>
        residentTimelineFixture({ resident: 'booking:b-7', name: '李伯伯', entries: [] }),
    });
    render(<TimelinePage />);
    expect(await screen.findByText('还没有这位居民的记录')).toBeTruthy();
    expect(callsOf('followup.timeline')).toEqual([{ community: 'jinse', resident: 'booking:b-7' }]);
  });

  it('shows a load failure with a retry', async () => {
    routeCalls({
      'followup.timeline': async () => {
        throw new GatewayError({ code: 'FORBIDDEN', message: '你不是这个社区的社工' });
      },
    });
    render(<TimelinePage />);
    expect((await screen.findByRole('alert')).textContent).toContain('你不是这个社区的社工');
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
  });

  it('asks to come in from a list without a resident', () => {
    setRouterParams({ c: 'jinse' });
    render(<TimelinePage />);
    expect(screen.getByText('请从“回访名单”或“建议处理”里点居民名字进入')).toBeTruthy();
    expect(callMock).not.toHaveBeenCalled();
  });
});
