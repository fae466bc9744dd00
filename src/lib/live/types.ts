import type { LineAlert, LineState } from '@/types/contract';

export interface LineFeedHandlers {
  /** A line's public state: every line once on connect, then each change. */
  onLine: (line: LineState) => void;
  /** A notice about one of my own tickets (H5 only; weapp sends subscription messages). */
  onAlert?: (alert: LineAlert) => void;
  /**
   * Every line that has a state was delivered (weapp: the watch's first snapshot). A line still
   * missing then has none yet: nobody touched it tonight. H5 never calls it: its feed sends
   * every line, touched or not, on connect.
   */
  onSettled?: () => void;
}

export type Unsubscribe = () => void;

/** Reconnect delays after the feed gave up: not a polling loop, a back-off after failures. */
export const RETRY_DELAYS_MS = [3_000, 10_000, 30_000, 60_000];

export function retryDelay(failures: number): number {
  return RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shape check at the edge: a malformed event is dropped, never rendered. */
export function isLineState(value: unknown): value is LineState {
  return (
    isRecord(value) &&
    typeof value.community === 'string' &&
    typeof value.queue === 'string' &&
    typeof value.name === 'string' &&
    typeof value.date === 'string' &&
    typeof value.version === 'number' &&
    typeof value.waiting === 'number' &&
    Array.isArray(value.recentlyCalled) &&
    (value.nowCalling === null || typeof value.nowCalling === 'string')
  );
}

export function isLineAlert(value: unknown): value is LineAlert {
  return (
    isRecord(value) &&
    (value.kind === 'three-ahead' || value.kind === 'your-turn') &&
    isRecord(value.ticket) &&
    typeof value.ticket.id === 'string' &&
    typeof value.ticket.label === 'string'
  );
}

/**
 * Is `next` a newer state of the line than `seen`? Versions count per evening (a new evening
 * starts again from 0), so the date decides first: a TV board stays on for weeks.
 */
export function isNewerLine(
  next: Pick<LineState, 'date' | 'version'>,
  seen: Pick<LineState, 'date' | 'version'> | undefined,
): boolean {
  if (!seen) return true;
  if (next.date !== seen.date) return next.date > seen.date;
  return next.version > seen.version;
}

/** "jinse:library": the id of a line's document, and the key for its version. */
export function lineKey(line: { community: string; queue: string }): string {
  return `${line.community}:${line.queue}`;
}
