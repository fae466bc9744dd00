import * as z from 'zod';
import { defineAction } from '../action';
import { communityOrThrow } from '../kernel/community';
import { isCalendarDate, todayOf } from '../kernel/week';
import { summaryCsv, visitsCsv } from '../report/csv';
import { lastEvening } from '../report/rules';
import { eveningReport, saveCosts } from '../report/service';
import { visitsOn } from '../report/visits';
import { ids } from '../validation';

const date = z.string().refine(isCalendarDate);

export const reportActions = [
  defineAction({
    id: 'report.evening',
    role: 'staff',
    input: z.object({ community: ids.community, date }).strict(),
    example: { community: 'jinse', date: '2026-12-02' },
    community: (input) => input.community,
    handler: async ({ deps }, input) =>
      eveningReport(deps, await communityOrThrow(deps, input.community), input.date),
  }),
  defineAction({
    id: 'report.costs',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        costs: z.record(ids.service, z.number().min(0).max(10000)),
      })
      .strict(),
    example: { community: 'jinse', costs: { paperwork: 20, health: 15 } },
    community: (input) => input.community,
    handler: async ({ deps }, input) =>
      saveCosts(deps, await communityOrThrow(deps, input.community), input.costs),
  }),
  defineAction({
    id: 'report.csv',
    role: 'staff',
    input: z
      .object({ community: ids.community, date, kind: z.enum(['summary', 'visits']) })
      .strict(),
    example: { community: 'jinse', date: '2026-12-02', kind: 'summary' },
    community: (input) => input.community,
    handler: async ({ deps }, input) => {
      const community = await communityOrThrow(deps, input.community);
      const csv =
        input.kind === 'summary'
          ? summaryCsv(await eveningReport(deps, community, input.date))
          : visitsCsv(await visitsOn(deps, community, input.date));
      const what = input.kind === 'summary' ? '服务汇总' : '到访明细';
      return { filename: `${community.name}-${input.date}-${what}.csv`, csv };
    },
  }),
  defineAction({
    id: 'report.overview',
    role: 'admin',
    input: z.object({ date: date.optional() }).strict(),
    example: {},
    handler: async ({ deps, now }, input) => {
      const day = input.date ?? todayOf(now);
      const communities = [];
      for (const { id } of await deps.store.communities.list()) {
        const c = await communityOrThrow(deps, id);
        const evening = lastEvening(c, day);
        const report = await eveningReport(deps, c, evening, false);
        communities.push({ id, name: c.name, date: evening, ...report.totals });
      }
      return { date: day, communities };
    },
  }),
];
