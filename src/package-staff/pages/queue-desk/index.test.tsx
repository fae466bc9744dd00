import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import { queueDeskFixture, lineFixture, staffTicketFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import { emitLine, resetLineFeed, subscribedCommunities } from '@/test-utils/mock-line-feed';
import type { QueueDesk } from '@/types/contract';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import QueueDeskPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));
jest.mock('@/lib/live/line-feed', () => jest.requireActual('@/test-utils/mock-line-feed'));

const LINE = { community: 'jinse', queue: 'library' };

beforeEach(() => {
  resetTaroDouble();
  resetLineFeed();
  callMock.mockReset();
  setRouterParams({ c: 'jinse', q: 'library' });
});

/** B004 now at the desk, B005 waiting: what callNext answers. */
function afterCallNext(): QueueDesk {
  const base = queueDeskFixture();
  return queueDeskFixture({
    line: lineFixture({ nowCalling: 'B004', waiting: 1, version: 11 }),
    tickets: [
      { ...base.tickets[1], status: 'called', calledAt: '2026-11-25T18:31:00+08:00' },
      { ...base.tickets[2], ahead: 0 },
    ],
    stats: { ...base.stats, served: 3 },
  });
}

const serving = (container: HTMLElement) =>
  container.querySelector<HTMLElement>('.bdb-queue-desk__serving');

async function openQueueDesk(handlers: Parameters<typeof routeCalls>[0] = {}) {
  routeCalls({ 'queue.desk': async () => queueDeskFixture(), ...handlers });
  const view = render(<QueueDeskPage />);
  await screen.findByText('图书阅览 叫号台');
  return view;
}

