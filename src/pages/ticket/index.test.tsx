import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GatewayError } from '@/lib/gateway';
import { noteServerTime, resetServerClock } from '@/lib/server-clock';
import { formatClock } from '@/lib/shanghai-time';
import { CALL_PATTERN, NEAR_PATTERN } from '@/lib/vibrate';
import { lineFixture, myCompanionFixture, ticketFixture } from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import {
  emitAlert,
  emitLine,
  resetLineFeed,
  subscribedCommunities,
} from '@/test-utils/mock-line-feed';
import type { RequestCompanionInput, Ticket } from '@/types/contract';
import {
  reLaunch,
  resetTaroDouble,
  setRouterParams,
  triggerPullDownRefresh,
} from '../../../tests/doubles/taro';
import TicketPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));
jest.mock('@/lib/live/line-feed', () => jest.requireActual('@/test-utils/mock-line-feed'));

const vibrate = jest.fn((_pattern: number | number[]) => true);
/** How often the call's pattern was started. */
const callBuzzes = () => vibrate.mock.calls.filter(([p]) => p === CALL_PATTERN).length;

beforeAll(() => {
  Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
});

beforeEach(() => {
  resetTaroDouble();
  resetLineFeed();
  callMock.mockReset();
  vibrate.mockClear();
  setRouterParams({ id: 't-7' });
});

/** `queue.mine` answers whatever `current` holds at the time of the call. */
function serveMine(initial: Ticket[]) {
  const state = { current: initial };
  routeCalls({ 'queue.mine': async () => state.current });
  return state;
}

/** Lets answers already on their way land inside act(). */
async function settle() {
  await act(async () => {
    await Promise.resolve();
  });
}

const liveRegion = (container: HTMLElement) =>
  container.querySelector<HTMLElement>('[aria-live="assertive"]');

