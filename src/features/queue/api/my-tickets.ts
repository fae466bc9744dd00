import { call } from '@/lib/gateway';
import type { Ticket } from '@/types/contract';

/**
 * My tickets tonight, oldest first: of `community` when the page knows it (one read on the
 * server), else of every community (a scan).
 */
export function getMyTickets(community?: string | null): Promise<Ticket[]> {
  return call('queue.mine', community ? { community } : {});
}
