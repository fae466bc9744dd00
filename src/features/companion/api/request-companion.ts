import { call } from '@/lib/gateway';
import type { CompanionRequest, RequestCompanionInput } from '@/types/contract';

/**
 * Asks for a social worker to accompany me at the desk. A retry with the same requestId answers
 * the request the first attempt made, so staff do not see it twice.
 */
export function requestCompanion(input: RequestCompanionInput): Promise<CompanionRequest> {
  return call('roster.requestCompanion', input);
}
