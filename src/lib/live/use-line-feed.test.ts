import { act, renderHook } from '@testing-library/react';
import { lineFixture } from '@/test-utils/fixtures';
import {
  emitLine,
  resetLineFeed,
  subscribedCommunities,
  subscribeLines,
} from '@/test-utils/mock-line-feed';
import { isNewerLine } from './types';
import { useLineFeed } from './use-line-feed';

jest.mock('@/lib/live/line-feed', () => jest.requireActual('@/test-utils/mock-line-feed'));

beforeEach(() => resetLineFeed());

describe('useLineFeed', () => {
  it('passes on only newer states of each line, and a new evening even with a lower version', () => {
    const onLine = jest.fn();
    const { unmount } = renderHook(() => useLineFeed('jinse', { onLine }));

    act(() => {
      emitLine(lineFixture({ version: 5 }));
      emitLine(lineFixture({ version: 5 }));
      emitLine(lineFixture({ version: 4 }));
      emitLine(lineFixture({ queue: 'health', version: 1 }));
      emitLine(lineFixture({ version: 6 }));
      emitLine(lineFixture({ date: '2026-12-02', version: 1 }));
    });
    expect(onLine.mock.calls.map(([l]) => `${l.queue}@${l.date}#${l.version}`)).toEqual([
      'library@2026-11-25#5',
      'health@2026-11-25#1',
      'library@2026-11-25#6',
      'library@2026-12-02#1',
    ]);

    unmount();
    expect(subscribedCommunities()).toEqual([]);
  });

  it('shares one connection per community, and tells a late follower the lines it missed', () => {
    const first = jest.fn();
    const late = jest.fn();
    const a = renderHook(() => useLineFeed('jinse', { onLine: first }));
    act(() => emitLine(lineFixture({ version: 5 })));
    const b = renderHook(() => useLineFeed('jinse', { onLine: late }));
    expect(subscribeLines).toHaveBeenCalledTimes(1);
    expect(late.mock.calls.map(([l]) => l.version)).toEqual([5]);

    act(() => emitLine(lineFixture({ version: 6 })));
    expect(first.mock.calls.map(([l]) => l.version)).toEqual([5, 6]);
    expect(late.mock.calls.map(([l]) => l.version)).toEqual([5, 6]);

    a.unmount();
    expect(subscribedCommunities()).toEqual(['jinse']);
    b.unmount();
    expect(subscribedCommunities()).toEqual([]);
  });

  it('follows nothing without a community', () => {
    renderHook(() => useLineFeed(null, { onLine: jest.fn() }));
    expect(subscribedCommunities()).toEqual([]);
  });

  it('compares dates before versions', () => {
    const at = (date: string, version: number) => ({ date, version });
    expect(isNewerLine(at('2026-11-25', 2), undefined)).toBe(true);
    expect(isNewerLine(at('2026-11-25', 2), at('2026-11-25', 2))).toBe(false);
    expect(isNewerLine(at('2026-12-02', 0), at('2026-11-25', 40))).toBe(true);
    expect(isNewerLine(at('2026-11-18', 90), at('2026-11-25', 1))).toBe(false);
  });
});
