import { call } from '@/lib/gateway';
import type { CompanionOfInput, MyCompanion, RequestCompanionInput } from '@/types/contract';

/**
 * Asks for a social worker to accompany me with this ticket or booking. There is one request per
 * ticket or booking: a retry or a second tap answers with the first.
 */
export function requestCompanion(input: RequestCompanionInput): Promise<MyCompanion> {
  return call('roster.requestCompanion', input);
}

/** My request for this ticket or booking, or null: what the page shows after a reload. */
export function getMyCompanion(input: CompanionOfInput): Promise<MyCompanion | null> {
  return call('roster.companionOf', input);
}
