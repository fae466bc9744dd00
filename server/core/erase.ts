/**
 * 删除我的个人信息: erasing a resident. Every record that names or describes them is deleted or
 * anonymised, each as its domain's rule decides (erasedTicket, erasedBooking, erasedSignUp,
 * erasedTask, erasedSuggestion, erasedVote, erasedCompanion; forgettableUser), and each store
 * applies those rules in its own transactions. What stays is anonymous counts: numbers served,
 * bookings and sign-ups per slot or activity, attendance, ballots' choices, suggestions' text.
 */
import type { CoreDeps } from './deps';

export async function eraseResident(deps: CoreDeps, userId: string) {
  const { store } = deps;
  // The photos go with the suggestions: read their references before the suggestions forget them.
  const photos = (await store.suggestions.ofUser(userId))
    .map((s) => s.photo)
    .filter((p): p is string => p !== null);
  const erased =
    (await store.queues.erase(userId)) +
    (await store.bookings.erasePersonal(userId)) +
    (await store.notices.eraseSignUps(userId)) +
    (await store.rosters.eraseCompanions(userId)) +
    (await store.followUps.erase(userId)) +
    (await store.suggestions.erase(userId)) +
    (await store.surveys.eraseVoter(userId)) +
    (await store.alerts.erase(userId));
  for (const photo of new Set(photos)) await deps.media?.remove(photo);
  await store.identities.forget(userId);
  await store.scrub?.();
  return { erased };
}
