import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GatewayError, getSession } from '@/lib/gateway';
import type { StaffTeam } from '@/types/contract';
import { COMMUNITIES, identityFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import { reLaunch, resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import TeamPage from './index';

jest.mock('@/lib/gateway', () => ({
  ...jest.requireActual('@/lib/gateway'),
  call: jest.fn(),
  getSession: jest.fn(),
}));

const getSessionMock = getSession as jest.MockedFunction<typeof getSession>;

const member = (fields: Partial<StaffTeam['members'][number]>): StaffTeam['members'][number] => ({
  userId: 'w1',
  name: '李社工',
  named: true,
  role: 'staff',
  since: '2026-11-20T10:00:00.000Z',
  you: false,
  revocable: false,
  ...fields,
});

const ADMIN_TEAM: StaffTeam = {
  community: 'jinse',
  members: [
    member({
      userId: 'admin-1',
      name: '社工（尾号 in-1）',
      named: false,
      role: 'admin',
      you: true,
    }),
    member({ revocable: true }),
  ],
  invites: [
    {
      code: 'K7P2Q9ABCD',
      community: 'jinse',
      expiresAt: '2026-12-09T18:30:00+08:00',
      createdAt: '2026-12-02T18:30:00+08:00',
    },
  ],
};

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  getSessionMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

function openPage(handlers: Handlers) {
  routeCalls({ 'community.list': async () => COMMUNITIES, ...handlers });
  render(<TeamPage />);
}

describe('社工名单', () => {
  it('lets an admin revoke a worker after a confirm step, and the list reloads', async () => {
    let team = ADMIN_TEAM;
    openPage({
      'staff.list': async () => team,
      'staff.revoke': async ({ community, userId }) => {
        team = { ...team, members: team.members.filter((m) => m.userId !== userId) };
        return { community, userId };
      },
    });
    expect(await screen.findByText('金色里程 社工名单')).toBeTruthy();
    expect(screen.getByText('社工（尾号 in-1）（我）')).toBeTruthy();
    expect(screen.getByText('社工 · 11月20日 周五 18:00 起')).toBeTruthy();
    // Only the worker has 撤销; the admin's own row has none.
    expect(screen.getAllByRole('button', { name: /^撤销/ })).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: '撤销 李社工' }));
    expect(callsOf('staff.revoke')).toHaveLength(0);
    expect(screen.getByText(/撤销 李社工 在金色里程的社工身份？/)).toBeTruthy();
    fireEvent.click(screen.getByText('取消'));
    expect(screen.queryByText(/在金色里程的社工身份？/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '撤销 李社工' }));
    fireEvent.click(screen.getByText('确认撤销'));
    expect(await screen.findByText('✓ 已撤销 李社工 的社工身份')).toBeTruthy();
    expect(callsOf('staff.revoke')).toEqual([{ community: 'jinse', userId: 'w1' }]);
    await waitFor(() => expect(screen.queryByText('李社工')).toBeNull());
  });

  it('lists open invites for an admin and cancels one after a confirm step', async () => {
    let team = ADMIN_TEAM;
    openPage({
      'staff.list': async () => team,
      'staff.cancelInvite': async ({ code }) => {
        team = { ...team, invites: [] };
        return { code };
      },
    });
    expect(await screen.findByText('K7P2Q9ABCD')).toBeTruthy();
    expect(screen.getByText('有效期至 12月9日 周三 18:30')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '作废 K7P2Q9ABCD' }));
    fireEvent.click(screen.getByText('确认作废'));
    expect(await screen.findByText('✓ 邀请码 K7P2Q9ABCD 已作废')).toBeTruthy();
    expect(await screen.findByText('没有未使用的邀请码')).toBeTruthy();
    expect(callsOf('staff.cancelInvite')).toEqual([{ code: 'K7P2Q9ABCD' }]);
  });

  it('shows a refusal as an alert', async () => {
    openPage({
      'staff.list': async () => ADMIN_TEAM,
      'staff.revoke': async () => {
        throw new GatewayError({
          code: 'NOT_FOUND',
          message: '这位社工不在本社区的名单里，可能已被撤销',
        });
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: '撤销 李社工' }));
    fireEvent.click(screen.getByText('确认撤销'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '✕ 这位社工不在本社区的名单里，可能已被撤销',
    );
  });

  it('shows staff the team without revoke or invites', async () => {
    openPage({
      'staff.list': async () => ({
        community: 'jinse',
        members: [member({ you: true })],
        invites: null,
      }),
    });
    expect(await screen.findByText('李社工（我）')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /撤销/ })).toBeNull();
    expect(screen.queryByText('未使用的邀请码')).toBeNull();
  });

  it('signs out in H5 and goes back to sign-in as a resident', async () => {
    getSessionMock.mockResolvedValue(identityFixture());
    openPage({
      'staff.list': async () => ADMIN_TEAM,
      'staff.signOut': async () => ({ signedOut: true }),
    });
    await screen.findByText('金色里程 社工名单');
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    await waitFor(() =>
      expect(reLaunch).toHaveBeenCalledWith({ url: '/package-staff/pages/sign-in/index' }),
    );
    expect(callsOf('staff.signOut')).toEqual([{}]);
    expect(getSessionMock).toHaveBeenCalledTimes(1);
  });
});
