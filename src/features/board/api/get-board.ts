import { call } from '@/lib/gateway';
import { noteServerTime } from '@/lib/server-clock';
import type { Board } from '@/types/contract';

/** Every queue line of a community for the TV (public: no identity needed). */
export async function getBoard(community: string): Promise<Board> {
  const board = await call('queue.board', { community });
  noteServerTime(board.now);
  return board;
}
