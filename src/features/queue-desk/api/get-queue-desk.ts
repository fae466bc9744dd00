import { call } from '@/lib/gateway';
import type { QueueDesk, LineRef } from '@/types/contract';

/** The staff view of one line tonight: state, settings, tickets in order, stats. */
export function getQueueDesk(line: LineRef): Promise<QueueDesk> {
  return call('queue.desk', line);
}
