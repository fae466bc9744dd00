import { call } from '@/lib/gateway';
import type { WalkInInput, WalkInIssued } from '@/types/contract';

/** A number for a resident without a phone, issued by staff (also while paused). */
export function addWalkIn(input: WalkInInput): Promise<WalkInIssued> {
  return call('queue.addWalkIn', input);
}
