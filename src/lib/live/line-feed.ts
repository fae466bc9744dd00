/**
 * Live line states in H5: Server-Sent Events from the local host (same origin, cookie identity).
 * line-feed.weapp.ts is the mini-program twin (a database watch). EventSource reconnects by itself
 * after a dropped connection; it gives up only when the server answers with an error status, and
 * then this tries again after a back-off.
 */
import { noteServerTime } from '@/lib/server-clock';
import type { LineEventName, LineEvents, LineEventsPath } from '@/types/contract';
import {
  isLineAlert,
  isLineState,
  retryDelay,
  type LineFeedHandlers,
  type Unsubscribe,
} from './types';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isClock = (value: unknown): value is LineEvents['clock'] =>
  isRecord(value) && typeof value.now === 'string';

/** EventSource.CLOSED, spelled out so a stand-in class without statics works too. */
const CLOSED = 2;

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return null;
  }
}

/** The local host's live feed, spelled once on this side (contract/live.ts names it). */
const EVENTS_PATH: LineEventsPath = '/api/queue/events';

export function eventsUrl(community: string): string {
  const base = process.env.TARO_APP_API_BASE || '';
  return `${base}${EVENTS_PATH}?community=${encodeURIComponent(community)}`;
}

export function subscribeLines(community: string, handlers: LineFeedHandlers): Unsubscribe {
  if (typeof EventSource === 'undefined') return () => undefined;
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let stopped = false;

  const open = () => {
    timer = null;
    const current = new EventSource(eventsUrl(community), { withCredentials: true });
    source = current;
    current.addEventListener('open', () => {
      failures = 0;
    });
    /** One of the feed's events, its payload parsed and checked by `accept` before use. */
    const on = <E extends LineEventName>(
      name: E,
      accept: (data: unknown) => data is LineEvents[E],
      use: (data: LineEvents[E]) => void,
    ) =>
      current.addEventListener(name, (event) => {
        const data = parse((event as MessageEvent).data);
        if (accept(data)) use(data);
      });
    on('line', isLineState, handlers.onLine);
    // Sent on connect: the server's time, so a page opened here (a reloaded ticket page) reckons
    // hours with the server's clock, the demo clock included.
    on('clock', isClock, (data) => noteServerTime(data.now));
    on('alert', isLineAlert, (data) => handlers.onAlert?.(data));
    current.addEventListener('error', () => {
      if (stopped || current.readyState !== CLOSED) return;
      timer = setTimeout(open, retryDelay(failures));
      failures += 1;
    });
  };

  open();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    source?.close();
  };
}
