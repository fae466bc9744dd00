import { call } from '@/lib/gateway';
import type { ContactPhone, ContactPhoneInput } from '@/types/contract';

/** The number residents are told to call about their bookings; '' clears it. */
export function setContactPhone(input: ContactPhoneInput): Promise<ContactPhone> {
  return call('community.setContactPhone', input);
}
