/** Who is at the desk: the user id (oneself on the roster) and whether they are an admin. */
import { call } from '@/lib/gateway';
import type { Identity } from '@/types/contract';

export function getMe(): Promise<Identity> {
  return call('staff.me', {});
}
