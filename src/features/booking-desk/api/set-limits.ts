import { call } from '@/lib/gateway';
import type { CommunityLimits, LimitsInput } from '@/types/contract';

/** The community's fair limits per resident (bookings and queue numbers). */
export function setLimits(input: LimitsInput): Promise<CommunityLimits> {
  return call('community.setLimits', input);
}
