/**
 * The desk's moves. Each answers with the line's fresh console, so the screen shows the result
 * of the tap itself without waiting for the live feed.
 */
import { call } from '@/lib/gateway';
import type { Console, LineRef } from '@/types/contract';

/** Completes whoever is at the desk and calls the first waiting resident. */
export const callNext = (line: LineRef): Promise<Console> => call('queue.callNext', line);
/** Calls a called or missed ticket again. */
export const recall = (ticketId: string): Promise<Console> => call('queue.recall', { ticketId });
/** The called resident did not come: missed (they may requeue within the grace minutes). */
export const miss = (ticketId: string): Promise<Console> => call('queue.miss', { ticketId });
export const complete = (ticketId: string): Promise<Console> =>
  call('queue.complete', { ticketId });
/** No new numbers until resumed; those waiting keep their places. */
export const pause = (line: LineRef): Promise<Console> => call('queue.pause', line);
export const resume = (line: LineRef): Promise<Console> => call('queue.resume', line);
