import { call } from '@/lib/gateway';
import type { Ticket } from '@/types/contract';

/** A missed ticket, within its grace time, goes back into the line behind two residents. */
export function requeueTicket(ticketId: string): Promise<Ticket> {
  return call('queue.requeue', { ticketId });
}
