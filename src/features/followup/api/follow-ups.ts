import { call } from '@/lib/gateway';
import type { AnswerFollowUpInput, ResidentFollowUp } from '@/types/contract';

/** Answers a follow-up question in the app; resolves to what is still pending. */
export function answerFollowUp(input: AnswerFollowUpInput): Promise<ResidentFollowUp[]> {
  return call('followup.answer', input);
}

/**
 * Removes what ties my follow-ups and suggestions to me (phone, name, notes, photos, the link to
 * my account); the anonymous figures stay.
 */
export function eraseMyData(): Promise<{ erased: number }> {
  return call('followup.erase', {});
}
