import { fireEvent, render, screen } from '@testing-library/react';
import { COMMUNITIES, identityFixture } from '@/test-utils/fixtures';
import { navigateTo, resetTaroDouble } from '../../../../tests/doubles/taro';
import { IdentityCard } from './identity-card';

beforeEach(() => resetTaroDouble());

const deskLinks = () =>
  screen
    .queryAllByRole('button', { name: /居民点单|晚间报表|值班与调休/ })
    .map((b) => b.textContent);

describe('居民点单, 晚间报表 and 值班与调休 links', () => {
  it('links staff to the survey, the report and the roster of each of their communities', () => {
    render(
      <IdentityCard
        identity={identityFixture({ role: 'staff', communities: ['jinse'] })}
        communities={COMMUNITIES}
      />,
    );
    expect(screen.getByText('点单、报表和值班')).toBeTruthy();
    expect(deskLinks()).toEqual(['金色里程 居民点单', '金色里程 晚间报表', '金色里程 值班与调休']);
    fireEvent.click(screen.getByRole('button', { name: '金色里程 居民点单' }));
    fireEvent.click(screen.getByRole('button', { name: '金色里程 晚间报表' }));
    fireEvent.click(screen.getByRole('button', { name: '金色里程 值班与调休' }));
    expect(navigateTo.mock.calls).toEqual([
      [{ url: '/package-staff/pages/survey/index?c=jinse' }],
      [{ url: '/package-staff/pages/report/index?c=jinse' }],
      [{ url: '/package-staff/pages/roster/index?c=jinse' }],
    ]);
  });

  it('gives an admin every community, and names a community by id while names load', () => {
    const { rerender } = render(
      <IdentityCard identity={identityFixture({ role: 'admin' })} communities={COMMUNITIES} />,
    );
    expect(deskLinks()).toEqual([
      '虎池苑 居民点单',
      '虎池苑 晚间报表',
      '虎池苑 值班与调休',
      '金色里程 居民点单',
      '金色里程 晚间报表',
      '金色里程 值班与调休',
    ]);
    rerender(
      <IdentityCard
        identity={identityFixture({ role: 'staff', communities: ['huchi'] })}
        communities={null}
      />,
    );
    expect(deskLinks()).toEqual(['huchi 居民点单', 'huchi 晚间报表', 'huchi 值班与调休']);
  });

  it('links each community to its printable weekly poster, and admins alone to the 街道汇总', () => {
    const { rerender } = render(
      <IdentityCard
        identity={identityFixture({ role: 'staff', communities: ['jinse'] })}
        communities={COMMUNITIES}
      />,
    );
    expect(screen.queryByRole('button', { name: /街道汇总/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '金色里程 打印本周海报' }));
    rerender(
      <IdentityCard identity={identityFixture({ role: 'admin' })} communities={COMMUNITIES} />,
    );
    fireEvent.click(screen.getByRole('button', { name: '街道汇总（各社区近 8 周，可打印）' }));
    expect(navigateTo.mock.calls).toEqual([
      [{ url: '/package-staff/pages/poster/index?c=jinse' }],
      [{ url: '/package-staff/pages/subdistrict/index' }],
    ]);
  });

  it('shows no link to a resident, nor to staff without a community', () => {
    const { rerender } = render(
      <IdentityCard identity={identityFixture()} communities={COMMUNITIES} />,
    );
    expect(deskLinks()).toEqual([]);
    expect(screen.queryByText('点单、报表和值班')).toBeNull();
    rerender(
      <IdentityCard
        identity={identityFixture({ role: 'staff', communities: [] })}
        communities={COMMUNITIES}
      />,
    );
    expect(deskLinks()).toEqual([]);
  });
});
