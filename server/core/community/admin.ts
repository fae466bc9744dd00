/**
 * What the admin's community actions do: list every community, create one, edit it, archive or
 * restore it. The rules are in setup.ts; the store keeps ids unique, atomically. Archiving also
 * stops tonight's open lines taking numbers and cancels the coming bookings and sign-ups.
 */
import type {
  ArchiveCommunityInput,
  CommunitySummary,
  CreateCommunityInput,
  ManagedCommunity,
  UpdateCommunityInput,
} from '../../../contract/community';
import type { CoreDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { communityOrThrow } from '../kernel/community';
import { applyTonightHours } from '../queue/service';
import { closeArchived } from './calendar-service';
import { archiveValue, checkedFields, managedOf, newCommunity, takenMessage } from './setup';

const NOT_FOUND = '没有找到这个社区';

/** Residents' list: archived communities are hidden. */
export async function openCommunities(deps: CoreDeps): Promise<CommunitySummary[]> {
  return (await deps.store.communities.list())
    .filter((c) => !c.archived)
    .map(({ id, name }) => ({ id, name }));
}

/** Every community with every field, archived ones last (a few dozen at most: one read each). */
export async function managedCommunities(deps: CoreDeps): Promise<ManagedCommunity[]> {
  const listed = await deps.store.communities.list();
  const records = await Promise.all(listed.map((c) => deps.store.communities.get(c.id)));
  return records
    .filter((c) => c !== null)
    .map(managedOf)
    .sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));
}

async function managed(deps: CoreDeps, id: string): Promise<ManagedCommunity> {
  return managedOf(await communityOrThrow(deps, id));
}

export async function createCommunity(
  deps: CoreDeps,
  input: CreateCommunityInput,
): Promise<ManagedCommunity> {
  const community = newCommunity(input);
  if (!(await deps.store.communities.create(community))) {
    throw new AppError('CONFLICT', takenMessage(community.id), 'id');
  }
  return managed(deps, community.id);
}

export async function updateCommunity(
  deps: CoreDeps,
  { community, ...fields }: UpdateCommunityInput,
): Promise<ManagedCommunity> {
  const change = checkedFields(fields);
  if (!(await deps.store.communities.update(community, change))) throw notFound(NOT_FOUND);
  return managed(deps, community);
}

export async function archiveCommunity(
  deps: CoreDeps,
  input: ArchiveCommunityInput,
  now: Date,
): Promise<ManagedCommunity> {
  const current = await communityOrThrow(deps, input.community);
  const archivedAt = archiveValue(current, input.archived, now);
  if (!(await deps.store.communities.setArchived(input.community, archivedAt))) {
    throw notFound(NOT_FOUND);
  }
  const record = { ...current, archivedAt };
  // After the flag is written, so that a join or booking either committed before (and is
  // cancelled or finished here) or reads the archive (and is refused).
  if (archivedAt !== null) await closeArchived(deps, record, now);
  await applyTonightHours(deps, record, now);
  return managed(deps, input.community);
}
