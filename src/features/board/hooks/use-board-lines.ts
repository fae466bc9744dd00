import { useEffect, useMemo, useRef, useState } from 'react';
import { useRemote } from '@/hooks/use-remote';
import { isNewerLine, useLineFeed } from '@/lib/live';
import type { LineState } from '@/types/contract';
import { getBoard } from '../api/get-board';

/** Nobody is there to press "retry": a failed load tries again after this long. */
export const BOARD_RETRY_MS = 30_000;

export interface BoardLines {
  /** The community's queue lines, newest known state of each; null before the first answer. */
  lines: LineState[] | null;
  error: unknown;
}

/**
 * The lines on the TV: `queue.board` once, then live states from the feed, whichever is newer.
 * When `evening` changes (e.g. "2026-12-02|open"), the board is loaded afresh: a new evening's
 * lines start over.
 */
export function useBoardLines(community: string | null, evening: string): BoardLines {
  const board = useRemote(community, getBoard);
  const reloadRef = useRef(board.reload);
  reloadRef.current = board.reload;
  const [live, setLive] = useState<Record<string, LineState>>({});

  useEffect(() => setLive({}), [community]);

  const firstEvening = useRef(true);
  useEffect(() => {
    if (firstEvening.current) {
      firstEvening.current = false;
      return;
    }
    void reloadRef.current();
  }, [evening]);

  useEffect(() => {
    if (!board.error) return undefined;
    const timer = setTimeout(() => void reloadRef.current(), BOARD_RETRY_MS);
    return () => clearTimeout(timer);
  }, [board.error]);

  useLineFeed(community, {
    onLine: (line) => setLive((all) => ({ ...all, [line.queue]: line })),
  });

  const lines = useMemo(() => {
    if (!board.data) return null;
    return board.data.lines.map((fetched) => {
      const pushed = live[fetched.queue];
      return pushed && isNewerLine(pushed, fetched) ? pushed : fetched;
    });
  }, [board.data, live]);

  return { lines, error: board.error };
}
