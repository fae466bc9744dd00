import type { StatusKind } from '@/features/community';
import { joinBlockAt } from '@/features/queue';
import type { LineState } from '@/types/contract';

export interface LineWords {
  /** "● 取号中", "⏸ 暂停取号", "■ 取号已截止"…: a shape and words, never colour alone. */
  text: string;
  /** Numbers are being taken (green) or not (red). */
  taking: boolean;
}

/** What a line's panel says about taking numbers at `now` (the server's clock). */
export function lineWords(line: LineState, now: number, evening: 'open' | 'ended'): LineWords {
  if (evening === 'ended') return { text: '■ 今晚已结束', taking: false };
  switch (joinBlockAt(line, now)) {
    case null:
      return { text: '● 取号中', taking: true };
    case 'paused':
      return { text: '⏸ 暂停取号', taking: false };
    case 'last-join':
      return { text: '■ 取号已截止', taking: false };
    case 'full':
      return { text: '■ 号已取完', taking: false };
    case 'closed':
      return { text: '■ 今晚已结束', taking: false };
  }
}

/**
 * Tonight's lines on the TV: loaded while the evening is open or has closed tonight, shown while
 * it is open, and after closing while anyone still waits or stands at the desk.
 */
export function boardLines(status: StatusKind, queues: number, lines: LineState[] | null) {
  const load = queues > 0 && (status === 'open' || status === 'ended');
  const serving = (lines ?? []).some((line) => line.waiting > 0 || line.nowCalling !== null);
  return { load, show: load && (status === 'open' || serving) };
}

/** "A012" and the calls before it: the current one is shown large, the others as "刚才叫过". */
export const earlierCalls = (line: LineState) =>
  line.recentlyCalled.filter((label) => label !== line.nowCalling);
