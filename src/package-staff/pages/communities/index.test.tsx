import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import type { ManagedCommunity } from '@/types/contract';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import { navigateTo, resetTaroDouble } from '../../../../tests/doubles/taro';
import CommunitiesPage from './index';

jest.mock('@/lib/gateway', () => ({
  ...jest.requireActual('@/lib/gateway'),
  call: jest.fn(),
}));

const JINSE: ManagedCommunity = {
  id: 'jinse',
  name: '金色里程社区',
  address: '',
  contactPhone: null,
  evenings: [{ weekday: 3, opensAt: '17:00', closesAt: '20:00' }],
  services: ['政务服务', '健康检测'],
  archivedAt: null,
};

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
});

function openPage(handlers: Handlers) {
  routeCalls(handlers);
  render(<CommunitiesPage />);
}

/** The text box labelled `name` (the native input inside Taro's web component). */
const field = (name: string) => screen.getByLabelText(name);
const type = (name: string, value: string) =>
  fireEvent.input(field(name), { target: { value }, detail: { value } });

describe('社区管理', () => {
  it('lists communities with their evenings, or says there are none', async () => {
    openPage({ 'community.manage': async () => [JINSE] });
    expect(await screen.findByText('金色里程社区')).toBeTruthy();
    expect(screen.getByText('编号 jinse · 每周三 17:00–20:00')).toBeTruthy();
    expect(screen.getByText('地址：未填写')).toBeTruthy();
  });

  it('links each active community to its TV board, with the address for the TV', async () => {
    openPage({
      'community.manage': async () => [
        JINSE,
        { ...JINSE, id: 'huchi', name: '虎池苑社区', archivedAt: '2026-12-01T02:00:00.000Z' },
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: '金色里程社区 电视排队看板' }));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/package-board/pages/board/index?c=jinse' });
    expect(screen.getByText('电视浏览器地址：http://localhost/board/jinse')).toBeTruthy();
    // An archived community has no evening to show.
    expect(screen.getByText('虎池苑社区（已停用）')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '虎池苑社区 电视排队看板' })).toBeNull();
  });

  it('shows a failed load with a retry', async () => {
    let fail = true;
    openPage({
      'community.manage': async () => {
        if (fail) throw new GatewayError({ code: 'FORBIDDEN', message: '只有管理员可以这样做' });
        return [];
      },
    });
    expect(await screen.findByText('只有管理员可以这样做')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('还没有社区，请先新建一个')).toBeTruthy();
  });

  it('creates a community; a refused id shows beside its field', async () => {
    let list = [JINSE];
    openPage({
      'community.manage': async () => list,
      'community.create': async (input) => {
        if (input.id === 'jinse') {
          throw new GatewayError({
            code: 'CONFLICT',
            message: '社区编号 jinse 已被其他社区使用，请换一个',
            field: 'id',
          });
        }
        const made = { ...JINSE, ...input, contactPhone: input.contactPhone || null };
        list = [...list, made];
        return made;
      },
    });
    fireEvent.click(await screen.findByText('新建社区'));
    type('社区编号', 'jinse');
    type('社区名称', '狮山社区');
    type('地址', '狮山路 88 号');
    fireEvent.click(screen.getByRole('radio', { name: '第 1 个晚上 星期 周四' }));
    type('第 1 个晚上 开始时间', '17:30');
    fireEvent.click(screen.getAllByText('新建社区').at(-1)!);
    expect((await screen.findByRole('alert')).textContent).toBe(
      '✕ 社区编号 jinse 已被其他社区使用，请换一个',
    );
    expect(field('社区编号').getAttribute('aria-invalid')).toBe('true');
    type('社区编号', 'shishan');
    fireEvent.click(screen.getAllByText('新建社区').at(-1)!);
    expect(await screen.findByText('✓ 已新建 狮山社区')).toBeTruthy();
    expect(callsOf('community.create').at(-1)).toEqual({
      id: 'shishan',
      name: '狮山社区',
      address: '狮山路 88 号',
      contactPhone: '',
      evenings: [{ weekday: 4, opensAt: '17:30', closesAt: '20:00' }],
    });
    await waitFor(() => expect(screen.getByText('编号 shishan · 每周四 17:30–20:00')).toBeTruthy());
  });

  it('edits the evenings with added and removed rows', async () => {
    openPage({
      'community.manage': async () => [JINSE],
      'community.update': async ({ community: _id, ...fields }) => ({ ...JINSE, ...fields }),
    });
    fireEvent.click(await screen.findByRole('button', { name: '编辑 金色里程社区' }));
    expect(screen.getByText('社区编号：jinse（不能修改）')).toBeTruthy();
    fireEvent.click(screen.getByText('添加一个晚上'));
    fireEvent.click(screen.getByText('添加一个晚上'));
    fireEvent.click(screen.getByRole('button', { name: '删除第 2 个晚上' }));
    fireEvent.click(screen.getByText('保存修改'));
    expect(await screen.findByText('✓ 已保存 金色里程社区')).toBeTruthy();
    expect(callsOf('community.update')[0]?.evenings).toEqual([
      { weekday: 3, opensAt: '17:00', closesAt: '20:00' },
      { weekday: 2, opensAt: '17:00', closesAt: '20:00' },
    ]);
  });

  it('archives after a confirm step, and restores', async () => {
    let archivedAt: string | null = null;
    openPage({
      'community.manage': async () => [{ ...JINSE, archivedAt }],
      'community.archive': async ({ archived }) => {
        archivedAt = archived ? '2026-12-03T02:00:00.000Z' : null;
        return { ...JINSE, archivedAt };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: '停用 金色里程社区' }));
    expect(callsOf('community.archive')).toHaveLength(0);
    fireEvent.click(screen.getByText('确认停用'));
    expect(await screen.findByText('金色里程社区（已停用）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '恢复 金色里程社区' }));
    expect(await screen.findByText('✓ 金色里程社区 已恢复')).toBeTruthy();
    expect(callsOf('community.archive')).toEqual([
      { community: 'jinse', archived: true },
      { community: 'jinse', archived: false },
    ]);
  });
});
