import * as z from 'zod';
import type { Tonight } from '../../../contract/community';
import type { NoticeSummary } from '../../../contract/notice';
import { currentNotices, summaryOf } from '../notice/service';
import { defineAction } from '../action';
import { notFound } from '../errors';
import type { CommunityRecord } from '../ports';
import { eveningStatus } from '../schedule';
import { isoLocal, local } from '../time';
import { ids } from '../validation';

const byOrder = (a: { sort: number }, b: { sort: number }) => a.sort - b.sort;

/** Tonight as a resident sees it: one call gives the page everything it shows. */
export function composeTonight(
  community: CommunityRecord,
  now: Date,
  demoClock: boolean,
  notices: NoticeSummary[] = [],
): Tonight {
  const status = eveningStatus(community.evenings, now);
  return {
    community: { id: community.id, name: community.name },
    date: status.date,
    weekday: status.weekday,
    serviceEvening: status.serviceEvening,
    open: status.open,
    opensAt: status.opensAt,
    closesAt: status.closesAt,
    nextOpening: status.nextOpening ? isoLocal(status.nextOpening) : null,
    evenings: [...community.evenings].sort((a, b) => a.weekday - b.weekday),
    services: [...community.services]
      .sort(byOrder)
      .map(({ id, name, kind, description }) => ({ id, name, kind, description })),
    now: isoLocal(now),
    demoClock,
    notices,
  };
}

export const communityActions = [
  defineAction({
    id: 'community.list',
    role: 'public',
    input: z.object({}).strict(),
    example: {},
    handler: async ({ deps }) => deps.store.communities.list(),
  }),
  defineAction({
    id: 'community.tonight',
    role: 'public',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, now }, input) => {
      const community = await deps.store.communities.get(input.community);
      if (!community) throw notFound('没有找到这个社区，请重新扫码或选择社区');
      const date = local(now).format('YYYY-MM-DD');
      const notices = await Promise.all(
        (await currentNotices(deps, community.id, now)).map((n) => summaryOf(deps, n, date)),
      );
      return composeTonight(community, now, deps.clock.demo, notices);
    },
  }),
];
