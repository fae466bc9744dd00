import { call } from '@/lib/gateway';
import type { Identity } from '@/types/contract';

/** Trades the admin secret or a one-time invite code for a new role; returns who I am now. */
export function redeem(code: string): Promise<Identity> {
  return call('staff.redeem', { code });
}
