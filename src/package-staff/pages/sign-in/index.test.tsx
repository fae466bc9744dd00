import { act, fireEvent, render, screen } from '@testing-library/react';
import { GatewayError, getSession } from '@/lib/gateway';
import { COMMUNITIES, identityFixture, tonightFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import { navigateTo, resetTaroDouble, triggerDidShow } from '../../../../tests/doubles/taro';
import StaffSignInPage from './index';

jest.mock('@/lib/gateway', () => ({
  ...jest.requireActual('@/lib/gateway'),
  call: jest.fn(),
  getSession: jest.fn(),
}));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
});

function typeCode(code: string) {
  fireEvent.change(screen.getByPlaceholderText('验证码'), { target: { value: code } });
}

describe('staff sign-in page', () => {
  it('shows who I am and turns a resident into staff with an invite code', async () => {
    routeCalls({
      'staff.me': async () => identityFixture(),
      'community.list': async () => COMMUNITIES,
      'staff.redeem': async () => identityFixture({ role: 'staff', communities: ['jinse'] }),
      'community.tonight': async () => tonightFixture(),
    });
    render(<StaffSignInPage />);

    expect(await screen.findByText('居民')).toBeTruthy();
    typeCode(' ABCD-1234 ');
    fireEvent.click(screen.getByText('验证'));

    expect(await screen.findByText('社工')).toBeTruthy();
    expect(screen.getByText('负责社区：金色里程')).toBeTruthy();
    expect(screen.getByText('✓ 验证成功，你现在是社工')).toBeTruthy();
    expect(callsOf('staff.redeem')).toEqual([{ code: 'ABCD-1234' }]);
  });

  it('shows a wrong code inline, without calling for an empty one', async () => {
    routeCalls({
      'staff.me': async () => identityFixture(),
      'community.list': async () => COMMUNITIES,
      'staff.redeem': async () => {
        throw new GatewayError({
          code: 'FORBIDDEN',
          message: '邀请码无效或已被使用',
          field: 'code',
        });
      },
    });
    render(<StaffSignInPage />);
    await screen.findByText('居民');

    fireEvent.click(screen.getByText('验证'));
    expect(screen.getByText('✕ 请输入验证码')).toBeTruthy();
    expect(callsOf('staff.redeem')).toHaveLength(0);

    typeCode('WRONG');
    fireEvent.click(screen.getByText('验证'));
    expect(await screen.findByText('✕ 邀请码无效或已被使用')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('邀请码无效');
  });

  it('lets an admin generate an invite code for a community', async () => {
    routeCalls({
      'staff.me': async () => identityFixture({ role: 'admin', communities: ['huchi', 'jinse'] }),
      'community.list': async () => COMMUNITIES,
      'community.tonight': async ({ community }) =>
        tonightFixture({ community: COMMUNITIES.find((c) => c.id === community) }),
      'staff.invite': async ({ community }) => ({
        code: 'K7P2Q9',
        community,
        expiresAt: '2026-11-26T18:30:00+08:00',
      }),
    });
    render(<StaffSignInPage />);

    expect(await screen.findByText('管理员')).toBeTruthy();
    expect(screen.getByText('负责社区：全部社区')).toBeTruthy();
    // The desk links list the same community names once they load, so pick the chooser button.
    fireEvent.click(await screen.findByText('金色里程', { selector: 'button' }));
    fireEvent.click(screen.getByText('生成社工邀请码', { selector: 'button' }));

    expect(await screen.findByText('K7P2Q9')).toBeTruthy();
    expect(screen.getByText('金色里程 社工邀请码')).toBeTruthy();
    expect(screen.getByText('有效期至 11月26日 周四 18:30，只能用一次')).toBeTruthy();
    expect(callsOf('staff.invite')).toEqual([{ community: 'jinse' }]);
  });

  it('offers a community the admin made on 社区管理 once the page is back on screen', async () => {
    let communities = COMMUNITIES;
    routeCalls({
      'staff.me': async () => identityFixture({ role: 'admin', communities: [] }),
      'community.list': async () => communities,
      'community.tonight': async ({ community }) =>
        tonightFixture({ community: communities.find((c) => c.id === community) }),
    });
    render(<StaffSignInPage />);
    await screen.findByText('金色里程', { selector: 'button' });
    expect(screen.queryByText('狮山社区', { selector: 'button' })).toBeNull();

    // 社区管理 opens over this page; back from it, the list is asked again.
    communities = [...COMMUNITIES, { id: 'shishan', name: '狮山社区' }];
    act(() => triggerDidShow());
    expect(await screen.findByText('狮山社区', { selector: 'button' })).toBeTruthy();
  });

  it('links staff to the desk of each walk-in line of their communities', async () => {
    routeCalls({
      'staff.me': async () => identityFixture({ role: 'staff', communities: ['jinse'] }),
      'community.list': async () => COMMUNITIES,
      'community.tonight': async () => tonightFixture(),
    });
    render(<StaffSignInPage />);

    const link = await screen.findByRole('button', { name: '金色里程 血压测量叫号台' });
    expect(link.textContent).toBe('血压测量叫号台');
    // Only walk-in lines have a desk.
    expect(screen.queryByText(/家电维修叫号台/)).toBeNull();
    fireEvent.click(link);
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/package-staff/pages/queue-desk/index?c=jinse&q=bp',
    });
    expect(callsOf('community.tonight')).toEqual([{ community: 'jinse' }]);
  });

  it('links staff to the bookings desk of each community that takes bookings', async () => {
    routeCalls({
      'staff.me': async () => identityFixture({ role: 'staff', communities: ['jinse'] }),
      'community.list': async () => COMMUNITIES,
      'community.tonight': async () => tonightFixture(),
    });
    render(<StaffSignInPage />);

    const link = await screen.findByRole('button', { name: '金色里程 预约管理' });
    expect(link.textContent).toBe('预约管理');
    expect(screen.getByText('叫号台和预约管理')).toBeTruthy();
    fireEvent.click(link);
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/package-staff/pages/bookings/index?c=jinse',
    });
  });

  it('links staff to the TV board of their community and shows its address for the TV', async () => {
    routeCalls({
      'staff.me': async () => identityFixture({ role: 'staff', communities: ['jinse'] }),
      'community.list': async () => COMMUNITIES,
      'community.tonight': async () => tonightFixture(),
    });
    render(<StaffSignInPage />);

    const link = await screen.findByRole('button', { name: '金色里程 电视排队看板' });
    expect(link.textContent).toBe('电视排队看板');
    fireEvent.click(link);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-board/pages/board/index?c=jinse' });
    // H5: the page's own origin serves the board (jsdom's is http://localhost).
    expect(screen.getByText('电视浏览器地址：http://localhost/board/jinse')).toBeTruthy();
  });

  it('has no bookings desk where nothing can be booked', async () => {
    routeCalls({
      'staff.me': async () => identityFixture({ role: 'staff', communities: ['jinse'] }),
      'community.list': async () => COMMUNITIES,
      'community.tonight': async () =>
        tonightFixture({
          services: [{ id: 'bp', name: '血压测量', kind: 'queue', description: '血压检测' }],
        }),
    });
    render(<StaffSignInPage />);
    await screen.findByRole('button', { name: '金色里程 血压测量叫号台' });
    expect(screen.queryByText('预约管理')).toBeNull();
  });

  it('gives an admin the desks of every community', async () => {
    routeCalls({
      'staff.me': async () => identityFixture({ role: 'admin', communities: [] }),
      'community.list': async () => COMMUNITIES,
      'community.tonight': async ({ community }) =>
        tonightFixture({ community: COMMUNITIES.find((c) => c.id === community) }),
    });
    render(<StaffSignInPage />);
    expect(await screen.findByRole('button', { name: '虎池苑 血压测量叫号台' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '金色里程 血压测量叫号台' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '虎池苑 电视排队看板' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '金色里程 电视排队看板' })).toBeTruthy();
  });

  it('shows no desks to a resident', async () => {
    routeCalls({
      'staff.me': async () => identityFixture(),
      'community.list': async () => COMMUNITIES,
    });
    render(<StaffSignInPage />);
    await screen.findByText('居民');
    expect(screen.queryByText('叫号台')).toBeNull();
    expect(screen.queryByText(/预约管理/)).toBeNull();
    expect(screen.queryByText('电视排队看板')).toBeNull();
    expect(callsOf('community.tonight')).toHaveLength(0);
  });

  it('shows a failed identity load inline with retry', async () => {
    let attempts = 0;
    routeCalls({
      'staff.me': async () => {
        attempts += 1;
        if (attempts === 1)
          throw new GatewayError({ code: 'INTERNAL', message: '网络不给力，请稍后再试' });
        return identityFixture();
      },
      'community.list': async () => COMMUNITIES,
    });
    render(<StaffSignInPage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('居民')).toBeTruthy();
  });

  it('links staff to their team and signs them out to a resident (H5)', async () => {
    (getSession as jest.MockedFunction<typeof getSession>).mockResolvedValue(identityFixture());
    routeCalls({
      'staff.me': async () => identityFixture({ role: 'staff', communities: ['jinse'] }),
      'community.list': async () => COMMUNITIES,
      'community.tonight': async () => tonightFixture(),
      'staff.signOut': async () => ({ signedOut: true }),
    });
    render(<StaffSignInPage />);
    fireEvent.click(await screen.findByRole('button', { name: '金色里程 社工名单' }));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-staff/pages/team/index?c=jinse' });

    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    expect(await screen.findByText('居民')).toBeTruthy();
    expect(callsOf('staff.signOut')).toEqual([{}]);
    expect(screen.queryByRole('button', { name: '退出登录' })).toBeNull();
  });
});
