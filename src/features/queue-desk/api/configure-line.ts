import { call } from '@/lib/gateway';
import type { ConfigureInput, QueueDesk } from '@/types/contract';

/** Changes the given settings only. */
export function configureLine(input: ConfigureInput): Promise<QueueDesk> {
  return call('queue.configure', input);
}
