/**
 * A controllable stand-in for the live line feed (src/lib/live/line-feed.ts). The test file mocks
 * the module with it (jest.mock is hoisted per file):
 *   jest.mock('@/lib/live/line-feed', () => jest.requireActual('@/test-utils/mock-line-feed'));
 * then pushes updates with `emitLine` / `emitAlert` (wrap them in act()).
 */
import type { LineFeedHandlers, Unsubscribe } from '@/lib/live/types';
import type { LineAlert, LineState } from '@/types/contract';

interface Subscription {
  community: string;
  handlers: LineFeedHandlers;
}

const subscriptions = new Set<Subscription>();

export const subscribeLines = jest.fn(
  (community: string, handlers: LineFeedHandlers): Unsubscribe => {
    const subscription = { community, handlers };
    subscriptions.add(subscription);
    return () => {
      subscriptions.delete(subscription);
    };
  },
);

/** Delivers a line state to every subscriber of its community. */
export function emitLine(line: LineState): void {
  for (const s of [...subscriptions]) {
    if (s.community === line.community) s.handlers.onLine(line);
  }
}

/** Delivers an alert to every subscriber (alerts are per resident, not per community). */
export function emitAlert(alert: LineAlert): void {
  for (const s of [...subscriptions]) s.handlers.onAlert?.(alert);
}

/** Communities with an open subscription right now. */
export function subscribedCommunities(): string[] {
  return [...subscriptions].map((s) => s.community);
}

export function resetLineFeed(): void {
  subscriptions.clear();
  subscribeLines.mockClear();
}
