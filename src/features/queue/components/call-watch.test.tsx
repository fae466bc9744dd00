import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { CALL_PATTERN, CALL_REPEAT_MS, NEAR_PATTERN } from '@/lib/vibrate';
import { lineFixture, ticketFixture } from '@/test-utils/fixtures';
import {
  emitAlert,
  emitLine,
  resetLineFeed,
  subscribedCommunities,
  subscribeLines,
} from '@/test-utils/mock-line-feed';
import { callsOf, routeCalls } from '@/test-utils/mock-gateway';
import { resetTaroDouble, triggerDidHide } from '../../../../tests/doubles/taro';
import { CallWatch } from './call-watch';

jest.mock('@/lib/live/line-feed', () => jest.requireActual('@/test-utils/mock-line-feed'));
jest.mock('@/lib/gateway', () => ({ ...jest.requireActual('@/lib/gateway'), call: jest.fn() }));

const vibrate = jest.fn((_pattern: number | number[]) => true);
/** How often the call's pattern was started. */
const callBuzzes = () => vibrate.mock.calls.filter(([p]) => p === CALL_PATTERN).length;

interface FakeLock {
  released: boolean;
  release: jest.Mock;
}
const locks: FakeLock[] = [];
const request = jest.fn((_type: 'screen') => {
  const lock: FakeLock = { released: false, release: jest.fn() };
  lock.release.mockImplementation(() => {
    lock.released = true;
    return Promise.resolve();
  });
  locks.push(lock);
  return Promise.resolve(lock);
});
const heldLocks = () => locks.filter((l) => !l.released).length;

beforeAll(() => {
  Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
  Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true });
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});

beforeEach(() => {
  resetTaroDouble();
  resetLineFeed();
  // No page here loads tickets unless a test says so: the watch's own ask is refused.
  routeCalls({});
  vibrate.mockClear();
  request.mockClear();
  locks.splice(0);
  jest.useFakeTimers();
});

afterEach(() => jest.useRealTimers());

/** Lets promises already on their way (the wake lock's) settle inside act(). */
async function settle() {
  await act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });
}

const calling = {
  nowCalling: 'B007',
  nowCallingAt: '2026-11-25T18:40:00+08:00',
  calledNumbers: [7],
  waitingNumbers: [8],
  version: 11,
};

const dialog = () => document.querySelector<HTMLElement>('.bdb-called');
const liveRegion = () => document.querySelector<HTMLElement>('[aria-live="assertive"]');

/** A page with something focused on it (a button the resident last used) and the watch. */
function PageWith({ tickets }: { tickets?: ReturnType<typeof ticketFixture>[] }) {
  return (
    <div>
      <button type="button">我的号</button>
      <CallWatch tickets={tickets} />
    </div>
  );
}

