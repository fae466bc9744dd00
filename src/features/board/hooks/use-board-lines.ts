import { useEffect, useMemo, useRef, useState } from 'react';
import { useRemote } from '@/hooks/use-remote';
import { isNewerLine, useLineFeed } from '@/lib/live';
import type { Board, LineState } from '@/types/contract';
import { getBoard } from '../api/get-board';

/** Nobody is there to press "retry": a failed load tries again after this long. */
export const BOARD_RETRY_MS = 30_000;

export type BoardActivity = Board['activities'][number];

export interface BoardLines {
  /** The community's queue lines, newest known state of each; null before the first answer. */
  lines: LineState[] | null;
  /** Tonight's activities as the board answered them; null before the first answer. */
  activities: BoardActivity[] | null;
  error: unknown;
}

/**
 * The lines on the TV: `queue.board` once, then live states from the feed, whichever is newer.
 * When `evening` changes (e.g. "2026-12-02|open"), the board is loaded afresh: a new evening's
 * lines start over. `community` null: nothing loaded, nothing followed (the evening is closed).
 */
export function useBoardLines(community: string | null, evening: string): BoardLines {
  const board = useRemote(community, getBoard);
  const reloadRef = useRef(board.reload);
  reloadRef.current = board.reload;
  const [live, setLive] = useState<Record<string, LineState>>({});

  useEffect(() => setLive({}), [community]);

  // A new evening on the same community loads again; a new community loads by itself.
  const last = useRef({ community, evening });
  useEffect(() => {
    const before = last.current;
    last.current = { community, evening };
    if (before.community !== community || before.evening === evening) return;
    void reloadRef.current();
  }, [community, evening]);

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

  // An older host may answer without activities: none, rather than a crash.
  const activities = board.data ? (board.data.activities ?? []) : null;

  return { lines, activities, error: board.error };
}
