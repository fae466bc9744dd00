import { act, render, screen } from '@testing-library/react';
import { tonightFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import BoardPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

async function flush() {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('TV board', () => {
  it('shows the open status, the server clock and the queue services', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({ 'community.tonight': async () => tonightFixture() });
    render(<BoardPage />);
    await flush();

    expect(screen.getByText('金色里程')).toBeTruthy();
    expect(screen.getByText('18:30')).toBeTruthy();
    expect(screen.getByText('● 开放中 17:00–20:00')).toBeTruthy();
    // Only queue services, each with the placeholder until the live queue exists.
    expect(screen.getByText('血压测量')).toBeTruthy();
    expect(screen.queryByText('家电维修')).toBeNull();
    expect(screen.getAllByText('取号即将开放')).toHaveLength(1);
  });

  it('shows the next opening when closed', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({
          serviceEvening: false,
          open: false,
          nextOpening: '2026-12-02T17:00:00+08:00',
        }),
    });
    render(<BoardPage />);
    await flush();
    expect(screen.getByText('○ 今晚未开放')).toBeTruthy();
    expect(screen.getByText('下次开放：12月2日 周三 17:00')).toBeTruthy();
    expect(screen.queryByText('取号即将开放')).toBeNull();
  });

  it('polls every 30 seconds', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({ 'community.tonight': async () => tonightFixture() });
    render(<BoardPage />);
    await flush();
    expect(callsOf('community.tonight')).toHaveLength(1);

    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(callsOf('community.tonight')).toHaveLength(2);
  });
});
