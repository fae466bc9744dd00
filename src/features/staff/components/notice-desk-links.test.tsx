import { fireEvent, render, screen } from '@testing-library/react';
import { COMMUNITIES, identityFixture } from '@/test-utils/fixtures';
import { navigateTo, resetTaroDouble } from '../../../../tests/doubles/taro';
import { IdentityCard } from './identity-card';

beforeEach(() => resetTaroDouble());

describe('活动通知 links', () => {
  it('links staff to the notices of each of their communities', () => {
    render(
      <IdentityCard
        identity={identityFixture({ role: 'staff', communities: ['jinse'] })}
        communities={COMMUNITIES}
      />,
    );
    const links = screen.getAllByRole('button', { name: /活动通知/ });
    expect(links.map((b) => b.textContent)).toEqual(['金色里程 活动通知']);
    fireEvent.click(screen.getByRole('button', { name: '金色里程 活动通知' }));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-staff/pages/notices/index?c=jinse' });
  });

  it('gives an admin every community, and names a community by id while names load', () => {
    const { rerender } = render(
      <IdentityCard identity={identityFixture({ role: 'admin' })} communities={COMMUNITIES} />,
    );
    expect(screen.getAllByRole('button', { name: /活动通知/ }).map((b) => b.textContent)).toEqual([
      '虎池苑 活动通知',
      '金色里程 活动通知',
    ]);
    rerender(
      <IdentityCard
        identity={identityFixture({ role: 'staff', communities: ['huchi'] })}
        communities={null}
      />,
    );
    expect(screen.getAllByRole('button', { name: /活动通知/ }).map((b) => b.textContent)).toEqual([
      'huchi 活动通知',
    ]);
  });

  it('shows no link to a resident', () => {
    render(<IdentityCard identity={identityFixture()} communities={COMMUNITIES} />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByText(/活动通知/)).toBeNull();
  });
});
