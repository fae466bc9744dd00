/** What the report actions (社区买单) do, one function each: the evening report, its CSVs, the unit costs and the overview. */
import type {
  EveningReport,
  Overview,
  ReportCsv,
  ServiceFigures,
  Subdistrict,
} from '../../../contract/report';
import { servedByOf } from '../volunteer/rules';
import type { CoreDeps } from '../deps';
import { ACTIVITY_RULE } from '../followup/service';
import { communityOrThrow } from '../kernel/community';
import { calendarOf } from '../kernel/calendar';
import { LOOKAHEAD_DAYS } from '../kernel/schedule';
import { addDays, todayOf } from '../kernel/week';
import type { CommunityRecord } from '../ports';
import { ANSWERED } from '../suggestion/service';
import { local } from '../kernel/time';
import { subdistrictCsv, summaryCsv, visitsCsv } from './csv';
import { countServed, lastEvening, median, mergedCosts, p90, round1 } from './rules';
import { subdistrictDates, subdistrictOf, type LoadedCommunity } from './subdistrict';
import { visitsOn } from './visits';

/** Follow-up answers by service, matched on the service names the tasks list. */
async function satisfactionBy(deps: CoreDeps, c: CommunityRecord, date: string) {
  const by = new Map<string, ServiceFigures['satisfaction']>();
  for (const t of await deps.store.followUps.ofEvening(c.id, date)) {
    if (!t.result || t.kind !== 'first') continue;
    for (const label of t.services) {
      const service = c.services.find((s) => label.startsWith(s.name))?.id ?? ACTIVITY_RULE;
      const entry = by.get(service) ?? { satisfied: 0, mostly: 0, unsatisfied: 0 };
      entry[t.result.satisfaction] += 1;
      by.set(service, entry);
    }
  }
  return by;
}

export async function eveningReport(
  deps: CoreDeps,
  c: CommunityRecord,
  date: string,
  withPrevious = true,
): Promise<EveningReport> {
  const visits = await visitsOn(deps, c, date);
  const costs = (await deps.store.reports.getCosts(c.id)) ?? {};
  const satisfaction = await satisfactionBy(deps, c, date);
  const suggestions = (await deps.store.suggestions.list(c.id)).filter(
    (s) => local(s.createdAt).format('YYYY-MM-DD') === date,
  );
  const volunteered = new Map(
    servedByOf(c, await deps.store.volunteers.shifts(c.id, date)).map((v) => [v.service, v.by]),
  );
  const rows = [
    ...[...c.services]
      .sort((a, b) => a.sort - b.sort)
      .map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    { id: ACTIVITY_RULE, name: '活动', kind: 'activity' as const },
  ];
  const services: ServiceFigures[] = rows.map((row) => {
    const mine = visits.filter((v) => v.service === row.id);
    const { visits: served, people } = countServed(mine);
    const unitCost = costs[row.id] ?? null;
    const about = suggestions.filter((s) => s.category === row.id);
    const servedBy = volunteered.get(row.id);
    return {
      ...(servedBy ? { servedBy } : {}),
      service: row.id,
      name: row.name,
      kind: row.kind,
      visits: served,
      people,
      tickets: mine.filter((v) => v.kind === '取号').length,
      bookings: mine.filter((v) => v.kind === '预约').length,
      noShows: mine.filter((v) => v.noShow).length,
      waitMedian: median(mine.flatMap((v) => (v.waitMinutes === null ? [] : [v.waitMinutes]))),
      waitP90: p90(mine.flatMap((v) => (v.waitMinutes === null ? [] : [v.waitMinutes]))),
      serviceMedian: median(
        mine.flatMap((v) => (v.serviceMinutes === null ? [] : [v.serviceMinutes])),
      ),
      attendance: mine.filter((v) => v.kind === '活动').length,
      satisfaction: satisfaction.get(row.id) ?? { satisfied: 0, mostly: 0, unsatisfied: 0 },
      suggestions: {
        received: about.length,
        answered: about.filter((s) => ANSWERED.includes(s.status)).length,
      },
      unitCost,
      cost: unitCost === null ? null : round1(unitCost * served),
    };
  });
  const costed = services.filter((s) => s.cost !== null);
  // People across services are counted once: a resident at the health check and the library
  // is two visits (人次) but one person (人).
  const totals = {
    ...countServed(visits),
    cost: costed.length ? round1(costed.reduce((n, s) => n + s.cost!, 0)) : null,
  };
  const before = addDays(date, -7);
  const previous = withPrevious ? await eveningReport(deps, c, before, false) : null;
  return {
    community: { id: c.id, name: c.name },
    date,
    services,
    totals,
    previous: previousOf(previous, before),
  };
}

