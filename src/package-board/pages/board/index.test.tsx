import { act, fireEvent, render, screen } from '@testing-library/react';
import {
  boardFixture,
  lineFixture,
  noticeSummaryFixture,
  tonightFixture,
} from '@/test-utils/fixtures';
import { callMock, callsOf, routeCalls } from '@/test-utils/mock-gateway';
import { emitLine, resetLineFeed, subscribedCommunities } from '@/test-utils/mock-line-feed';
import { resetTaroDouble, setRouterParams } from '../../../../tests/doubles/taro';
import BoardPage from './index';

jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));
jest.mock('@/lib/live/line-feed', () => jest.requireActual('@/test-utils/mock-line-feed'));

beforeEach(() => {
  resetTaroDouble();
  resetLineFeed();
  callMock.mockReset();
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

async function flush() {
  await act(async () => {
    await Promise.resolve();
  });
}

/** The blood-pressure line's state, as the feed would push it. */
const bp = (overrides: Parameters<typeof lineFixture>[0] = {}) =>
  lineFixture({
    queue: 'bp',
    name: '血压测量',
    prefix: 'A',
    nowCalling: 'A002',
    recentlyCalled: ['A002', 'A001'],
    ...overrides,
  });

async function openBoard() {
  setRouterParams({ c: 'jinse' });
  routeCalls({
    'community.tonight': async () => tonightFixture(),
    'queue.board': async () => boardFixture({ lines: [bp()] }),
  });
  const view = render(<BoardPage />);
  await flush();
  await flush();
  return view;
}

const panel = (container: HTMLElement) => container.querySelector<HTMLElement>('.bdb-board__queue');
/** The earlier calls of the first panel, as its chips show them. */
const recent = (container: HTMLElement) =>
  [...container.querySelectorAll('.bdb-board__queue .bdb-board__queue-chip')].map(
    (chip) => chip.textContent,
  );
const stateWords = (container: HTMLElement) =>
  container.querySelector('.bdb-board__queue-state')?.textContent;

describe('TV board', () => {
  it('shows the open status, the server clock and each walk-in line with its number', async () => {
    const { container } = await openBoard();

    expect(screen.getByText('金色里程')).toBeTruthy();
    expect(screen.getByText('18:30')).toBeTruthy();
    expect(screen.getByText('● 开放中 17:00–20:00')).toBeTruthy();
    expect(screen.getByText('血压测量')).toBeTruthy();
    expect(screen.queryByText('家电维修')).toBeNull();
    expect(panel(container)?.querySelector('.bdb-board__queue-now')?.textContent).toBe('A002');
    expect(screen.getByText('等待 5 位')).toBeTruthy();
    expect(screen.getByText('● 取号中')).toBeTruthy();
    expect(recent(container)).toEqual(['A001']);
    expect(callsOf('queue.board')).toEqual([{ community: 'jinse' }]);
    expect(subscribedCommunities()).toEqual(['jinse']);
    expect(panel(container)?.className).not.toContain('bdb-board__queue--flash');
  });

  it('says paused in words', async () => {
    await openBoard();
    act(() => emitLine(bp({ paused: true, accepting: false, version: 11 })));
    expect(screen.getByText('⏸ 暂停取号')).toBeTruthy();
  });

  it('shows the last five calls when nobody is at the desk', async () => {
    const { container } = await openBoard();
    act(() =>
      emitLine(
        bp({
          nowCalling: null,
          nowCallingAt: null,
          recentlyCalled: ['A005', 'A004', 'A003', 'A002', 'A001'],
          version: 11,
        }),
      ),
    );
    expect(panel(container)?.querySelector('.bdb-board__queue-now')?.textContent).toBe('—');
    expect(recent(container)).toEqual(['A005', 'A004', 'A003', 'A002', 'A001']);
  });

  it('says 取号已截止 at 19:30 by the server’s clock, with no new state and no call', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({
      'community.tonight': async () => tonightFixture({ now: '2026-11-25T19:29:45+08:00' }),
      'queue.board': async () => boardFixture({ lines: [bp()], now: '2026-11-25T19:29:45+08:00' }),
    });
    const { container } = render(<BoardPage />);
    await flush();
    await flush();
    expect(stateWords(container)).toBe('● 取号中');

    act(() => jest.advanceTimersByTime(16_000));
    expect(stateWords(container)).toBe('■ 取号已截止');
    expect(screen.getByText('19:30')).toBeTruthy();
    expect(callsOf('community.tonight')).toHaveLength(1);
    expect(callsOf('queue.board')).toHaveLength(1);
  });

  it('says 今晚已结束 at 20:00 and keeps the lines up while someone still waits', async () => {
    setRouterParams({ c: 'jinse' });
    let waiting = 2;
    // Both answers carry the server's time, as one server makes them.
    let serverNow = '2026-11-25T19:59:50+08:00';
    routeCalls({
      'community.tonight': async () => tonightFixture({ now: serverNow }),
      'queue.board': async () =>
        boardFixture({
          lines: [bp({ waiting, waitingNumbers: waiting ? [3, 4] : [] })],
          now: serverNow,
        }),
    });
    const { container } = render(<BoardPage />);
    await flush();
    await flush();
    expect(stateWords(container)).toBe('■ 取号已截止');

    serverNow = '2026-11-25T20:00:00+08:00';
    await act(async () => {
      jest.advanceTimersByTime(11_000);
    });
    await flush();
    expect(screen.getByText('○ 今晚服务已结束')).toBeTruthy();
    expect(stateWords(container)).toBe('■ 今晚已结束');
    expect(panel(container)?.querySelector('.bdb-board__queue-now')?.textContent).toBe('A002');
    // Closing loaded the board once more; the desk finishing the line takes it off the screen.
    expect(callsOf('queue.board')).toHaveLength(2);
    waiting = 0;
    act(() =>
      emitLine(
        bp({ nowCalling: null, waiting: 0, waitingNumbers: [], calledNumbers: [], version: 20 }),
      ),
    );
    expect(container.querySelector('.bdb-board__queue')).toBeNull();
    expect(screen.getByText('○ 今晚服务已结束')).toBeTruthy();
  });

  it('flashes the panel for about 3 s when the number called changes', async () => {
    const { container } = await openBoard();

    act(() => emitLine(bp({ nowCalling: 'A003', version: 11 })));
    expect(panel(container)?.querySelector('.bdb-board__queue-now')?.textContent).toBe('A003');
    expect(panel(container)?.className).toContain('bdb-board__queue--flash');

    // Other changes (someone joins) do not flash.
    act(() => jest.advanceTimersByTime(3000));
    expect(panel(container)?.className).not.toContain('bdb-board__queue--flash');
    act(() => emitLine(bp({ nowCalling: 'A003', waiting: 6, version: 12 })));
    expect(panel(container)?.className).not.toContain('bdb-board__queue--flash');
    // An older version arriving late changes nothing.
    act(() => emitLine(bp({ nowCalling: 'A001', version: 9 })));
    expect(panel(container)?.querySelector('.bdb-board__queue-now')?.textContent).toBe('A003');
    // A recall of the same number is a new call: it flashes again.
    act(() =>
      emitLine(bp({ nowCalling: 'A003', nowCallingAt: '2026-11-25T18:33:00+08:00', version: 13 })),
    );
    expect(panel(container)?.className).toContain('bdb-board__queue--flash');
  });

  describe('voice', () => {
    const speak = jest.fn();

    beforeEach(() => {
      speak.mockClear();
      Object.assign(window, { speechSynthesis: { speak } });
      Object.assign(globalThis, {
        SpeechSynthesisUtterance: class {
          lang = '';
          rate = 1;
          constructor(public text: string) {}
        },
      });
    });

    afterEach(() => {
      Reflect.deleteProperty(window, 'speechSynthesis');
      Reflect.deleteProperty(globalThis, 'SpeechSynthesisUtterance');
    });

    const spoken = () => speak.mock.calls.map(([u]) => (u as { text: string }).text);

    it('is off by default: the flash happens, nothing is said', async () => {
      const { container } = await openBoard();
      expect(screen.getByText('语音播报：关')).toBeTruthy();
      act(() => emitLine(bp({ nowCalling: 'A003', version: 11 })));
      expect(panel(container)?.className).toContain('bdb-board__queue--flash');
      expect(speak).not.toHaveBeenCalled();
    });

    it('speaks each new call once switched on', async () => {
      const { container } = await openBoard();
      fireEvent.click(screen.getByText('语音播报：关'));
      expect(screen.getByText('语音播报：开')).toBeTruthy();

      act(() => emitLine(bp({ nowCalling: 'A003', version: 11 })));
      expect(spoken()).toEqual(['语音播报已打开', '请 A003 号到血压测量服务台']);
      expect(panel(container)?.className).toContain('bdb-board__queue--flash');

      fireEvent.click(screen.getByText('语音播报：开'));
      act(() => emitLine(bp({ nowCalling: 'A004', version: 12 })));
      expect(spoken()).toHaveLength(2);
    });
  });

  it('has no voice toggle where the browser cannot speak', async () => {
    await openBoard();
    expect(screen.queryByText(/语音播报/)).toBeNull();
  });

  it('shows the next opening when closed, with no lines and no live feed', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({
          serviceEvening: false,
          open: false,
          nextOpening: '2026-12-02T17:00:00+08:00',
        }),
    });
    const { container } = render(<BoardPage />);
    await flush();
    expect(screen.getByText('○ 今晚未开放')).toBeTruthy();
    expect(screen.getByText('下次开放：12月2日 周三 17:00')).toBeTruthy();
    expect(container.querySelector('.bdb-board__queue')).toBeNull();
    expect(callsOf('queue.board')).toHaveLength(0);
    expect(subscribedCommunities()).toEqual([]);
  });

  it('polls the evening status every 30 seconds, the lines only live', async () => {
    await openBoard();
    expect(callsOf('community.tonight')).toHaveLength(1);

    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    expect(callsOf('community.tonight')).toHaveLength(2);
    expect(callsOf('queue.board')).toHaveLength(1);
  });
});

