import type { Identity } from '../../contract/staff';
import type { CoreDeps } from './deps';
import { identityOf } from './identity';

/** The identity behind a host's session: created as a resident on first sight. */
export async function sessionIdentity(deps: CoreDeps, userId: string): Promise<Identity> {
  const user = await deps.store.identities.ensureUser(userId, deps.clock.now());
  return identityOf(user, deps.store.communities);
}
