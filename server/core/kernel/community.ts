import type { CoreDeps } from '../deps';
import { notFound } from '../errors';
import type { CommunityRecord } from '../ports';

/** The community an action names, or NOT_FOUND in words a resident understands. */
export async function communityOrThrow(deps: CoreDeps, id: string): Promise<CommunityRecord> {
  const community = await deps.store.communities.get(id);
  if (!community) throw notFound('没有找到这个社区，请重新扫码或选择社区');
  return community;
}
