/**
 * Live line states in the mini-program: a CloudBase watch on the public `queue_lines` collection
 * (one document per line, `_id` "<community>:<queue>", body a LineState). A watch that fails is
 * closed by the platform; this opens a new one after a back-off. No alerts here: in weapp they
 * arrive as subscription messages, and the ticket page follows the line instead.
 */
import Taro from '@tarojs/taro';
import { ensureCloud } from '@/lib/cloud';
import type { LineCollection, LineState } from '@/types/contract';
import { isLineState, retryDelay, type LineFeedHandlers, type Unsubscribe } from './types';

/** Spelled once on this side (contract/live.ts names it). */
const COLLECTION: LineCollection = 'queue_lines';

interface Watcher {
  close(): unknown;
}

interface ChangeLike {
  dataType?: string;
  doc?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The documents a snapshot brings: all of them on init, else the changed ones. */
export function docsOf(snapshot: unknown): unknown[] {
  if (!isRecord(snapshot)) return [];
  const changes = Array.isArray(snapshot.docChanges) ? (snapshot.docChanges as ChangeLike[]) : [];
  if (snapshot.type === 'init' || changes.length === 0) {
    return Array.isArray(snapshot.docs) ? snapshot.docs : [];
  }
  return changes.filter((c) => isRecord(c) && c.dataType !== 'remove').map((c) => c.doc);
}

/** A watched document as a LineState, without the database's own fields. */
export function toLineState(doc: unknown): LineState | null {
  if (!isRecord(doc)) return null;
  const { _id: _ignoredId, _openid: _ignoredOpenid, ...rest } = doc;
  return isLineState(rest) ? rest : null;
}

function closeQuietly(watcher: Watcher | null): void {
  if (!watcher) return;
  try {
    // close() returns a promise in WeChat; a failed close leaves nothing to clean up.
    Promise.resolve(watcher.close()).catch(() => undefined);
  } catch {
    // ignore: see above
  }
}

export function subscribeLines(community: string, handlers: LineFeedHandlers): Unsubscribe {
  let watcher: Watcher | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let stopped = false;

  const retry = () => {
    closeQuietly(watcher);
    watcher = null;
    if (stopped || timer) return;
    timer = setTimeout(start, retryDelay(failures));
    failures += 1;
  };

  function start(): void {
    timer = null;
    if (stopped) return;
    try {
      ensureCloud();
      watcher = Taro.cloud
        .database()
        .collection(COLLECTION)
        .where({ community })
        .watch({
          onChange: (snapshot: unknown) => {
            failures = 0;
            for (const doc of docsOf(snapshot)) {
              const line = toLineState(doc);
              if (line) handlers.onLine(line);
            }
            if (isRecord(snapshot) && snapshot.type === 'init') handlers.onSettled?.();
          },
          onError: retry,
        });
    } catch {
      retry();
    }
  }

  start();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    closeQuietly(watcher);
    watcher = null;
  };
}
