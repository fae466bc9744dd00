import type { Remote } from '@/hooks/use-remote';
import type { LineState, Ticket, Tonight } from '@/types/contract';
import { useMyTickets } from '../api/my-tickets';
import { useQueueLines } from './use-queue-lines';

export interface TonightQueue {
  /** Live state of each walk-in line while the evening is open, by queue id. */
  lines: Record<string, LineState>;
  /** My tickets tonight, for the 我的号 entry (a failure just hides it). */
  mine: Remote<Ticket[]>;
}

/**
 * What the tonight page needs about the walk-in lines of the community it shows. Lines are
 * followed live only while the evening is open and the page is on screen (`live`).
 */
export function useTonightQueue(tonight: Tonight | null, live = true): TonightQueue {
  const hasQueue = Boolean(tonight?.services.some((s) => s.kind === 'queue'));
  const lines = useQueueLines(live && tonight?.open && hasQueue ? tonight.community.id : null);
  // Tickets exist only on a service evening.
  const mine = useMyTickets(Boolean(tonight?.serviceEvening && hasQueue));
  return { lines, mine };
}
