import { render, screen } from '@testing-library/react';
import type { Poster } from '@/types/contract';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import PosterPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

const POSTER: Poster = {
  community: { id: 'jinse', name: '金色里程社区', contactPhone: '0512-6666 8888' },
  tonightUrl: 'http://192.168.1.20:8080/#/pages/tonight/index?c=jinse',
  evening: { date: '2026-12-02', opensAt: '17:00', closesAt: '20:00' },
  hours: '每周三 17:00–20:00',
  services: [
    { id: 'paperwork', name: '政务服务', description: '社保、医保', kind: 'booking' },
    { id: 'health', name: '健康检测', description: '', kind: 'queue' },
  ],
  notices: [
    {
      id: 'n1',
      title: '本周活动',
      activities: [
        { name: '手工编织', date: '2026-12-02', startsAt: '18:30', endsAt: '19:30', place: '二楼' },
      ],
    },
  ],
};

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

describe('打印本周海报 page', () => {
  it("shows the week's evening, services, activities and the tonight QR code", async () => {
    routeCalls({ 'report.poster': async () => POSTER });
    render(<PosterPage />);
    expect(await screen.findByText('八点伴 · 金色里程社区')).toBeTruthy();
    expect(callsOf('report.poster')).toEqual([{ community: 'jinse' }]);
    expect(screen.getByText('本周服务晚：12月2日 周三 17:00–20:00')).toBeTruthy();
    expect(screen.getByText('■ 政务服务（预约）：社保、医保')).toBeTruthy();
    expect(screen.getByText('■ 健康检测（取号）')).toBeTruthy();
    expect(screen.getByText('● 12月2日 周三 18:30–19:30 手工编织 · 二楼')).toBeTruthy();
    expect(screen.getByText('咨询电话：0512-6666 8888')).toBeTruthy();
    const qr = screen.getByRole('img', { name: '金色里程社区今晚服务二维码' });
    expect(qr.getAttribute('src')).toBe('/qr/jinse.png');
    expect(screen.getByRole('button', { name: '打印本周海报' })).toBeTruthy();
  });

  it('says so when the week has no activity, and asks for a community without one', async () => {
    routeCalls({ 'report.poster': async () => ({ ...POSTER, notices: [] }) });
    const { unmount } = render(<PosterPage />);
    expect(await screen.findByText('本周没有发布活动')).toBeTruthy();
    unmount();
    setRouterParams({});
    render(<PosterPage />);
    expect(screen.getByText('请从“工作人员入口”进入本周海报')).toBeTruthy();
  });
});
