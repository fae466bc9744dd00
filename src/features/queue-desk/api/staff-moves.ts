/**
 * The desk's moves. Each answers with the line's fresh desk, so the screen shows the result
 * of the tap itself without waiting for the live feed.
 */
import { call } from '@/lib/gateway';
import type { QueueDesk, LineRef } from '@/types/contract';

/** Completes whoever is at the desk and calls the first waiting resident. */
export const callNext = (line: LineRef): Promise<QueueDesk> => call('queue.callNext', line);
/** Calls a called or missed ticket again. */
export const recall = (ticketId: string): Promise<QueueDesk> => call('queue.recall', { ticketId });
/** The called resident did not come: missed (they may requeue within the grace minutes). */
export const miss = (ticketId: string): Promise<QueueDesk> => call('queue.miss', { ticketId });
export const complete = (ticketId: string): Promise<QueueDesk> =>
  call('queue.complete', { ticketId });
/** No new numbers until resumed; those waiting keep their places. */
export const pause = (line: LineRef): Promise<QueueDesk> => call('queue.pause', line);
export const resume = (line: LineRef): Promise<QueueDesk> => call('queue.resume', line);
