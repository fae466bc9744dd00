import { stringify } from 'csv-stringify/sync';
import type { BookingStatus } from '../../../contract/booking';
import type { EveningReport, ServedCount, ServiceFigures } from '../../../contract/report';
import type { CoreDeps } from '../deps';
import { AppError } from '../errors';
import { ACTIVITY_RULE } from '../followup/service';
import { addDays, mondayOf } from '../kernel/week';
import type { CommunityRecord, TicketRecord } from '../ports';
import { ANSWERED } from '../suggestion/service';
import { local } from '../kernel/time';

const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60000;
const round1 = (n: number) => Math.round(n * 10) / 10;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return round1(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

/** Nearest-rank 90th percentile: the value 90% of residents did not exceed. */
export function p90(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return round1(s[Math.ceil(0.9 * s.length) - 1]!);
}

/** One visit, as the raw CSV lists it. */
export interface Visit {
  kind: '取号' | '预约' | '活动';
  service: string;
  serviceName: string;
  ref: string;
  resident: string;
  /**
   * Who, for counting people (人) rather than visits (人次): the resident's account, else the name
   * staff wrote for someone without a phone (a walk-in's note, a booking or check-in by staff).
   */
  person: string;
  /** In Chinese words, as the subdistrict reads it (已完成, 过号未到…). */
  status: string;
  at: string;
  calledAt: string | null;
  closedAt: string | null;
  waitMinutes: number | null;
  serviceMinutes: number | null;
  served: boolean;
  noShow: boolean;
}

const whoOf = (userId: string | null, name: string, fallback: string) =>
  name || (userId ? `居民（尾号 ${userId.slice(-4)}）` : fallback);

/** The counting key of a visit's resident: the account, else the written name, else the record. */
const personOf = (userId: string | null, name: string, record: string) =>
  userId ? `user:${userId}` : name.trim() ? `name:${name.trim()}` : `record:${record}`;

/** Ticket, booking and check-in states in the words the report's readers use. */
export const TICKET_STATUS_WORDS: Record<TicketRecord['status'], string> = {
  waiting: '等候中',
  called: '已叫号',
  missed: '过号未到',
  done: '已完成',
  cancelled: '已取消',
};
export const BOOKING_STATUS_WORDS: Record<BookingStatus, string> = {
  confirmed: '已预约',
  waitlisted: '候补中',
  'checked-in': '已签到',
  completed: '已完成',
  'no-show': '未到',
  cancelled: '已取消',
};
const ATTENDED = '已到场';

const ticketVisit = (t: TicketRecord, service: string, serviceName: string): Visit => ({
  kind: '取号',
  service,
  serviceName,
  ref: t.label,
  resident: t.userId ? whoOf(t.userId, '', '') : `现场 ${t.note}`.trim(),
  person: personOf(t.userId, t.note, t.id),
  status: TICKET_STATUS_WORDS[t.status],
  at: t.createdAt,
  calledAt: t.calledAt,
  closedAt: t.closedAt,
  waitMinutes: t.calledAt ? round1(minutesBetween(t.createdAt, t.calledAt)) : null,
  serviceMinutes: t.serviceSeconds !== null ? round1(t.serviceSeconds / 60) : null,
  served: t.status === 'done',
  noShow: t.status === 'missed',
});

/** Every ticket of one evening, every walk-in line, as visits. */
async function ticketVisits(deps: CoreDeps, c: CommunityRecord, date: string) {
  const visits: Visit[] = [];
  for (const s of c.services.filter((x) => x.kind === 'queue')) {
    const evening = await deps.store.queues.getEvening(c.id, s.id, date);
    for (const t of evening?.tickets ?? []) visits.push(ticketVisit(t, s.id, s.name));
  }
  return visits;
}

/** Every visit of one evening: tickets, bookings and activity sign-ups. */
export async function visitsOn(deps: CoreDeps, c: CommunityRecord, date: string): Promise<Visit[]> {
  const visits: Visit[] = await ticketVisits(deps, c, date);
  for (const b of await deps.store.bookings.listForDate(c.id, date)) {
    if (b.status === 'cancelled' || b.status === 'waitlisted') continue;
    const name = c.services.find((s) => s.id === b.service)?.name ?? b.service;
    visits.push({
      kind: '预约',
      service: b.service,
      serviceName: name,
      ref: b.startsAt,
      resident: whoOf(b.userId, b.name, '代客预约'),
      person: personOf(b.userId, b.name, b.id),
      status: BOOKING_STATUS_WORDS[b.status],
      at: b.createdAt,
      calledAt: b.checkedInAt,
      closedAt: b.closedAt,
      waitMinutes: null,
      serviceMinutes: null,
      served: b.status === 'completed',
      noShow: b.status === 'no-show',
    });
  }
  const week = mondayOf(date);
  const notices = await deps.store.notices.list(c.id, {
    statuses: ['published', 'archived'],
    fromWeek: week,
    toWeek: week,
  });
  for (const a of notices.flatMap((n) => n.activities).filter((x) => x.date === date)) {
    for (const s of await deps.store.notices.signUpsOf(a.id)) {
      if (!s.attendedAt || s.status === 'cancelled') continue;
      visits.push({
        kind: '活动',
        service: ACTIVITY_RULE,
        serviceName: a.name,
        ref: a.startsAt,
        resident: whoOf(s.userId, s.name, '现场登记'),
        person: personOf(s.userId, s.name, s.id),
        status: ATTENDED,
        at: s.createdAt,
        calledAt: s.attendedAt,
        closedAt: null,
        waitMinutes: null,
        serviceMinutes: null,
        served: true,
        noShow: false,
      });
    }
  }
  return visits;
}

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

/** Visits served (人次) and the distinct residents among them (人). */
export function countServed(visits: Visit[]): ServedCount {
  const served = visits.filter((v) => v.served);
  return { visits: served.length, people: new Set(served.map((v) => v.person)).size };
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
    return {
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

const OPTIONS = { bom: true, record_delimiter: 'windows' as const, header: true };
const cell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const num = (n: number | null) => (n === null ? '' : String(n));

export function summaryCsv(report: EveningReport): string {
  const { totals, previous } = report;
  const sum = (pick: (s: ServiceFigures) => number) =>
    report.services.reduce((n, s) => n + pick(s), 0);
  return stringify(
    [
      ...report.services.map((s) => [
        cell(s.name),
        s.visits,
        s.people,
        s.tickets,
        s.bookings,
        s.noShows,
        num(s.waitMedian),
        num(s.waitP90),
        num(s.serviceMedian),
        s.attendance,
        s.satisfaction.satisfied,
        s.satisfaction.mostly,
        s.satisfaction.unsatisfied,
        s.suggestions.received,
        s.suggestions.answered,
        num(s.unitCost),
        num(s.cost),
        num(previous.byService[s.service] ?? null),
      ]),
      // 合计: 人 counts each resident once however many services they used, so it is not the
      // sum of the rows above; the other columns are.
      [
        '合计（人数按居民去重）',
        totals.visits,
        totals.people,
        sum((s) => s.tickets),
        sum((s) => s.bookings),
        sum((s) => s.noShows),
        '',
        '',
        '',
        sum((s) => s.attendance),
        sum((s) => s.satisfaction.satisfied),
        sum((s) => s.satisfaction.mostly),
        sum((s) => s.satisfaction.unsatisfied),
        sum((s) => s.suggestions.received),
        sum((s) => s.suggestions.answered),
        '',
        num(totals.cost),
        previous.visits,
      ],
    ],
    {
      ...OPTIONS,
      columns: [
        '服务',
        '服务人次',
        '服务人数',
        '取号',
        '预约',
        '未到',
        '等候中位数(分)',
        '等候90分位(分)',
        '服务时长中位数(分)',
        '活动到场',
        '满意',
        '基本满意',
        '不满意',
        '建议',
        '已答复',
        '单价(元/人次)',
        '费用(元)',
        '上周服务人次',
      ],
    },
  );
}

export function visitsCsv(visits: Visit[]): string {
  const when = (iso: string | null) => (iso ? local(iso).format('YYYY-MM-DD HH:mm') : '');
  return stringify(
    visits.map((v) => [
      v.kind,
      cell(v.serviceName),
      cell(v.ref),
      cell(v.resident),
      v.status,
      when(v.at),
      when(v.calledAt),
      when(v.closedAt),
      num(v.waitMinutes),
      num(v.serviceMinutes),
    ]),
    {
      ...OPTIONS,
      columns: [
        '类型',
        '服务',
        '号码/时段',
        '居民',
        '状态',
        '取号/预约时间',
        '叫号/签到时间',
        '结束时间',
        '等候(分)',
        '服务(分)',
      ],
    },
  );
}

/** The community's most recent service evening on or before `date`. */
export function lastEvening(c: CommunityRecord, date: string): string {
  for (let back = 0; back < 7; back += 1) {
    const d = addDays(date, -back);
    if (c.evenings.some((e) => e.weekday === local(`${d}T12:00:00+08:00`).day())) return d;
  }
  return date;
}

/**
 * Unit costs staff set: only for the community's services and activities, merged over the ones
 * saved before (a service left out keeps its cost).
 */
export function mergedCosts(
  community: CommunityRecord,
  saved: Record<string, number> | null,
  costs: Record<string, number>,
): Record<string, number> {
  const known = new Set([...community.services.map((s) => s.id), ACTIVITY_RULE]);
  const unknown = Object.keys(costs).find((k) => !known.has(k));
  if (unknown) throw new AppError('BAD_INPUT', `没有“${unknown}”这项服务`, 'costs');
  return { ...(saved ?? {}), ...costs };
}

export async function saveCosts(
  deps: CoreDeps,
  community: CommunityRecord,
  costs: Record<string, number>,
) {
  const next = mergedCosts(community, await deps.store.reports.getCosts(community.id), costs);
  await deps.store.reports.saveCosts(community.id, next);
  return next;
}
