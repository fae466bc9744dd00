import * as z from 'zod';
import { defineAction, inCommunity } from '../action';
import { posterFor } from '../report/poster';
import {
  overview,
  reportCsv,
  reportOf,
  saveCosts,
  subdistrict,
  subdistrictCsvOf,
} from '../report/service';
import { ids } from '../validation';

const date = ids.date;

export const reportActions = [
  inCommunity({
    id: 'report.evening',
    role: 'staff',
    input: z.object({ community: ids.community, date }).strict(),
    example: { community: 'jinse', date: '2026-12-02' },
    handler: async ({ deps }, input) => reportOf(deps, input.community, input.date),
  }),
  inCommunity({
    id: 'report.costs',
    role: 'staff',
    input: z
      .object({
        community: ids.community,
        costs: z.record(ids.service, z.number().min(0).max(10000)),
      })
      .strict(),
    example: { community: 'jinse', costs: { paperwork: 20, health: 15 } },
    handler: async ({ deps }, input) => saveCosts(deps, input.community, input.costs),
  }),
  inCommunity({
    id: 'report.csv',
    role: 'staff',
    input: z
      .object({ community: ids.community, date, kind: z.enum(['summary', 'visits']) })
      .strict(),
    example: { community: 'jinse', date: '2026-12-02', kind: 'summary' },
    handler: async ({ deps }, input) => reportCsv(deps, input.community, input.date, input.kind),
  }),
  defineAction({
    id: 'report.overview',
    role: 'admin',
    input: z.object({ date: date.optional() }).strict(),
    example: {},
    handler: async ({ deps, now }, input) => overview(deps, input.date, now),
  }),
  defineAction({
    id: 'report.subdistrict',
    role: 'admin',
    input: z.object({ date: date.optional() }).strict(),
    example: {},
    handler: async ({ deps, now }, input) => subdistrict(deps, input.date, now),
  }),
  defineAction({
    id: 'report.subdistrictCsv',
    role: 'admin',
    input: z.object({ date: date.optional() }).strict(),
    example: {},
    handler: async ({ deps, now }, input) => subdistrictCsvOf(deps, input.date, now),
  }),
  inCommunity({
    id: 'report.poster',
    role: 'staff',
    input: z.object({ community: ids.community }).strict(),
    example: { community: 'jinse' },
    handler: async ({ deps, now }, input) => posterFor(deps, input.community, now),
  }),
];
