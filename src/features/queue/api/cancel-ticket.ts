import { call } from '@/lib/gateway';
import type { Ticket } from '@/types/contract';

/** Gives up a waiting, called or missed ticket. */
export function cancelTicket(ticketId: string): Promise<Ticket> {
  return call('queue.cancel', { ticketId });
}