describe('ticket page', () => {
  it('shows the label, the line, the status, how many are ahead and the estimate', async () => {
    serveMine([ticketFixture()]);
    const { container } = render(<TicketPage />);

    expect(await screen.findByText('前面还有 4 位')).toBeTruthy();
    expect(container.querySelector('.bdb-ticket__label')?.textContent).toBe('B007');
    expect(container.querySelector('.bdb-ticket__line')?.textContent).toBe('图书阅览');
    expect(container.querySelector('.bdb-ticket__status')?.textContent).toBe('排队中');
    expect(screen.getByText('预计等待约 20 分钟')).toBeTruthy();
    expect(container.querySelector('.bdb-called')).toBeNull();
    // Live: the feed of the ticket's community is followed.
    expect(subscribedCommunities()).toEqual(['jinse']);
  });

  it('says 即将轮到您 when nobody is ahead, with the near banner', async () => {
    serveMine([ticketFixture({ ahead: 0, estimatedWaitMinutes: 0 })]);
    render(<TicketPage />);
    expect(await screen.findByText('即将轮到您')).toBeTruthy();
    expect(screen.getByText('B007：下一位就是您，请回到服务台附近')).toBeTruthy();
    // Already close when the page opened: no buzz for that.
    expect(vibrate).not.toHaveBeenCalled();
  });

  it('moves up on a line update without asking the server', async () => {
    serveMine([ticketFixture()]);
    const { container } = render(<TicketPage />);
    await screen.findByText('前面还有 4 位');

    // B004 was called: two wait ahead of B007 now, 5 minutes each.
    act(() =>
      emitLine(
        lineFixture({
          nowCalling: 'B004',
          calledNumbers: [4],
          waitingNumbers: [5, 6, 7, 8],
          waiting: 4,
          version: 11,
        }),
      ),
    );
    expect(screen.getByText('前面还有 2 位')).toBeTruthy();
    expect(screen.getByText('预计等待约 10 分钟')).toBeTruthy();
    expect(container.querySelector('.bdb-ticket__status')?.textContent).toBe('排队中');

    // One more served, tonight's average now 4.3 minutes: close to the desk, banner and buzz.
    act(() =>
      emitLine(lineFixture({ waitingNumbers: [6, 7, 8], serviceMinutes: 4.3, version: 13 })),
    );
    expect(screen.getByText('前面还有 1 位')).toBeTruthy();
    expect(screen.getByText('预计等待约 5 分钟')).toBeTruthy();
    expect(screen.getByText('B007：前面还有 1 位，请回到服务台附近')).toBeTruthy();
    expect(vibrate).toHaveBeenCalledWith(NEAR_PATTERN);
    await settle();
    expect(callsOf('queue.mine')).toHaveLength(1);
  });

  it('holding two numbers, renders both lines\u2019 first states from the watch without asking again', async () => {
    const health = ticketFixture({
      id: 't-h2',
      queue: 'health',
      queueName: '健康检测',
      number: 2,
      label: 'A002',
      ahead: 1,
      estimatedWaitMinutes: 5,
    });
    serveMine([ticketFixture(), health]);
    render(<TicketPage />);
    await screen.findByText('前面还有 4 位');

    // The watch's first snapshot: every line of the community, mine among them, as they stand.
    act(() => {
      emitLine(lineFixture({ waitingNumbers: [5, 6, 7, 8], version: 11 }));
      emitLine(
        lineFixture({
          queue: 'health',
          name: '健康检测',
          prefix: 'A',
          waitingNumbers: [2],
          calledNumbers: [1],
          version: 4,
        }),
      );
    });
    expect(screen.getByText('前面还有 2 位')).toBeTruthy();
    expect(screen.getByText('B007：前面还有 2 位，请回到服务台附近')).toBeTruthy();
    await settle();
    expect(callsOf('queue.mine')).toHaveLength(1);
  });

  it('switches to the called state on a line update, vibrates, and can be dismissed', async () => {
    serveMine([ticketFixture()]);
    const { container } = render(<TicketPage />);
    await screen.findByText('前面还有 4 位');
    expect(liveRegion(container)?.textContent).toBe('');

    const calling = {
      nowCalling: 'B007',
      nowCallingAt: '2026-11-25T18:40:00+08:00',
      calledNumbers: [7],
      waitingNumbers: [8],
    };
    act(() => emitLine(lineFixture({ ...calling, version: 11 })));

    expect(screen.getByText('请到服务台')).toBeTruthy();
    const overlay = container.querySelector('.bdb-called');
    expect(overlay?.querySelector('.bdb-called__label')?.textContent).toBe('B007');
    expect(overlay?.getAttribute('role')).toBe('dialog');
    expect(liveRegion(container)?.textContent).toBe('请 B007 到服务台');
    // Not one buzz but a pattern of long pulses, repeated until seen: felt in a pocket.
    expect(vibrate).toHaveBeenCalledWith(CALL_PATTERN);
    expect(callBuzzes()).toBe(1);

    // A stale or repeated version of the line changes nothing.
    act(() => emitLine(lineFixture({ ...calling, version: 11 })));
    act(() => emitLine(lineFixture({ version: 9 })));
    expect(screen.getByText('请到服务台')).toBeTruthy();

    fireEvent.click(screen.getByText('我知道了'));
    expect(container.querySelector('.bdb-called')).toBeNull();
    expect(container.querySelector('.bdb-ticket__status')?.textContent).toBe('已叫号，请到服务台');
    // Seen: the pulses still to come stop.
    expect(vibrate).toHaveBeenLastCalledWith(0);
    expect(callBuzzes()).toBe(1);

    // A recall (a new call time on the line) calls again, on screen and by vibration.
    act(() =>
      emitLine(lineFixture({ ...calling, nowCallingAt: '2026-11-25T18:43:00+08:00', version: 12 })),
    );
    expect(container.querySelector('.bdb-called')).toBeTruthy();
    expect(callBuzzes()).toBe(2);
    await settle();
    // All of it from the line alone: queue.mine only for the first load.
    expect(callsOf('queue.mine')).toHaveLength(1);
  });

  it('asks the server once when my number leaves the line (done or cancelled)', async () => {
    const mine = serveMine([
      ticketFixture({
        status: 'called',
        ahead: 0,
        estimatedWaitMinutes: null,
        calledAt: '2026-11-25T18:40:00+08:00',
      }),
    ]);
    const { container } = render(<TicketPage />);
    await screen.findByText('请到服务台');

    mine.current = [ticketFixture({ status: 'done', ahead: 0, estimatedWaitMinutes: null })];
    act(() =>
      emitLine(
        lineFixture({ nowCalling: 'B008', calledNumbers: [8], waitingNumbers: [], version: 11 }),
      ),
    );

    await waitFor(() =>
      expect(container.querySelector('.bdb-ticket__status')?.textContent).toBe('已完成'),
    );
    expect(container.querySelector('.bdb-called')).toBeNull();
    expect(callsOf('queue.mine')).toHaveLength(2);

    // Once known as done, the line's next changes cost nothing.
    act(() => emitLine(lineFixture({ calledNumbers: [9], waitingNumbers: [], version: 12 })));
    await settle();
    expect(callsOf('queue.mine')).toHaveLength(2);
  });

  it('asks for my tickets of the community in the link only (one read on the server)', async () => {
    setRouterParams({ id: 't-7', c: 'jinse' });
    serveMine([ticketFixture()]);
    render(<TicketPage />);
    await screen.findByText('前面还有 4 位');
    expect(callsOf('queue.mine')).toEqual([{ community: 'jinse' }]);
  });

  it('without ?c= asks across communities once, then for the community of my ticket', async () => {
    serveMine([ticketFixture()]);
    render(<TicketPage />);
    await screen.findByText('前面还有 4 位');
    act(() => triggerPullDownRefresh());
    await waitFor(() => expect(callsOf('queue.mine')).toHaveLength(2));
    expect(callsOf('queue.mine')).toEqual([{}, { community: 'jinse' }]);
  });

  describe('when the line stops taking numbers', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => {
      jest.useRealTimers();
      resetServerClock();
    });

    const notice = (container: HTMLElement) => container.querySelector('.bdb-line-stop');

    it('says last-join has passed at 19:30 by itself, and that my number keeps its place', async () => {
      // The server's time, as the tonight answer or the live feed told it.
      noteServerTime('2026-11-25T19:29:40+08:00');
      serveMine([ticketFixture()]);
      const { container } = render(<TicketPage />);
      await screen.findByText('前面还有 4 位');
      act(() => emitLine(lineFixture({ waitingNumbers: [3, 4, 5, 6, 7, 8], version: 11 })));
      expect(notice(container)).toBeNull();

      act(() => jest.advanceTimersByTime(21_000));
      expect(notice(container)?.getAttribute('role')).toBe('status');
      expect(notice(container)?.textContent).toContain('今晚取号已在 19:30 截止，您的号照常叫号');
      // The ticket itself is unchanged, and nobody asked the server.
      expect(screen.getByText('前面还有 4 位')).toBeTruthy();
      expect(callsOf('queue.mine')).toHaveLength(1);
    });

    it('says a pause at once, and says nothing once it is lifted', async () => {
      noteServerTime('2026-11-25T18:30:00+08:00');
      serveMine([ticketFixture()]);
      const { container } = render(<TicketPage />);
      await screen.findByText('前面还有 4 位');
      act(() => emitLine(lineFixture({ paused: true, accepting: false, version: 11 })));
      expect(notice(container)?.textContent).toContain('图书阅览暂停取号，您的号照常叫号');
      act(() => emitLine(lineFixture({ version: 12 })));
      expect(notice(container)).toBeNull();
    });
  });

  it('ignores changes on lines where I hold no ticket', async () => {
    serveMine([ticketFixture()]);
    render(<TicketPage />);
    await screen.findByText('前面还有 4 位');
    act(() => emitLine(lineFixture({ queue: 'health', waitingNumbers: [], version: 30 })));
    await settle();
    expect(screen.getByText('前面还有 4 位')).toBeTruthy();
    expect(callsOf('queue.mine')).toHaveLength(1);
  });

  it('calls at once on a your-turn alert', async () => {
    const called = ticketFixture({
      status: 'called',
      ahead: 0,
      estimatedWaitMinutes: null,
      calledAt: '2026-11-25T18:40:00+08:00',
    });
    serveMine([ticketFixture()]);
    const { container } = render(<TicketPage />);
    await screen.findByText('前面还有 4 位');

    act(() => emitAlert({ kind: 'your-turn', ticket: called }));

    expect(screen.getByText('请到服务台')).toBeTruthy();
    expect(liveRegion(container)?.textContent).toBe('请 B007 到服务台');
    expect(vibrate).toHaveBeenCalledWith(CALL_PATTERN);
    // The line state of the same call follows: no second buzz, and no call to the server.
    act(() =>
      emitLine(
        lineFixture({
          nowCalling: 'B007',
          nowCallingAt: called.calledAt,
          calledNumbers: [7],
          waitingNumbers: [8],
          version: 11,
        }),
      ),
    );
    await settle();
    expect(screen.getByText('请到服务台')).toBeTruthy();
    expect(vibrate).toHaveBeenCalledTimes(1);
    expect(callsOf('queue.mine')).toHaveLength(1);
  });

  it('shows the 3-ahead banner with a firm vibration on the alert', async () => {
    serveMine([ticketFixture()]);
    render(<TicketPage />);
    await screen.findByText('前面还有 4 位');

    act(() => emitAlert({ kind: 'three-ahead', ticket: ticketFixture({ ahead: 3 }) }));

    expect(screen.getByText('B007：前面还有 3 位，请回到服务台附近')).toBeTruthy();
    expect(vibrate).toHaveBeenCalledWith(NEAR_PATTERN);
    await settle();
    expect(vibrate).toHaveBeenCalledTimes(1);
  });

  it('cancels only after a second, confirming tap', async () => {
    routeCalls({
      'queue.mine': async () => [ticketFixture()],
      'queue.cancel': async () => ticketFixture({ status: 'cancelled', ahead: 0 }),
    });
    const { container } = render(<TicketPage />);
    await screen.findByText('前面还有 4 位');

    fireEvent.click(screen.getByText('取消排队'));
    expect(callsOf('queue.cancel')).toHaveLength(0);
    expect(screen.getByText('取消后这个号就作废了，确定不排了吗？')).toBeTruthy();

    fireEvent.click(screen.getByText('不取消'));
    expect(screen.queryByText('确认取消')).toBeNull();
    fireEvent.click(screen.getByText('取消排队'));
    fireEvent.click(screen.getByText('确认取消'));

    await waitFor(() =>
      expect(container.querySelector('.bdb-ticket__status')?.textContent).toBe('已取消'),
    );
    expect(callsOf('queue.cancel')).toEqual([{ ticketId: 't-7' }]);
    expect(screen.queryByText('取消排队')).toBeNull();
  });

  it('shows a failed cancel inline in Chinese', async () => {
    routeCalls({
      'queue.mine': async () => [ticketFixture()],
      'queue.cancel': async () => {
        throw new GatewayError({ code: 'CONFLICT', message: '这张号已完成，不能这样操作' });
      },
    });
    render(<TicketPage />);
    await screen.findByText('前面还有 4 位');
    fireEvent.click(screen.getByText('取消排队'));
    fireEvent.click(screen.getByText('确认取消'));
    expect(await screen.findByText('✕ 这张号已完成，不能这样操作')).toBeTruthy();
    // Put away, the failed cancel's message goes with it.
    fireEvent.click(screen.getByText('不取消'));
    expect(screen.queryByText('✕ 这张号已完成，不能这样操作')).toBeNull();
  });

  describe('a missed ticket', () => {
    /**
     * As the server answers: seconds left measured on its clock (here the same as the test's);
     * after the deadline, neither the deadline nor seconds.
     */
    const missed = (
      requeueUntil: string | null,
      secondsLeft = requeueUntil === null
        ? null
        : Math.ceil((Date.parse(requeueUntil) - Date.now()) / 1000),
    ) => {
      const open = secondsLeft !== null && secondsLeft > 0;
      return ticketFixture({
        status: 'missed',
        ahead: 0,
        estimatedWaitMinutes: null,
        requeueUntil: open ? requeueUntil : null,
        requeueSecondsLeft: open ? secondsLeft : null,
      });
    };

    it('offers 重新排队 with the deadline while it lasts', async () => {
      const until = new Date(Date.now() + 5 * 60_000).toISOString();
      routeCalls({
        'queue.mine': async () => [missed(until)],
        'queue.requeue': async () => ticketFixture({ ahead: 2, estimatedWaitMinutes: 10 }),
      });
      render(<TicketPage />);

      expect(await screen.findByText('已过号')).toBeTruthy();
      expect(
        screen.getByText(`请在 ${formatClock(until)} 前重新排队，前面最多还有 2 位`),
      ).toBeTruthy();
      fireEvent.click(screen.getByText('重新排队'));

      expect(await screen.findByText('前面还有 2 位')).toBeTruthy();
      expect(callsOf('queue.requeue')).toEqual([{ ticketId: 't-7' }]);
    });

    it('does not offer it once the server says the deadline has passed', async () => {
      serveMine([missed(new Date(Date.now() - 60_000).toISOString())]);
      render(<TicketPage />);
      expect(await screen.findByText('过号已超过保留时间，如需服务请重新取号')).toBeTruthy();
      expect(screen.queryByText('重新排队')).toBeNull();
    });

    it('takes the button away when the deadline passes on screen', async () => {
      serveMine([missed(new Date(Date.now() + 800).toISOString())]);
      render(<TicketPage />);
      expect(await screen.findByText('重新排队')).toBeTruthy();
      await waitFor(() => expect(screen.queryByText('重新排队')).toBeNull(), { timeout: 3000 });
      expect(screen.getByText('过号已超过保留时间，如需服务请重新取号')).toBeTruthy();
    });

    it('is missed from the line at once, and asks the server once for the time left', async () => {
      const until = new Date(Date.now() + 10 * 60_000).toISOString();
      const mine = serveMine([
        ticketFixture({
          status: 'called',
          ahead: 0,
          estimatedWaitMinutes: null,
          calledAt: '2026-11-25T18:40:00+08:00',
        }),
      ]);
      const { container } = render(<TicketPage />);
      await screen.findByText('请到服务台');

      let answer: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        answer = resolve;
      });
      routeCalls({
        'queue.mine': async () => {
          await held;
          return mine.current;
        },
      });
      mine.current = [missed(until)];
      act(() =>
        emitLine(
          lineFixture({
            nowCalling: null,
            nowCallingAt: null,
            calledNumbers: [],
            waitingNumbers: [8],
            missed: [{ number: 7, requeueUntil: until }],
            version: 11,
          }),
        ),
      );
      // Missed on screen before the answer, without a wrong "too late".
      expect(container.querySelector('.bdb-ticket__status')?.textContent).toBe('已过号');
      expect(container.querySelector('.bdb-called')).toBeNull();
      expect(screen.getByText('正在查看能否重新排队…')).toBeTruthy();
      expect(screen.queryByText('重新排队')).toBeNull();

      await act(async () => answer());
      expect(await screen.findByText('重新排队')).toBeTruthy();
      expect(
        screen.getByText(`请在 ${formatClock(until)} 前重新排队，前面最多还有 2 位`),
      ).toBeTruthy();
      expect(callsOf('queue.mine')).toHaveLength(2);

      // The same deadline on the next line state: the countdown is kept, nothing is asked.
      act(() =>
        emitLine(
          lineFixture({
            nowCalling: 'B008',
            calledNumbers: [8],
            waitingNumbers: [],
            missed: [{ number: 7, requeueUntil: until }],
            version: 12,
          }),
        ),
      );
      await settle();
      expect(screen.getByText('重新排队')).toBeTruthy();
      expect(callsOf('queue.mine')).toHaveLength(2);
    });

    it("trusts the server's seconds left over the phone's own clock", async () => {
      // The demo clock (or a wrong phone clock) makes the deadline look long past here.
      serveMine([missed('2020-01-01T18:40:00+08:00', 300)]);
      render(<TicketPage />);
      expect(await screen.findByText('重新排队')).toBeTruthy();
    });

    it('has no deadline when the server gave none', async () => {
      serveMine([missed(null)]);
      render(<TicketPage />);
      expect(await screen.findByText('过号已超过保留时间，如需服务请重新取号')).toBeTruthy();
      expect(screen.queryByText('重新排队')).toBeNull();
    });
  });

  it('lists all my tickets tonight and switches between them', async () => {
    serveMine([
      ticketFixture(),
      ticketFixture({
        id: 't-12',
        queue: 'health',
        queueName: '健康检测',
        label: 'A012',
        status: 'done',
        ahead: 0,
        estimatedWaitMinutes: null,
      }),
    ]);
    const { container } = render(<TicketPage />);
    expect(await screen.findByText('今晚我的号（2 张）')).toBeTruthy();
    expect(screen.getByText('排队中（正在查看）')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /A012\s*健康检测\s*已完成/ }));
    expect(container.querySelector('.bdb-ticket__label')?.textContent).toBe('A012');
    expect(screen.getByText('已完成（正在查看）')).toBeTruthy();
  });

  it('without an id shows the ticket that matters most; with none, says so', async () => {
    setRouterParams({});
    serveMine([]);
    render(<TicketPage />);
    expect(await screen.findByText('今晚还没有取号')).toBeTruthy();
    expect(subscribedCommunities()).toEqual([]);
    fireEvent.click(screen.getByText('回到今晚服务'));
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/tonight/index' });
  });

  it('shows a load failure inline with retry', async () => {
    let attempts = 0;
    routeCalls({
      'queue.mine': async () => {
        attempts += 1;
        if (attempts === 1) throw new GatewayError({ code: 'INTERNAL', message: '网络不给力' });
        return [ticketFixture()];
      },
    });
    render(<TicketPage />);
    fireEvent.click(await screen.findByText('重试'));
    expect(await screen.findByText('前面还有 4 位')).toBeTruthy();
  });

  describe('需要社工陪同', () => {
    const granted = async (input: RequestCompanionInput) =>
      myCompanionFixture({ ref: input.ref, note: input.note ?? '' });
    const noteField = () => screen.getByLabelText('想告诉社工的话（选填）') as HTMLInputElement;
    const RECEIVED = '已收到您的陪同请求，社工会到服务台陪您';

    it('tells the social workers with the ticket and an optional note, and says so in text', async () => {
      routeCalls({
        'queue.mine': async () => [ticketFixture()],
        'roster.companionOf': async () => null,
        'roster.requestCompanion': granted,
      });
      render(<TicketPage />);
      await screen.findByText('前面还有 4 位');
      expect(await screen.findByText('需要社工陪同')).toBeTruthy();
      expect(callsOf('roster.companionOf')).toEqual([{ kind: 'ticket', ref: 't-7' }]);
      expect(screen.queryByLabelText('想告诉社工的话（选填）')).toBeNull();

      fireEvent.click(screen.getByText('需要社工陪同'));
      expect(noteField().placeholder).toBe('如：听障，请用文字沟通');
      expect(noteField().getAttribute('maxlength')).toBe('40');
      expect(screen.getByText('只有值班社工能看到您的留言，服务夜过后自动删除')).toBeTruthy();
      fireEvent.change(noteField(), { target: { value: ' 听障，请用文字沟通 ' } });
      fireEvent.click(screen.getByText('通知社工'));

      const done = await screen.findByText(RECEIVED);
      expect(done.closest('[role="status"]')).toBeTruthy();
      expect(screen.getByText('您的留言：听障，请用文字沟通')).toBeTruthy();
      expect(callsOf('roster.requestCompanion')).toEqual([
        { kind: 'ticket', ref: 't-7', note: '听障，请用文字沟通' },
      ]);
      expect(screen.queryByText('需要社工陪同')).toBeNull();
    });

    it('after a reload shows who accompanies instead of the button', async () => {
      routeCalls({
        'queue.mine': async () => [ticketFixture()],
        'roster.companionOf': async () =>
          myCompanionFixture({ status: 'assigned', workerName: '李社工', note: '听障' }),
      });
      render(<TicketPage />);
      const state = await screen.findByText('李社工陪同您，请在服务台稍候');
      expect(state.closest('[role="status"]')).toBeTruthy();
      expect(screen.getByText('您的留言：听障')).toBeTruthy();
      expect(screen.queryByText('需要社工陪同')).toBeNull();
      expect(callsOf('roster.requestCompanion')).toHaveLength(0);
    });

    it('sends no note when none is typed, and can be put away', async () => {
      routeCalls({
        'queue.mine': async () => [ticketFixture()],
        'roster.companionOf': async () => null,
        'roster.requestCompanion': granted,
      });
      render(<TicketPage />);
      fireEvent.click(await screen.findByText('需要社工陪同'));
      fireEvent.click(screen.getByText('先不用'));
      expect(screen.queryByLabelText('想告诉社工的话（选填）')).toBeNull();
      expect(callsOf('roster.requestCompanion')).toHaveLength(0);

      fireEvent.click(screen.getByText('需要社工陪同'));
      fireEvent.click(screen.getByText('通知社工'));
      await screen.findByText(RECEIVED);
      expect(callsOf('roster.requestCompanion')[0]).not.toHaveProperty('note');
    });

    it('shows a failure in an alert and asks again for the same ticket', async () => {
      let attempts = 0;
      routeCalls({
        'queue.mine': async () => [ticketFixture()],
        'roster.companionOf': async () => null,
        'roster.requestCompanion': async (input) => {
          attempts += 1;
          if (attempts === 1) throw new GatewayError({ code: 'INTERNAL', message: '网络不给力' });
          return granted(input);
        },
      });
      render(<TicketPage />);
      fireEvent.click(await screen.findByText('需要社工陪同'));
      fireEvent.click(screen.getByText('通知社工'));
      expect((await screen.findByRole('alert')).textContent).toBe('✕ 网络不给力');
      expect(screen.queryByText(RECEIVED)).toBeNull();

      fireEvent.click(screen.getByText('通知社工'));
      expect(await screen.findByText(RECEIVED)).toBeTruthy();
      // The server keeps one request per ticket: the retry names the same ticket.
      const [first, second] = callsOf('roster.requestCompanion');
      expect(second).toEqual(first);
    });

    it('is not offered once the ticket is over', async () => {
      serveMine([ticketFixture({ status: 'done', ahead: 0, estimatedWaitMinutes: null })]);
      const { container } = render(<TicketPage />);
      await waitFor(() =>
        expect(container.querySelector('.bdb-ticket__status')?.textContent).toBe('已完成'),
      );
      expect(screen.queryByText('需要社工陪同')).toBeNull();
    });
  });
});
