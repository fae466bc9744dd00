/**
 * One live connection per community, however many hooks follow it: the tonight page's lines and
 * the app-wide call watch share one EventSource (H5) or one database watch (weapp). A hook that
 * joins an open connection first receives the newest state of every line already delivered (and
 * "settled" when it was), then the live changes; the connection closes with its last follower.
 */
import type { LineState } from '@/types/contract';
import { subscribeLines } from './line-feed';
import { isNewerLine, lineKey, type LineFeedHandlers, type Unsubscribe } from './types';

interface Hub {
  followers: Set<LineFeedHandlers>;
  lines: Map<string, LineState>;
  settled: boolean;
  stop: Unsubscribe | null;
}

const hubs = new Map<string, Hub>();

function open(community: string, first: LineFeedHandlers): Hub {
  // The first follower is in before the connection opens: a feed may deliver at once.
  const hub: Hub = { followers: new Set([first]), lines: new Map(), settled: false, stop: null };
  hubs.set(community, hub);
  // Copies of the set: a follower may leave (or join) while being told.
  hub.stop = subscribeLines(community, {
    onLine: (line) => {
      const key = lineKey(line);
      if (isNewerLine(line, hub.lines.get(key))) hub.lines.set(key, line);
      for (const f of [...hub.followers]) f.onLine(line);
    },
    onAlert: (alert) => {
      for (const f of [...hub.followers]) f.onAlert?.(alert);
    },
    onSettled: () => {
      hub.settled = true;
      for (const f of [...hub.followers]) f.onSettled?.();
    },
  });
  return hub;
}

/** Follows `community`'s lines over the one shared connection. */
export function followLines(community: string, handlers: LineFeedHandlers): Unsubscribe {
  const existing = hubs.get(community);
  const hub = existing ?? open(community, handlers);
  if (existing) {
    existing.followers.add(handlers);
    for (const line of existing.lines.values()) handlers.onLine(line);
    if (existing.settled) handlers.onSettled?.();
  }
  let left = false;
  return () => {
    if (left) return;
    left = true;
    hub.followers.delete(handlers);
    if (hub.followers.size > 0 || hubs.get(community) !== hub) return;
    hubs.delete(community);
    hub.stop?.();
  };
}
