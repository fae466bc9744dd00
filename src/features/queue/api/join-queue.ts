import { call } from '@/lib/gateway';
import type { JoinInput, Ticket } from '@/types/contract';

/** Takes a number on a line; a retry with the same requestId answers the same ticket. */
export function joinQueue(input: JoinInput): Promise<Ticket> {
  return call('queue.join', input);
}
