import { call } from '@/lib/gateway';
import type { QueueDesk, WalkInInput } from '@/types/contract';

/** A number for a resident without a phone, issued by staff (also while paused). */
export function addWalkIn(input: WalkInInput): Promise<QueueDesk> {
  return call('queue.addWalkIn', input);
}
