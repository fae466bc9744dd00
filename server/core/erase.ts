/**
 * 删除我的个人信息: erasing a resident. Every record that names or describes them is deleted or
 * anonymised, each as its domain's rule decides (erasedTicket, erasedBooking, erasedSignUp,
 * erasedTask, erasedSuggestion, erasedVote, erasedCompanion; forgettableUser), and each store
 * applies those rules in its own transactions. What stays is anonymous counts: numbers served,
 * bookings and sign-ups per slot or activity, attendance, ballots' choices, suggestions' text.
 */
import type { CoreDeps } from './deps';
import { addDays, todayOf } from './kernel/week';

export async function eraseResident(deps: CoreDeps, userId: string) {
  const { store } = deps;
  // The photos go with the suggestions: read their references before the suggestions forget them.
  const photos = (await store.suggestions.ofUser(userId)).flatMap((s) =>
    s.photo === null ? [] : [{ community: s.community, ref: s.photo }],
  );
  const erased =
    (await store.queues.erase(userId)) +
    (await store.bookings.erasePersonal(userId)) +
    (await store.notices.eraseSignUps(userId)) +
    (await store.rosters.eraseCompanions(userId)) +
    (await store.volunteers.erase(userId)) +
    (await store.followUps.erase(userId)) +
    (await store.followUps.forgetContact(userId)) +
    (await store.suggestions.erase(userId)) +
    (await store.surveys.eraseVoter(userId)) +
    (await store.alerts.erase(userId));
  // Uploads nobody attached yet go with their records; attached photos went with the suggestions.
  // Today's and yesterday's counters may still exist (the morning job deletes older days').
  const today = todayOf(deps.clock.now());
  const days = [today, addDays(today, -1)];
  for (const ref of await store.uploads.eraseUploader(userId, days)) await deps.media?.remove(ref);
  for (const { community, ref } of photos) {
    if (!(await stillShown(deps, community, ref))) await deps.media?.remove(ref);
  }
  await store.identities.forget(userId);
  await store.scrub?.();
  return { erased };
}

/**
 * Whether another record still shows a stored file. Uploads get random names (core/upload), so
 * this holds only for references written before that (content-named files), kept for the other.
 */
export async function stillShown(deps: CoreDeps, community: string, ref: string) {
  const { store } = deps;
  if ((await store.suggestions.list(community)).some((s) => s.photo === ref)) return true;
  const statuses = ['draft', 'published', 'archived'] as const;
  const notices = await store.notices.list(community, { statuses: [...statuses] });
  return notices.some((n) => n.cover === ref);
}
