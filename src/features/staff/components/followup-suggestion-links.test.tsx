import { fireEvent, render, screen } from '@testing-library/react';
import { COMMUNITIES, identityFixture } from '@/test-utils/fixtures';
import { navigateTo, resetTaroDouble } from '../../../../tests/doubles/taro';
import { IdentityCard } from './identity-card';

beforeEach(() => resetTaroDouble());

const deskLinks = () =>
  screen.queryAllByRole('button', { name: /回访名单|建议处理/ }).map((b) => b.textContent);

describe('回访名单 and 建议处理 links', () => {
  it('links staff to the call list and the suggestions of each of their communities', () => {
    render(
      <IdentityCard
        identity={identityFixture({ role: 'staff', communities: ['jinse'] })}
        communities={COMMUNITIES}
      />,
    );
    expect(screen.getByText('回访和居民建议')).toBeTruthy();
    expect(deskLinks()).toEqual(['金色里程 回访名单', '金色里程 建议处理']);
    fireEvent.click(screen.getByRole('button', { name: '金色里程 回访名单' }));
    fireEvent.click(screen.getByRole('button', { name: '金色里程 建议处理' }));
    expect(navigateTo.mock.calls).toEqual([
      [{ url: '/package-staff/pages/calls/index?c=jinse' }],
      [{ url: '/package-staff/pages/suggestions/index?c=jinse' }],
    ]);
  });

  it('gives an admin every community, and names a community by id while names load', () => {
    const { rerender } = render(
      <IdentityCard identity={identityFixture({ role: 'admin' })} communities={COMMUNITIES} />,
    );
    expect(deskLinks()).toEqual([
      '虎池苑 回访名单',
      '虎池苑 建议处理',
      '金色里程 回访名单',
      '金色里程 建议处理',
    ]);
    rerender(
      <IdentityCard
        identity={identityFixture({ role: 'staff', communities: ['huchi'] })}
        communities={null}
      />,
    );
    expect(deskLinks()).toEqual(['huchi 回访名单', 'huchi 建议处理']);
  });

  it('shows no link to a resident, nor to staff without a community', () => {
    const { rerender } = render(
      <IdentityCard identity={identityFixture()} communities={COMMUNITIES} />,
    );
    expect(deskLinks()).toEqual([]);
    expect(screen.queryByText('回访和居民建议')).toBeNull();
    rerender(
      <IdentityCard
        identity={identityFixture({ role: 'staff', communities: [] })}
        communities={COMMUNITIES}
      />,
    );
    expect(deskLinks()).toEqual([]);
  });
});
