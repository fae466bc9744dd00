import { call } from '@/lib/gateway';
import type { Console, LineRef } from '@/types/contract';

/** The staff view of one line tonight: state, settings, tickets in order, stats. */
export function getConsole(line: LineRef): Promise<Console> {
  return call('queue.console', line);
}