describe('queue desk', () => {
  it('shows who is served, who waits in order with notes, and tonight’s stats', async () => {
    const { container } = await openQueueDesk();

    expect(callsOf('queue.desk')).toEqual([LINE]);
    expect(serving(container)?.querySelector('.bdb-queue-desk__now')?.textContent).toBe('B003');
    const rows = [...container.querySelectorAll('.bdb-qr')].map((r) => r.textContent);
    expect(rows).toEqual([
      expect.stringContaining('1.B004手机取号'),
      expect.stringContaining('2.B005现场号：王阿姨，红外套'),
    ]);
    expect(rows[0]).toContain('18:20 取号');
    expect(screen.getByText('等待中（2 位）')).toBeTruthy();
    expect(screen.getByText('● 正在取号')).toBeTruthy();
    const stats = container.querySelector<HTMLElement>('.bdb-queue-desk__stats');
    if (!stats) throw new Error('no stats');
    expect(within(stats).getByText('已服务').nextSibling?.textContent).toBe('2 位');
    expect(within(stats).getByText('取消').nextSibling?.textContent).toBe('1 位');
    expect(within(stats).getByText('平均用时').nextSibling?.textContent).toBe('4.5 分钟');
    expect(subscribedCommunities()).toEqual(['jinse']);
    const alerts = [...container.querySelectorAll('.bdb-qa')].map((r) => r.textContent);
    expect(alerts).toEqual(['B003 请到服务台 · 18:28 发送']);
  });

  it('叫下一位 calls the line and shows the desk it answers', async () => {
    const { container } = await openQueueDesk({ 'queue.callNext': async () => afterCallNext() });

    fireEvent.click(screen.getByText('叫下一位'));

    await waitFor(() =>
      expect(serving(container)?.querySelector('.bdb-queue-desk__now')?.textContent).toBe('B004'),
    );
    expect(callsOf('queue.callNext')).toEqual([LINE]);
    expect(screen.getByText('等待中（1 位）')).toBeTruthy();
    // The answer is shown as is: no extra desk fetch.
    expect(callsOf('queue.desk')).toHaveLength(1);
  });

  it('shows a resident’s companion request on her row and in the call, with who accompanies', async () => {
    const need = {
      id: 'cp-1',
      note: '听障，请用文字沟通',
      workerName: null,
      status: 'waiting' as const,
    };
    const base = queueDeskFixture();
    const asked = queueDeskFixture({
      tickets: base.tickets.map((t) => (t.id === 't-4' ? { ...t, companion: need } : t)),
    });
    const called = afterCallNext();
    const { container } = await openQueueDesk({
      'queue.desk': async () => asked,
      'queue.callNext': async () => ({
        ...called,
        tickets: called.tickets.map((t) =>
          t.id === 't-4'
            ? { ...t, companion: { ...need, status: 'assigned', workerName: '李社工' } }
            : t,
        ),
      }),
    });
    const row = [...container.querySelectorAll<HTMLElement>('.bdb-qr')][0]!;
    expect(within(row).getByText('需要社工陪同：听障，请用文字沟通')).toBeTruthy();
    expect(within(row).getByText('还没安排社工：请在“值班与调休”里指派')).toBeTruthy();
    expect(
      within(row).getByLabelText(
        'B004 需要社工陪同：听障，请用文字沟通，还没安排社工：请在“值班与调休”里指派',
      ),
    ).toBeTruthy();
    // Nobody else's row carries it.
    expect(container.querySelectorAll('.bdb-companion-need')).toHaveLength(1);

    fireEvent.click(screen.getByText('叫下一位'));
    await waitFor(() =>
      expect(serving(container)?.querySelector('.bdb-queue-desk__now')?.textContent).toBe('B004'),
    );
    expect(within(serving(container)!).getByText('需要社工陪同：听障，请用文字沟通')).toBeTruthy();
    expect(within(serving(container)!).getByText('李社工陪同')).toBeTruthy();
  });

  it.each([
    ['重呼', 'queue.recall'],
    ['过号', 'queue.miss'],
    ['完成', 'queue.complete'],
  ] as const)('%s acts on the called ticket (%s)', async (text, action) => {
    const answer = queueDeskFixture({
      tickets: queueDeskFixture().tickets.slice(1),
      stats: { served: 3, missed: 0, cancelled: 1, averageServiceMinutes: 4 },
    });
    const { container } = await openQueueDesk({ [action]: async () => answer });

    fireEvent.click(within(serving(container)!).getByText(text));

    await waitFor(() => expect(screen.getByText('4 分钟')).toBeTruthy());
    expect(callsOf(action)).toEqual([{ ticketId: 't-3' }]);
    expect(within(serving(container)!).getByText('暂无')).toBeTruthy();
  });

  it('pauses and resumes taking numbers, saying the state in words', async () => {
    const paused = queueDeskFixture({ line: lineFixture({ paused: true, accepting: false }) });
    await openQueueDesk({
      'queue.pause': async () => paused,
      'queue.resume': async () => queueDeskFixture(),
    });

    fireEvent.click(screen.getByText('暂停取号'));
    expect(await screen.findByText('⏸ 已暂停取号')).toBeTruthy();
    fireEvent.click(screen.getByText('恢复取号'));
    expect(await screen.findByText('● 正在取号')).toBeTruthy();
    expect(callsOf('queue.pause')).toEqual([LINE]);
    expect(callsOf('queue.resume')).toEqual([LINE]);
  });

  it('shows a refused action inline with the Chinese message, and the line as it is now', async () => {
    await openQueueDesk({
      'queue.complete': async () => {
        throw new GatewayError({ code: 'CONFLICT', message: '这张号刚刚被处理过了，请刷新后再试' });
      },
    });
    fireEvent.click(screen.getByText('完成'));
    expect(await screen.findByText('✕ 这张号刚刚被处理过了，请刷新后再试')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('刚刚被处理过了');
    await waitFor(() => expect(callsOf('queue.desk')).toHaveLength(2));
  });

  it('can call a missed ticket again', async () => {
    const missed = staffTicketFixture({
      id: 't-2',
      number: 2,
      label: 'B002',
      status: 'missed',
      ahead: 0,
      requeueUntil: '2026-11-25T18:40:00+08:00',
    });
    await openQueueDesk({
      'queue.desk': async () =>
        queueDeskFixture({ tickets: [...queueDeskFixture().tickets, missed] }),
      'queue.recall': async () => queueDeskFixture(),
    });
    expect(screen.getByText('过号（1 位，保留时间内可重新排队）')).toBeTruthy();
    expect(screen.getByText('保留到 18:40')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重呼 B002' }));
    await waitFor(() => expect(callsOf('queue.recall')).toEqual([{ ticketId: 't-2' }]));
  });

  it('follows the line live: a newer version of this line re-fetches the desk', async () => {
    await openQueueDesk();
    act(() => emitLine(lineFixture({ version: 10 }))); // the version on screen
    act(() => emitLine(lineFixture({ queue: 'health', version: 50 }))); // another line
    expect(callsOf('queue.desk')).toHaveLength(1);

    act(() => emitLine(lineFixture({ version: 12 })));
    await waitFor(() => expect(callsOf('queue.desk')).toHaveLength(2));
  });

  it('lists the next six of a long line, the title counting everyone', async () => {
    // The server lists the head of the line only; line.waiting counts all 40.
    const waiting = Array.from({ length: 6 }, (_, i) =>
      staffTicketFixture({ id: `t-${i + 10}`, number: i + 10, label: `B0${i + 10}`, ahead: i }),
    );
    const { container } = await openQueueDesk({
      'queue.desk': async () =>
        queueDeskFixture({ line: lineFixture({ waiting: 40 }), tickets: waiting }),
    });
    await screen.findByText('等待中（40 位），下面是前 6 位');
    const labels = [...container.querySelectorAll('.bdb-qr .bdb-qr__l')].map((l) => l.textContent);
    expect(labels).toEqual(['B010', 'B011', 'B012', 'B013', 'B014', 'B015']);
  });

  it('a line pushed while 叫下一位 is on its way is not fetched again: the answer carries it', async () => {
    let answer: (desk: QueueDesk) => void = () => undefined;
    await openQueueDesk({
      'queue.callNext': () => new Promise<QueueDesk>((resolve) => (answer = resolve)),
    });
    fireEvent.click(screen.getByText('叫下一位'));
    // CloudBase pushes the committed change before the function answers.
    act(() => emitLine(lineFixture({ nowCalling: 'B004', waiting: 1, version: 11 })));
    await act(async () => answer(afterCallNext()));
    expect(screen.getByText('等待中（1 位）')).toBeTruthy();
    expect(callsOf('queue.desk')).toHaveLength(1);
  });

  it('a line pushed while the answer is on its way, newer than the answer, is fetched once', async () => {
    let answer: (desk: QueueDesk) => void = () => undefined;
    await openQueueDesk({
      'queue.callNext': () => new Promise<QueueDesk>((resolve) => (answer = resolve)),
    });
    fireEvent.click(screen.getByText('叫下一位'));
    act(() => emitLine(lineFixture({ version: 14 }))); // someone joined after the call
    await act(async () => answer(afterCallNext()));
    await waitFor(() => expect(callsOf('queue.desk')).toHaveLength(2));
  });

  it('a second tap while an action is on its way is refused in words, not sent', async () => {
    let answer: (desk: QueueDesk) => void = () => undefined;
    await openQueueDesk({
      'queue.callNext': () => new Promise<QueueDesk>((resolve) => (answer = resolve)),
    });
    fireEvent.click(screen.getByText('叫下一位'));
    fireEvent.click(screen.getByText('叫下一位'));
    expect(await screen.findByText('✕ 上一步还在处理，请稍候再点')).toBeTruthy();
    await act(async () => answer(afterCallNext()));
    expect(callsOf('queue.callNext')).toHaveLength(1);
  });

  describe('settings', () => {
    const field = (label: string) => screen.getByLabelText(label);
    const type = (label: string, value: string) =>
      fireEvent.change(field(label), { target: { value } });

    it('explains wrong values next to the field without sending', async () => {
      await openQueueDesk();
      expect((field('名额') as HTMLInputElement).value).toBe('100');
      type('名额', '0');
      type('截止取号时间', '8点');
      fireEvent.click(screen.getByText('保存设置'));
      expect(screen.getByText('✕ 名额请填 1 到 999 之间的整数')).toBeTruthy();
      expect(screen.getByText('✕ 截止取号时间请按 19:30 这样的格式填写')).toBeTruthy();
      expect(callsOf('queue.configure')).toHaveLength(0);
    });

    it('sends only what changed and confirms', async () => {
      await openQueueDesk({
        'queue.configure': async () =>
          queueDeskFixture({
            config: { capacity: 60, lastJoin: '19:40', graceMinutes: 10, defaultServiceMinutes: 5 },
          }),
      });
      type('名额', '60');
      type('截止取号时间', '19：40');
      fireEvent.click(screen.getByText('保存设置'));
      expect(await screen.findByText('✓ 设置已保存')).toBeTruthy();
      expect(callsOf('queue.configure')).toEqual([{ ...LINE, capacity: 60, lastJoin: '19:40' }]);
    });

    it('puts a server error on its field', async () => {
      await openQueueDesk({
        'queue.configure': async () => {
          throw new GatewayError({
            code: 'BAD_INPUT',
            message: '过号保留分钟数（graceMinutes）不正确',
            field: 'graceMinutes',
          });
        },
      });
      type('过号保留分钟', '30');
      fireEvent.click(screen.getByText('保存设置'));
      expect(await screen.findByText('✕ 过号保留分钟数（graceMinutes）不正确')).toBeTruthy();
    });
  });

  describe('walk-in', () => {
    it('needs a note, then shows the issued label big enough for a slip (wherever it stands in line)', async () => {
      const issued = staffTicketFixture({
        id: 't-9',
        number: 9,
        label: 'B009',
        walkIn: true,
        note: '李大爷，拐杖',
      });
      // The desk lists only the head of the line: the number issued comes apart from it.
      await openQueueDesk({ 'queue.addWalkIn': async () => ({ ...queueDeskFixture(), issued }) });

      fireEvent.click(screen.getByText('添加现场号'));
      expect(screen.getByText('✕ 请填写称呼或特征，方便叫号时认人')).toBeTruthy();
      expect(callsOf('queue.addWalkIn')).toHaveLength(0);

      fireEvent.change(screen.getByLabelText('现场号备注'), {
        target: { value: ' 李大爷，拐杖 ' },
      });
      fireEvent.click(screen.getByText('添加现场号'));

      const label = await screen.findByText('B009', { selector: '.bdb-walk-in__label' });
      expect(label).toBeTruthy();
      expect(screen.getByText('现场号（李大爷，拐杖）')).toBeTruthy();
      const [input] = callsOf('queue.addWalkIn');
      expect(input).toEqual({ ...LINE, note: '李大爷，拐杖', requestId: expect.any(String) });
      expect((screen.getByLabelText('现场号备注') as HTMLInputElement).value).toBe('');
    });
  });

  it('shows FORBIDDEN inline for someone who is not staff here', async () => {
    routeCalls({
      'queue.desk': async () => {
        throw new GatewayError({ code: 'FORBIDDEN', message: '只有本社区的社工可以这样做' });
      },
    });
    render(<QueueDeskPage />);
    expect(await screen.findByText('只有本社区的社工可以这样做')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
