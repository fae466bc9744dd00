import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { Ticket } from '@/types/contract';

/** All my tickets tonight, every line, oldest first. */
export function getMyTickets(): Promise<Ticket[]> {
  return call('queue.mine', {});
}

const MINE = 'mine';

/** My tickets, loaded only while `enabled`. */
export function useMyTickets(enabled = true): Remote<Ticket[]> {
  return useRemote(enabled ? MINE : null, getMyTickets);
}
