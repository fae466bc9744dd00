import { call } from '@/lib/gateway';
import { useRemote, type Remote } from '@/hooks/use-remote';
import type { ContactPreference } from '@/types/contract';

/** My 不要电话回访 choice (off before I chose). */
export function getContactPreference(): Promise<ContactPreference> {
  return call('followup.preferences', {});
}

/** Turns calls off (questions in the app only) or back on; answers with the saved choice. */
export function setContactPreference(noCalls: boolean): Promise<ContactPreference> {
  return call('followup.setContact', { noCalls });
}

/** My choice, loaded once the page shows. */
export function useContactPreference(): Remote<ContactPreference> {
  return useRemote('contact', getContactPreference);
}
