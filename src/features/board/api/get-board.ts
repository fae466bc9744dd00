import { call } from '@/lib/gateway';
import type { Board } from '@/types/contract';

/** Every queue line of a community for the TV (public: no identity needed). */
export function getBoard(community: string): Promise<Board> {
  return call('queue.board', { community });
}
