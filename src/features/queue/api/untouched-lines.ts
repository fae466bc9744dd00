import { call } from '@/lib/gateway';
import type { LineState } from '@/types/contract';

/**
 * Every line's state as the server computes it now, touched tonight or not (`queue.board`).
 * Asked only for lines the watched collection has no state of tonight, so the page still sees
 * their last-join and closing by the server's clock.
 */
export async function getLineStates(community: string): Promise<LineState[]> {
  return (await call('queue.board', { community })).lines;
}