describe('CallWatch', () => {
  it('shows the call as a modal dialog, focuses 我知道了, and gives focus back on close', () => {
    render(<PageWith tickets={[ticketFixture()]} />);
    const before = screen.getByText('我的号');
    before.focus();
    expect(dialog()).toBeNull();
    expect(liveRegion()?.textContent).toBe('');

    act(() => emitLine(lineFixture(calling)));

    const shown = dialog();
    expect(shown?.getAttribute('role')).toBe('dialog');
    expect(shown?.getAttribute('aria-modal')).toBe('true');
    const title = document.getElementById(shown?.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).toBe('请到服务台');
    expect(shown?.querySelector('.bdb-called__label')?.textContent).toBe('B007');
    expect(liveRegion()?.textContent).toBe('请 B007 到服务台');
    const ok = screen.getByText('我知道了');
    expect(document.activeElement).toBe(ok);

    // Focus cannot leave the dialog while it is open.
    before.focus();
    expect(document.activeElement).toBe(ok);
    fireEvent.keyDown(ok, { key: 'Tab' });
    expect(document.activeElement).toBe(ok);

    fireEvent.click(ok);
    expect(dialog()).toBeNull();
    expect(liveRegion()?.textContent).toBe('');
    expect(document.activeElement).toBe(before);
  });

  it('closes on Escape', () => {
    render(<PageWith tickets={[ticketFixture()]} />);
    act(() => emitLine(lineFixture(calling)));
    expect(dialog()).not.toBeNull();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(dialog()).toBeNull();
  });

  it('vibrates the pattern again every few seconds until 我知道了', () => {
    render(<PageWith tickets={[ticketFixture()]} />);
    act(() => emitLine(lineFixture(calling)));
    expect(callBuzzes()).toBe(1);

    act(() => jest.advanceTimersByTime(CALL_REPEAT_MS * 3));
    expect(callBuzzes()).toBe(4);

    fireEvent.click(screen.getByText('我知道了'));
    expect(vibrate).toHaveBeenLastCalledWith(0);
    act(() => jest.advanceTimersByTime(CALL_REPEAT_MS * 10));
    expect(callBuzzes()).toBe(4);
  });

  it('stops calling once my number is served (it left the line)', () => {
    render(<PageWith tickets={[ticketFixture()]} />);
    act(() => emitLine(lineFixture(calling)));
    expect(dialog()).not.toBeNull();

    act(() =>
      emitLine(lineFixture({ ...calling, nowCalling: 'B008', calledNumbers: [8], version: 12 })),
    );
    expect(dialog()).toBeNull();
    expect(vibrate).toHaveBeenLastCalledWith(0);
    act(() => jest.advanceTimersByTime(CALL_REPEAT_MS * 4));
    expect(callBuzzes()).toBe(1);
  });

  it('rings again on a your-turn alert for a call already acknowledged', () => {
    const called = ticketFixture({ status: 'called', ahead: 0, calledAt: calling.nowCallingAt });
    render(<PageWith tickets={[ticketFixture()]} />);
    act(() => emitLine(lineFixture(calling)));
    fireEvent.click(screen.getByText('我知道了'));
    expect(dialog()).toBeNull();

    act(() => emitAlert({ kind: 'your-turn', ticket: called }));
    expect(dialog()).not.toBeNull();
    expect(callBuzzes()).toBe(2);
  });

  it('says "almost your turn" with a firm vibration once', () => {
    render(<PageWith tickets={[ticketFixture()]} />);
    act(() => emitLine(lineFixture({ waitingNumbers: [6, 7, 8], calledNumbers: [5, 4, 3] })));
    expect(vibrate).toHaveBeenCalledWith(NEAR_PATTERN);
    act(() =>
      emitLine(lineFixture({ waitingNumbers: [7, 8], calledNumbers: [6, 5, 4], version: 12 })),
    );
    expect(vibrate.mock.calls.filter(([p]) => p === NEAR_PATTERN)).toHaveLength(1);
  });

  it('calls on a page that loads no tickets, from those another page left, over one connection', () => {
    // The tonight page knows my ticket; the notice page on top of it loads none.
    const tonight = render(<CallWatch tickets={[ticketFixture()]} />);
    const notice = render(<CallWatch />);
    expect(subscribedCommunities()).toEqual(['jinse']);
    expect(subscribeLines).toHaveBeenCalledTimes(1);

    tonight.unmount();
    expect(subscribedCommunities()).toEqual(['jinse']);
    act(() => emitLine(lineFixture(calling)));
    expect(notice.container.querySelector('.bdb-called__label')?.textContent).toBe('B007');
    expect(callBuzzes()).toBe(1);

    notice.unmount();
    expect(subscribedCommunities()).toEqual([]);
  });

  it('calls on a page the app opened on (a shared link), asking for my tickets once', async () => {
    routeCalls({ 'queue.mine': async () => [ticketFixture()] });
    const notice = render(<CallWatch />);
    const booking = render(<CallWatch />);
    await settle();
    expect(callsOf('queue.mine')).toEqual([{}]);
    expect(subscribedCommunities()).toEqual(['jinse']);
    act(() => emitLine(lineFixture(calling)));
    expect(notice.container.querySelector('.bdb-called__label')?.textContent).toBe('B007');
    booking.unmount();
    notice.unmount();
  });

  it('acknowledges once for every page: 我知道了 on one holds on the next', () => {
    const first = render(<CallWatch tickets={[ticketFixture()]} />);
    act(() => emitLine(lineFixture(calling)));
    // A second page joining the open connection gets the line's state at once.
    const second = render(<CallWatch />);
    expect(second.container.querySelector('.bdb-called')).not.toBeNull();
    fireEvent.click(within(first.container).getByText('我知道了'));
    expect(first.container.querySelector('.bdb-called')).toBeNull();
    expect(second.container.querySelector('.bdb-called')).toBeNull();
  });

  it('keeps 我知道了 across a reLaunch, and forgets it once no page watches any more', async () => {
    const called = ticketFixture({ status: 'called', ahead: 0, calledAt: calling.nowCallingAt });
    // 回到今晚服务 on the ticket page is a reLaunch: the ticket page goes and the tonight page
    // comes in the same render, holding the same called ticket.
    const app = render(<CallWatch key="ticket" tickets={[called]} />);
    expect(dialog()).not.toBeNull();
    fireEvent.click(screen.getByText('我知道了'));
    expect(dialog()).toBeNull();
    app.rerender(<CallWatch key="tonight" tickets={[{ ...called }]} />);
    await settle();
    expect(dialog()).toBeNull();

    // The last page goes and none follows: the next run of the app starts afresh.
    app.unmount();
    await settle();
    render(<CallWatch tickets={[{ ...called }]} />);
    expect(dialog()).not.toBeNull();
  });

  it('does nothing on a page that is not on screen', () => {
    render(<PageWith tickets={[ticketFixture()]} />);
    act(() => triggerDidHide());
    act(() => emitLine(lineFixture(calling)));
    expect(dialog()).toBeNull();
    expect(callBuzzes()).toBe(0);
  });

  it('keeps the screen on while my ticket waits, again after the page comes back, and lets go', async () => {
    const { rerender } = render(<PageWith tickets={[ticketFixture()]} />);
    await settle();
    expect(request).toHaveBeenCalledWith('screen');
    expect(heldLocks()).toBe(1);

    // The browser drops the lock when the page is hidden; back in front, it is asked again.
    locks[0]!.released = true;
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await settle();
    expect(request).toHaveBeenCalledTimes(2);
    expect(heldLocks()).toBe(1);

    rerender(<PageWith tickets={[ticketFixture({ status: 'done', ahead: 0 })]} />);
    await settle();
    expect(heldLocks()).toBe(0);
  });
});
