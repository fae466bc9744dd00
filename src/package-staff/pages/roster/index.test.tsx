import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import type { EveningRoster } from '@/types/contract';
import {
  compBalanceFixture,
  COMMUNITIES,
  eveningRosterFixture,
  identityFixture,
  leaveFixture,
  pendingLeaveFixture,
  rosterCompanionFixture,
  rosterShiftFixture,
  tonightFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls, type Handlers } from '@/test-utils/mock-gateway';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import RosterPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

const STAFF = identityFixture({ userId: 'u1', role: 'staff', communities: ['jinse'] });
const ADMIN = identityFixture({ userId: 'u1', role: 'admin' });
const DIRECTORY = [
  { userId: 'staff-2', name: '王社工', named: true },
  { userId: 'staff-3', name: '赵社工', named: true },
  { userId: 'u1', name: '李社工', named: true },
];

beforeEach(() => {
  resetTaroDouble();
  callMock.mockReset();
  setRouterParams({ c: 'jinse', d: '2026-12-02' });
});

async function openPage(handlers: Handlers = {}) {
  routeCalls({
    'roster.evening': async () => eveningRosterFixture(),
    'roster.mine': async () => compBalanceFixture(),
    'staff.me': async () => STAFF,
    'staff.directory': async () => DIRECTORY,
    'community.list': async () => COMMUNITIES,
    ...handlers,
  });
  const view = render(<RosterPage />);
  await screen.findByText(/^值班（\d+ 人）$/);
  await screen.findByText('可以申请');
  return view;
}

