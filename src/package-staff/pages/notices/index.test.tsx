import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import {
  COMMUNITIES,
  staffNoticeFixture,
  staffNoticeSummariesFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import {
  navigateTo,
  resetTaroDouble,
  setRouterParams,
  stopPullDownRefresh,
  triggerDidShow,
  triggerPullDownRefresh,
} from '../../../../tests/doubles/taro';
import NoticesPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse' });
});

async function openDesk(handlers: Handlers = {}) {
  routeCalls({
    'notice.manage': async () => ({
      thisWeek: '2026-11-23',
      notices: staffNoticeSummariesFixture(),
    }),
    'community.list': async () => COMMUNITIES,
    ...handlers,
  });
  const view = render(<NoticesPage />);
  await screen.findByText('本周三晚 八点伴活动');
  return view;
}

const card = (title: string) => {
  const found = screen.getByText(title).closest<HTMLElement>('.bdb-notice-desk__card');
  if (!found) throw new Error(`no card for ${title}`);
  return found;
};
const buttonsOf = (title: string) =>
  within(card(title))
    .getAllByRole('button')
    .map((b) => b.textContent);
const tagsOf = (title: string) =>
  [...card(title).querySelectorAll('.bdb-desk-tag')].map((t) => t.textContent);

describe('staff notices page', () => {
  it('lists the notices by status with their week, tags and the moves each allows', async () => {
    const { container } = await openDesk();

    expect(screen.getByText('金色里程 活动通知')).toBeTruthy();
    expect(callsOf('notice.manage')).toEqual([{ community: 'jinse' }]);
    expect(
      [...container.querySelectorAll('.bdb-desk-page__section-title')].map((t) => t.textContent),
    ).toEqual(['草稿（1 条）', '已发布（2 条）', '已归档（1 条）']);

    expect(tagsOf('本周三晚 八点伴活动')).toEqual(['已发布', '置顶', '已更新']);
    expect(tagsOf('下周活动预告')).toEqual(['草稿']);
    expect(tagsOf('上周活动回顾')).toEqual(['已归档']);
    expect(within(card('下周活动预告')).getByText(/11月30日–12月6日 · 2 个活动/)).toBeTruthy();

    expect(buttonsOf('下周活动预告')).toEqual(['编辑', '发布', '归档']);
    expect(buttonsOf('本周三晚 八点伴活动')).toEqual([
      '编辑',
      '取消置顶',
      '报名情况',
      '导出签到表',
      '归档',
    ]);
    expect(buttonsOf('周末亲子手工')).toEqual(['编辑', '置顶', '报名情况', '导出签到表', '归档']);
    expect(buttonsOf('上周活动回顾')).toEqual(['报名情况', '导出签到表']);
  });

  it('publishes a draft and loads the list again', async () => {
    await openDesk({ 'notice.publish': async () => staffNoticeFixture({ id: 'n-3' }) });
    fireEvent.click(screen.getByRole('button', { name: '下周活动预告 发布' }));
    expect(await screen.findByText('✓ 已发布“下周活动预告”，居民现在能看到')).toBeTruthy();
    expect(callsOf('notice.publish')).toEqual([{ id: 'n-3' }]);
    expect(callsOf('notice.manage')).toHaveLength(2);
  });

  it('pins and unpins published notices', async () => {
    await openDesk({ 'notice.pin': async ({ id }) => staffNoticeFixture({ id }) });
    fireEvent.click(screen.getByRole('button', { name: '周末亲子手工 置顶' }));
    expect(await screen.findByText('✓ 已置顶“周末亲子手工”')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '本周三晚 八点伴活动 取消置顶' }));
    expect(await screen.findByText('✓ 已取消置顶“本周三晚 八点伴活动”')).toBeTruthy();
    expect(callsOf('notice.pin')).toEqual([
      { id: 'n-2', pinned: true },
      { id: 'n-1', pinned: false },
    ]);
  });

  it('shows a refused move inline', async () => {
    await openDesk({
      'notice.pin': async () => {
        throw new GatewayError({ code: 'CONFLICT', message: '只有已发布的通知可以置顶' });
      },
    });
    fireEvent.click(screen.getByRole('button', { name: '周末亲子手工 置顶' }));
    const alert = await screen.findByText('✕ 只有已发布的通知可以置顶');
    expect(alert.getAttribute('role')).toBe('alert');
  });

  it('asks before archiving, and archives only when confirmed', async () => {
    await openDesk({ 'notice.archive': async () => staffNoticeFixture({ status: 'archived' }) });

    fireEvent.click(screen.getByRole('button', { name: '周末亲子手工 归档' }));
    expect(screen.getByText(/确定归档“周末亲子手工”吗？/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '不归档 周末亲子手工' }));
    expect(screen.queryByText(/确定归档“周末亲子手工”吗？/)).toBeNull();
    expect(callsOf('notice.archive')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '周末亲子手工 归档' }));
    fireEvent.click(screen.getByRole('button', { name: '确定归档 周末亲子手工' }));
    expect(await screen.findByText('✓ 已归档“周末亲子手工”')).toBeTruthy();
    expect(callsOf('notice.archive')).toEqual([{ id: 'n-2' }]);
    expect(callsOf('notice.manage')).toHaveLength(2);
  });

  it('opens the editor for a new notice or an existing one', async () => {
    await openDesk();
    fireEvent.click(screen.getByText('新建本周通知'));
    fireEvent.click(screen.getByRole('button', { name: '本周三晚 八点伴活动 编辑' }));
    expect(navigateTo.mock.calls).toEqual([
      // A new notice is for the server's this week, whatever the phone's date.
      [{ url: '/package-staff/pages/notice-edit/index?c=jinse&w=2026-11-23' }],
      [{ url: '/package-staff/pages/notice-edit/index?c=jinse&id=n-1' }],
    ]);
  });

  it('shows each activity’s sign-ups and leads to its list', async () => {
    await openDesk({ 'notice.get': async () => staffNoticeFixture({ id: 'n-1' }) });
    fireEvent.click(screen.getByRole('button', { name: '本周三晚 八点伴活动 报名情况' }));

    const activities = within(card('本周三晚 八点伴活动'));
    expect(await activities.findByText('书法体验课')).toBeTruthy();
    expect(activities.getByText('周三 12月2日 18:30–19:30 · 二楼活动室')).toBeTruthy();
    expect(activities.getByText('已报名 3/12 · 候补 1')).toBeTruthy();
    expect(activities.getByText('无需报名，直接来')).toBeTruthy();
    expect(callsOf('notice.get')).toEqual([{ id: 'n-1' }]);

    fireEvent.click(activities.getByRole('button', { name: '书法体验课 名单和签到' }));
    expect(navigateTo).toHaveBeenCalledWith({
      url: '/package-staff/pages/attendees/index?a=act-1',
    });
    // Back from that list, the figures are read again.
    act(() => triggerDidShow());
    await waitFor(() => expect(callsOf('notice.get')).toHaveLength(2));
    fireEvent.click(activities.getByRole('button', { name: '本周三晚 八点伴活动 收起报名情况' }));
    expect(activities.queryByText('书法体验课')).toBeNull();
  });

  it('loads the list again when coming back from the editor and on pull-down', async () => {
    await openDesk();
    expect(callsOf('notice.manage')).toHaveLength(1);
    act(() => triggerDidShow());
    await waitFor(() => expect(callsOf('notice.manage')).toHaveLength(2));
    act(() => triggerPullDownRefresh());
    await waitFor(() => expect(stopPullDownRefresh).toHaveBeenCalledTimes(1));
    expect(callsOf('notice.manage')).toHaveLength(3);
  });

  it('says so when there is no notice yet', async () => {
    routeCalls({
      'notice.manage': async () => ({ thisWeek: '2026-11-23', notices: [] }),
      'community.list': async () => COMMUNITIES,
    });
    render(<NoticesPage />);
    expect(await screen.findByText('还没有通知，点“新建本周通知”写第一条')).toBeTruthy();
  });

  it('asks to come in through the staff entry without a community', () => {
    setRouterParams({});
    render(<NoticesPage />);
    expect(screen.getByText('请从“工作人员入口”进入活动通知')).toBeTruthy();
    expect(callMock).not.toHaveBeenCalled();
  });
});
