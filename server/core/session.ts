import type { Identity } from '../../contract/staff';
import type { CoreDeps } from './deps';
import { currentAdminDigest, identityOf, sessionIsCurrent, userRecordOf } from './identity';
import type { UserRecord } from './ports';

/** The caller's record as the core sees it (admin by the current token), created on first sight. */
export async function currentUser(deps: CoreDeps, userId: string): Promise<UserRecord> {
  const stored = await deps.store.identities.ensureUser(userId, deps.clock.now());
  return userRecordOf(stored, currentAdminDigest(deps.config.adminToken));
}

/** The user as the core sees it, or null when the store has never seen them (nothing created). */
export async function knownUser(deps: CoreDeps, userId: string): Promise<UserRecord | null> {
  const stored = await deps.store.identities.getUser(userId);
  return stored && userRecordOf(stored, currentAdminDigest(deps.config.adminToken));
}

/**
 * The identity behind a host's session: created as a resident on first sight. Null when the
 * session's version is not the user's (signed out): the host then starts a fresh identity.
 */
export async function sessionIdentity(
  deps: CoreDeps,
  userId: string,
  sessionVersion?: number,
): Promise<Identity | null> {
  const user = await currentUser(deps, userId);
  if (!sessionIsCurrent(user, sessionVersion)) return null;
  return identityOf(user, deps.store.communities, await volunteerOf(deps, userId));
}

/** The communities the user volunteers in (#16), for their identity. */
export const volunteerOf = async (deps: CoreDeps, userId: string) =>
  (await deps.store.volunteers.membershipsOf(userId)).map((m) => m.community);
