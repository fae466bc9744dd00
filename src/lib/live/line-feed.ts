/**
 * Live line states in H5: Server-Sent Events from the local host (same origin, cookie identity).
 * line-feed.weapp.ts is the mini-program twin (a database watch). EventSource reconnects by itself
 * after a dropped connection; it gives up only when the server answers with an error status, and
 * then this tries again after a back-off.
 */
import { noteServerTime } from '@/lib/server-clock';
import {
  isLineAlert,
  isLineState,
  retryDelay,
  type LineFeedHandlers,
  type Unsubscribe,
} from './types';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

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

export function eventsUrl(community: string): string {
  const base = process.env.TARO_APP_API_BASE || '';
  return `${base}/api/queue/events?community=${encodeURIComponent(community)}`;
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
    current.addEventListener('line', (event) => {
      const data = parse((event as MessageEvent).data);
      if (isLineState(data)) handlers.onLine(data);
    });
    // Sent on connect: the server's time, so a page opened here (a reloaded ticket page) reckons
    // hours with the server's clock, the demo clock included.
    current.addEventListener('clock', (event) => {
      const data = parse((event as MessageEvent).data);
      if (isRecord(data) && typeof data.now === 'string') noteServerTime(data.now);
    });
    current.addEventListener('alert', (event) => {
      const data = parse((event as MessageEvent).data);
      if (isLineAlert(data)) handlers.onAlert?.(data);
    });
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
