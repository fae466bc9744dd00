import { call } from '@/lib/gateway';
import type { ConfigureInput, Console } from '@/types/contract';

/** Changes the given settings only. */
export function configureLine(input: ConfigureInput): Promise<Console> {
  return call('queue.configure', input);
}