describe('今晚活动 strip', () => {
  const strip = (container: HTMLElement) =>
    container.querySelector<HTMLElement>('.bdb-activity-strip');
  const items = (container: HTMLElement) =>
    [...container.querySelectorAll('.bdb-activity-strip__item')].map((i) => i.textContent);

  const calligraphy = {
    name: '书法体验课',
    startsAt: '18:30',
    endsAt: '19:30',
    place: '二楼活动室',
  };
  const reading = { name: '少儿绘本阅读', startsAt: '19:00', endsAt: '20:00', place: '图书角' };

  it('shows tonight’s activities from the board: time, name and place', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({
      'community.tonight': async () => tonightFixture(),
      'queue.board': async () =>
        boardFixture({ lines: [bp()], activities: [calligraphy, reading] }),
    });
    const { container } = render(<BoardPage />);
    await flush();
    await flush();

    expect(strip(container)?.getAttribute('aria-label')).toBe('今晚活动');
    expect(screen.getByText('今晚活动')).toBeTruthy();
    expect(items(container)).toEqual([
      '18:30–19:30书法体验课二楼活动室',
      '19:00–20:00少儿绘本阅读图书角',
    ]);
    // All fit: nothing turns.
    expect(container.querySelector('.bdb-activity-strip__page')).toBeNull();
    // The lines are still there.
    expect(screen.getByText('血压测量')).toBeTruthy();
  });

  it('shows nothing when there are no activities tonight', async () => {
    const { container } = await openBoard();
    expect(strip(container)).toBeNull();
    expect(screen.queryByText('今晚活动')).toBeNull();
  });

  it('shows them from the tonight call while the board is not loaded (closed)', async () => {
    setRouterParams({ c: 'jinse' });
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({
          open: false,
          nextOpening: '2026-11-25T17:00:00+08:00',
          now: '2026-11-25T16:30:00+08:00',
          notices: [
            noticeSummaryFixture({
              tonight: [{ id: 'a-2', name: '少儿绘本阅读', startsAt: '19:00', place: '图书角' }],
            }),
            noticeSummaryFixture({
              id: 'n-2',
              tonight: [{ id: 'a-1', name: '书法体验课', startsAt: '18:30', place: '二楼活动室' }],
            }),
          ],
        }),
    });
    const { container } = render(<BoardPage />);
    await flush();

    expect(items(container)).toEqual(['18:30书法体验课二楼活动室', '19:00少儿绘本阅读图书角']);
    expect(callsOf('queue.board')).toHaveLength(0);
  });

  it('loads the board again when the polled tonight call brings new activities', async () => {
    setRouterParams({ c: 'jinse' });
    let published = false;
    routeCalls({
      'community.tonight': async () =>
        tonightFixture({
          notices: published
            ? [
                noticeSummaryFixture({
                  tonight: [
                    { id: 'a-1', name: '书法体验课', startsAt: '18:30', place: '二楼活动室' },
                  ],
                }),
              ]
            : [],
        }),
      'queue.board': async () =>
        boardFixture({ lines: [bp()], activities: published ? [calligraphy] : [] }),
    });
    const { container } = render(<BoardPage />);
    await flush();
    await flush();
    expect(strip(container)).toBeNull();
    expect(callsOf('queue.board')).toHaveLength(1);

    published = true;
    await act(async () => {
      jest.advanceTimersByTime(30_000);
    });
    await flush();
    await flush();

    expect(callsOf('queue.board')).toHaveLength(2);
    expect(items(container)).toEqual(['18:30–19:30书法体验课二楼活动室']);
  });

  it('turns pages of at most three, evenly, every 8 seconds, when they do not all fit', async () => {
    const five = ['17:30', '18:00', '18:30', '19:00', '19:30'].map((startsAt, i) => ({
      name: `活动${i + 1}`,
      startsAt,
      endsAt: '20:00',
      place: '活动室',
    }));
    setRouterParams({ c: 'jinse' });
    routeCalls({
      'community.tonight': async () => tonightFixture(),
      'queue.board': async () => boardFixture({ lines: [bp()], activities: five }),
    });
    const { container } = render(<BoardPage />);
    await flush();
    await flush();
    const names = () =>
      [...container.querySelectorAll('.bdb-activity-strip__name')].map((n) => n.textContent);
    const page = () => container.querySelector('.bdb-activity-strip__page')?.textContent;

    expect(names()).toEqual(['活动1', '活动2', '活动3']);
    expect(page()).toBe('1/2');
    // Line changes re-render the board; the page keeps its time.
    act(() => jest.advanceTimersByTime(5000));
    act(() => emitLine(bp({ waiting: 9, version: 11 })));
    act(() => jest.advanceTimersByTime(3000));
    expect(names()).toEqual(['活动4', '活动5']);
    expect(page()).toBe('2/2');
    act(() => jest.advanceTimersByTime(8000));
    expect(names()).toEqual(['活动1', '活动2', '活动3']);
  });
});