const card = (name: string) => {
  const found = screen
    .getByText(name, { selector: '.bdb-desk-card__name' })
    .closest<HTMLElement>('.bdb-desk-card');
  if (!found) throw new Error(`no card for ${name}`);
  return found;
};
const click = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const choose = (name: string) => fireEvent.click(screen.getByRole('radio', { name }));
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('staff roster page (值班与调休)', () => {
  it('shows the evening’s shifts, companion requests and my comp time', async () => {
    await openPage();

    expect(await screen.findByText('金色里程 值班与调休')).toBeTruthy();
    expect(callsOf('roster.evening')).toEqual([{ community: 'jinse', date: '2026-12-02' }]);
    expect(callsOf('roster.mine')).toEqual([{}]);
    expect(screen.getByText('12月2日 周三（点这里换一天）')).toBeTruthy();

    const li = within(card('李社工'));
    expect(li.getByText('我')).toBeTruthy();
    expect(li.getByText('计划 16:30–20:00 · 还没登记下班时间')).toBeTruthy();
    const wang = within(card('王社工'));
    expect(wang.queryByText('我')).toBeNull();
    expect(wang.getByText('计划 17:30–20:30 · 实际 21:00 下班，调休 +3 小时 30 分钟')).toBeTruthy();

    expect(screen.getByText('陪同请求（2 条）')).toBeTruthy();
    const b007 = within(card('取号 B007'));
    expect(b007.getByText('等待指派')).toBeTruthy();
    expect(b007.getByText('居民说明：听障，请用文字沟通')).toBeTruthy();
    expect(b007.getByText('18:20 提出')).toBeTruthy();
    expect(within(card('预约 政务服务 19:00')).getByText('18:40 提出 · 陪同：王社工')).toBeTruthy();

    // 我的调休: 3 h 45 min earned, 1 h taken, 30 min waiting.
    expect(
      await screen.findByText(
        '我的称呼：李社工（同事排班、指派陪同时按称呼选我，居民看到“李社工陪同您”）',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/用户 ID/)).toBeNull();
    expect(screen.getByText('2 小时 15 分钟')).toBeTruthy();
    expect(screen.getByText('2 小时 45 分钟')).toBeTruthy();
    const section = screen.getByText('我的调休').parentElement!;
    expect(
      [...section.querySelectorAll<HTMLElement>('.bdb-bar')].map(
        (b) => `${b.textContent} ${b.style.getPropertyValue('--bdb-bar')}`,
      ),
    ).toEqual(['累计加班3 小时 45 分钟 100%', '已经调休1 小时 27%', '等待审批30 分钟 13%']);
    expect(screen.getByText('我陪同的居民（1）')).toBeTruthy();
    expect(within(card('取号 A012')).getByText('居民说明：行动不便，坐轮椅')).toBeTruthy();
    expect(within(card('取号 A012')).getByText('11月25日 · 已完成')).toBeTruthy();
    expect(
      screen.getByText('11月25日 计划 16:30–20:00 · 实际 20:45 下班，调休 +3 小时 45 分钟'),
    ).toBeTruthy();
    expect(screen.getByText('11月30日 调休 1 小时 · 已同意（周一上午）')).toBeTruthy();
    expect(screen.getByText('12月7日 调休 30 分钟 · 待审批')).toBeTruthy();
    // Leave to decide is for admins.
    expect(screen.queryByText('待审批的调休')).toBeNull();
    expect(callsOf('roster.leave')).toHaveLength(0);
  });

  it('logs when a worker left, previewing and then saying the comp time earned', async () => {
    let roster: EveningRoster = eveningRosterFixture();
    await openPage({
      'roster.evening': async () => roster,
      'roster.logEnd': async ({ shiftId, end }) => {
        const shift = rosterShiftFixture({ id: shiftId, loggedEnd: end, compMinutes: 225 });
        roster = { ...roster, shifts: [shift, roster.shifts[1]!] };
        return shift;
      },
    });
    click('登记 李社工 的下班时间');
    expect((screen.getByLabelText('李社工 实际下班时间') as HTMLInputElement).value).toBe('20:00');
    expect(screen.getByText('按 20:00 下班，计入调休 3 小时（17:00 以后的时间）')).toBeTruthy();
    type('李社工 实际下班时间', '晚上');
    click('保存 李社工 的下班时间');
    expect(within(card('李社工')).getByRole('alert').textContent).toBe(
      '✕ 请按 20:30 这样的格式填写下班时间',
    );
    expect(callsOf('roster.logEnd')).toHaveLength(0);

    type('李社工 实际下班时间', '20：45');
    expect(
      screen.getByText('按 20:45 下班，计入调休 3 小时 45 分钟（17:00 以后的时间）'),
    ).toBeTruthy();
    click('保存 李社工 的下班时间');
    expect(
      await screen.findByText('✓ 已登记 李社工 20:45 下班，计入调休 3 小时 45 分钟'),
    ).toBeTruthy();
    expect(callsOf('roster.logEnd')).toEqual([{ shiftId: 'sh-1', end: '20:45' }]);
    expect(
      await within(card('李社工')).findByText(
        '计划 16:30–20:00 · 实际 20:45 下班，调休 +3 小时 45 分钟',
      ),
    ).toBeTruthy();
    // The evening and my balance are loaded again.
    expect(callsOf('roster.evening')).toHaveLength(2);
    expect(callsOf('roster.mine')).toHaveLength(2);
  });

  it('puts oneself on the roster, or a colleague picked by name', async () => {
    await openPage({
      'roster.assign': async (input) => {
        const worker = input.worker ?? 'u1';
        const name = DIRECTORY.find((m) => m.userId === worker)!.name;
        return rosterShiftFixture({ id: 'sh-9', worker, name, ...input });
      },
    });
    click('排班');
    expect(
      screen.getByRole('radio', { name: '排班给 李社工（我）' }).getAttribute('aria-checked'),
    ).toBe('true');
    expect(
      within(screen.getByRole('radiogroup', { name: '排班给' }))
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['✓ 李社工（我）', '王社工', '赵社工']);
    type('上班时间', '17:00');
    type('下班时间', '16:00');
    click('排进值班');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      '✕ 下班时间要晚于上班时间',
    ]);
    type('下班时间', '2100');
    click('排进值班');
    expect(await screen.findByText('✓ 已把 李社工 排进 12月2日 值班 17:00–21:00')).toBeTruthy();

    click('排班');
    choose('排班给 赵社工');
    click('排进值班');
    expect(await screen.findByText('✓ 已把 赵社工 排进 12月2日 值班 16:30–20:00')).toBeTruthy();
    expect(callsOf('staff.directory')).toContainEqual({ community: 'jinse' });
    expect(callsOf('roster.assign')).toEqual([
      { community: 'jinse', date: '2026-12-02', start: '17:00', end: '21:00' },
      { community: 'jinse', date: '2026-12-02', start: '16:30', end: '20:00', worker: 'staff-3' },
    ]);
  });

  it('shows the server’s refusal of a colleague next to the choice', async () => {
    await openPage({
      'roster.assign': async () => {
        throw new GatewayError({
          code: 'BAD_INPUT',
          message: '只能给本社区的社工排班',
          field: 'worker',
        });
      },
    });
    click('排班');
    choose('排班给 王社工');
    click('排进值班');
    expect(await screen.findByText('✕ 只能给本社区的社工排班')).toBeTruthy();
    expect(document.querySelector('.bdb-desk-feedback')).toBeNull();
    expect(screen.getByRole('radiogroup', { name: '排班给' })).toBeTruthy();
  });

  it('sets my name, which colleagues pick me by', async () => {
    let directory = DIRECTORY.map((m) =>
      m.userId === 'u1' ? { ...m, name: '社工（尾号 u1）', named: false } : m,
    );
    await openPage({
      'staff.directory': async () => directory,
      'staff.setName': async ({ name }) => {
        directory = directory.map((m) => (m.userId === 'u1' ? { ...m, name, named: true } : m));
        return { userId: 'u1', name, named: true };
      },
    });
    expect(await screen.findByText('我还没有设置称呼，同事看到的是“社工（尾号 u1）”')).toBeTruthy();
    click('设置称呼');
    click('保存我的称呼');
    expect(screen.getByRole('alert').textContent).toBe('✕ 请写您的称呼，如：李社工');
    type('我的称呼', ' 小李 ');
    click('保存我的称呼');
    expect(await screen.findByText('✓ 已把我的称呼改为 小李')).toBeTruthy();
    expect(callsOf('staff.setName')).toEqual([{ name: '小李' }]);
    expect(
      await screen.findByText(
        '我的称呼：小李（同事排班、指派陪同时按称呼选我，居民看到“小李陪同您”）',
      ),
    ).toBeTruthy();
  });

  it('refuses a leaving time not yet reached next to the time typed', async () => {
    const refusal = '现在才 18:53，不能登记以后的下班时间：调休只算已经工作的时间，请下班后再登记';
    await openPage({
      'roster.logEnd': async () => {
        throw new GatewayError({ code: 'BAD_INPUT', message: refusal, field: 'end' });
      },
    });
    click('登记 李社工 的下班时间');
    expect(screen.getByText('调休只算已经工作的时间：下班以后再登记')).toBeTruthy();
    click('保存 李社工 的下班时间');
    expect((await within(card('李社工')).findByRole('alert')).textContent).toBe(`✕ ${refusal}`);
    expect(document.querySelector('.bdb-desk-feedback')).toBeNull();
  });

  it('assigns a companion request to a worker on the evening’s roster', async () => {
    let roster = eveningRosterFixture();
    await openPage({
      'roster.evening': async () => roster,
      'roster.assignCompanion': async ({ companionId, worker }) => {
        const assigned = rosterCompanionFixture({
          id: companionId,
          worker,
          workerName: '王社工',
          status: 'assigned',
        });
        roster = { ...roster, companions: [assigned, roster.companions[1]!] };
        return assigned;
      },
    });
    click('指派陪同：取号 B007');
    const chips = within(card('取号 B007')).getByRole('radiogroup', { name: '取号 B007 陪同社工' });
    expect(
      within(chips)
        .getAllByRole('radio')
        .map((r) => r.textContent),
    ).toEqual(['李社工', '王社工']);
    // Named as the directory knows them (the fixture roster says the same).
    click('确定指派');
    expect(within(card('取号 B007')).getByRole('alert').textContent).toBe(
      '✕ 请选一位今晚值班的社工',
    );
    choose('取号 B007 陪同社工 王社工');
    click('确定指派');
    expect(await screen.findByText('✓ 已请 王社工 陪同：取号 B007')).toBeTruthy();
    expect(callsOf('roster.assignCompanion')).toEqual([{ companionId: 'cp-1', worker: 'staff-2' }]);
    expect(await within(card('取号 B007')).findByText('已指派')).toBeTruthy();
    // An assigned request can be given to someone else.
    expect(
      within(card('取号 B007')).getByRole('button', { name: '指派陪同：取号 B007' }).textContent,
    ).toBe('改派');
  });

  it('asks for a roster before a companion can be assigned', async () => {
    await openPage({
      'roster.evening': async () =>
        eveningRosterFixture({ shifts: [], companions: [rosterCompanionFixture()] }),
    });
    expect(screen.getByText('这一晚还没有排班')).toBeTruthy();
    click('指派陪同：取号 B007');
    expect(screen.getByText('这一晚还没有人值班，请先排班再指派')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '确定指派' })).toBeNull();
  });

  it('shows the server’s refusal of a companion assignment', async () => {
    await openPage({
      'roster.assignCompanion': async () => {
        throw new GatewayError({
          code: 'BAD_INPUT',
          message: '请先把这位社工排进这一晚的值班',
          field: 'worker',
        });
      },
    });
    click('指派陪同：取号 B007');
    choose('取号 B007 陪同社工 李社工');
    click('确定指派');
    const alert = await screen.findByText('✕ 请先把这位社工排进这一晚的值班');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(callsOf('roster.assignCompanion')).toEqual([{ companionId: 'cp-1', worker: 'u1' }]);
    await waitFor(() => expect(callsOf('roster.evening')).toHaveLength(2));
  });

  it('requests leave within the balance', async () => {
    await openPage({
      'roster.requestLeave': async (input) =>
        leaveFixture({ id: 'lv-9', ...input, note: input.note ?? '', status: 'pending' }),
    });
    click('申请调休');
    expect(screen.getByText('现在可以申请 2 小时 15 分钟')).toBeTruthy();
    click('提交申请');
    expect(screen.getByRole('alert').textContent).toBe('✕ 调休时长请填 30–480 分钟');
    choose('调休时长 4 小时');
    click('提交申请');
    expect(screen.getByRole('alert').textContent).toBe('✕ 调休余额不足：可用 135 分钟');
    expect(callsOf('roster.requestLeave')).toHaveLength(0);

    choose('调休时长 2 小时');
    expect((screen.getByLabelText('调休分钟数') as HTMLInputElement).value).toBe('120');
    const [, leaveDate] = screen.getAllByLabelText('日期选择器');
    fireEvent.change(leaveDate!, { target: { value: '2026-12-07' } });
    type('调休备注', ' 周一下午调休 ');
    click('提交申请');
    expect(await screen.findByText('✓ 已申请 12月7日 调休 2 小时，等管理员审批')).toBeTruthy();
    expect(callsOf('roster.requestLeave')).toEqual([
      { community: 'jinse', date: '2026-12-07', minutes: 120, note: '周一下午调休' },
    ]);
    expect(callsOf('roster.mine')).toHaveLength(2);
  });

  it('shows the server’s refusal of leave next to the minutes', async () => {
    await openPage({
      'roster.requestLeave': async () => {
        throw new GatewayError({
          code: 'CONFLICT',
          message: '调休余额不足：可用 45 分钟',
          field: 'minutes',
        });
      },
    });
    click('申请调休');
    type('调休分钟数', '60');
    click('提交申请');
    const alert = await screen.findByText('✕ 调休余额不足：可用 45 分钟');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(screen.getByText('提交申请')).toBeTruthy();
  });

  it('lets an admin approve or refuse pending leave', async () => {
    let pending = pendingLeaveFixture();
    await openPage({
      'staff.me': async () => ADMIN,
      'roster.leave': async () => pending,
      'roster.decideLeave': async ({ leaveId, approve }) => {
        const decided = pending.find((l) => l.id === leaveId)!;
        pending = pending.filter((l) => l.id !== leaveId);
        return { ...decided, status: approve ? 'approved' : 'refused' };
      },
    });
    expect(await screen.findByText('待审批的调休')).toBeTruthy();
    expect(await screen.findByText('王社工 调休 2 小时')).toBeTruthy();
    expect(within(card('王社工 调休 2 小时')).getByText('12月8日 周二 · 金色里程')).toBeTruthy();
    expect(within(card('王社工 调休 2 小时')).getByText('备注：家里有事')).toBeTruthy();
    expect(
      within(card('赵社工 调休 1 小时 30 分钟')).getByText('12月9日 周三 · 虎池苑'),
    ).toBeTruthy();

    click('同意 王社工 12月8日 的调休');
    expect(await screen.findByText('✓ 已同意 王社工 12月8日 调休 2 小时')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('王社工 调休 2 小时')).toBeNull());
    click('不同意 赵社工 12月9日 的调休');
    expect(await screen.findByText('✓ 已不同意 赵社工 12月9日 调休 1 小时 30 分钟')).toBeTruthy();
    expect(await screen.findByText('没有待审批的调休')).toBeTruthy();
    expect(callsOf('roster.decideLeave')).toEqual([
      { leaveId: 'lv-3', approve: true },
      { leaveId: 'lv-4', approve: false },
    ]);
  });

  it('starts from today by the server’s clock', async () => {
    setRouterParams({ c: 'jinse' });
    await openPage({
      'community.tonight': async () => tonightFixture({ date: '2026-12-02', weekday: 3 }),
    });
    expect(callsOf('roster.evening')).toEqual([{ community: 'jinse', date: '2026-12-02' }]);
    fireEvent.change(screen.getAllByLabelText('日期选择器')[0]!, {
      target: { value: '2026-12-01' },
    });
    await waitFor(() =>
      expect(callsOf('roster.evening')).toContainEqual({ community: 'jinse', date: '2026-12-01' }),
    );
  });

  it('asks to come in through the staff entry without a community', () => {
    setRouterParams({});
    render(<RosterPage />);
    expect(screen.getByText('请从“工作人员入口”进入值班与调休')).toBeTruthy();
    expect(callMock).not.toHaveBeenCalled();
  });
});