/** Last week's evening as the trend reads it; nothing served when it was not computed. */
function previousOf(previous: EveningReport | null, date: string): EveningReport['previous'] {
  return {
    date,
    visits: previous?.totals.visits ?? 0,
    people: previous?.totals.people ?? 0,
    cost: previous?.totals.cost ?? null,
    byService: Object.fromEntries((previous?.services ?? []).map((s) => [s.service, s.visits])),
  };
}

/** The evening report of one community and date, with last week's for the trend. */
export async function reportOf(deps: CoreDeps, community: string, date: string) {
  return eveningReport(deps, await communityOrThrow(deps, community), date);
}

/** Saves unit costs over the ones saved before (mergedCosts). */
export async function saveCosts(
  deps: CoreDeps,
  communityId: string,
  costs: Record<string, number>,
) {
  const community = await communityOrThrow(deps, communityId);
  const next = mergedCosts(community, await deps.store.reports.getCosts(community.id), costs);
  await deps.store.reports.saveCosts(community.id, next);
  return next;
}

/** One evening's summary (服务汇总) or every visit (到访明细) as a CSV file. */
export async function reportCsv(
  deps: CoreDeps,
  communityId: string,
  date: string,
  kind: 'summary' | 'visits',
): Promise<ReportCsv> {
  const community = await communityOrThrow(deps, communityId);
  const csv =
    kind === 'summary'
      ? summaryCsv(await eveningReport(deps, community, date))
      : visitsCsv(await visitsOn(deps, community, date));
  const what = kind === 'summary' ? '服务汇总' : '到访明细';
  return { filename: `${community.name}-${date}-${what}.csv`, csv };
}

/** Every community's most recent service evening on or before `date` (default today), for the admin. */
export async function overview(
  deps: CoreDeps,
  date: string | undefined,
  now: Date,
): Promise<Overview> {
  const day = date ?? todayOf(now);
  const communities = [];
  for (const { id } of await deps.store.communities.list()) {
    const c = await communityOrThrow(deps, id);
    // The calendar from eight weeks back: lastEvening looks that far.
    const evening = lastEvening(await calendarOf(deps, c, addDays(day, -LOOKAHEAD_DAYS)), day);
    const report = await eveningReport(deps, c, evening, false);
    communities.push({ id, name: c.name, date: evening, ...report.totals });
  }
  return { date: day, communities };
}

/**
 * The records of one community for the 街道汇总: its service evenings of the 8 weeks, each read
 * as the evening report reads it (a line's evening, the bookings, the week's activities, the
 * follow-ups), plus its costs and suggestions once.
 */
async function loadCommunity(deps: CoreDeps, id: string, day: string): Promise<LoadedCommunity> {
  const c = await communityOrThrow(deps, id);
  // One read of the calendar from eight weeks back: lastEvening looks that far, and the view's
  // first Monday is at most 55 days before `day`.
  const calendar = await calendarOf(deps, c, addDays(day, -LOOKAHEAD_DAYS));
  const { evenings: dates, cancelled } = subdistrictDates(calendar, day);
  const evenings = [];
  for (const date of dates) {
    evenings.push({
      date,
      visits: await visitsOn(deps, c, date),
      followUps: await deps.store.followUps.ofEvening(c.id, date),
    });
  }
  return {
    id: c.id,
    name: c.name,
    costs: await deps.store.reports.getCosts(c.id),
    lastDate: lastEvening(calendar, day),
    evenings,
    cancelled,
    suggestions: await deps.store.suggestions.list(c.id),
  };
}

/** 街道汇总 for `date` (default today): every community's last evening and last 8 weeks. */
export async function subdistrict(
  deps: CoreDeps,
  date: string | undefined,
  now: Date,
): Promise<Subdistrict> {
  const day = date ?? todayOf(now);
  const loaded = [];
  for (const { id } of await deps.store.communities.list()) {
    loaded.push(await loadCommunity(deps, id, day));
  }
  return subdistrictOf(day, loaded);
}

/** The 街道汇总 as a CSV file: one row per community and week. */
export async function subdistrictCsvOf(
  deps: CoreDeps,
  date: string | undefined,
  now: Date,
): Promise<ReportCsv> {
  const view = await subdistrict(deps, date, now);
  return { filename: `街道汇总-${view.date}.csv`, csv: subdistrictCsv(view) };
}
